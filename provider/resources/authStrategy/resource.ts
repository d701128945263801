/**
 * `konnect.AuthStrategy`: a Konnect application auth strategy as a Pulumi dynamic resource.
 * Its provider comes from the shared shim factory (`./shim`): one-line methods that load the implementation by name.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AuthStrategyArgs, AuthStrategyInputs, AuthStrategyOutputs } from "../args";
import { CREATION_KEY_INPUT } from "../core/creationKey";
import { creationKeyInput } from "../core/creationKeyInput";
import { serializedProvider } from "../core/shim";
import { KonnectResource } from "../core/konnectResource";

/** The resource's type token (`dynamic.Resource` prefixes `pulumi-nodejs:dynamic/` to module and type). */
const AUTHSTRATEGY_TYPE = "pulumi-nodejs:dynamic/konnect:AuthStrategy";

/** The dynamic provider for auth strategies; usable directly with plain values. */
export const authStrategyProvider = serializedProvider<AuthStrategyInputs, AuthStrategyOutputs>("authStrategy");

/**
 * A Konnect application auth strategy (`POST /v2/application-auth-strategies`). With `dcrProviderId` an
 * `openid_connect` strategy registers developer applications through that DCR provider.
 * Type token `pulumi-nodejs:dynamic/konnect:AuthStrategy`.
 */
export class AuthStrategy extends KonnectResource {
  /** Name shown in the Konnect UI. */
  declare public readonly name: pulumi.Output<string>;
  /** Name shown in the Dev Portal UI. */
  declare public readonly displayName: pulumi.Output<string>;
  /** `openid_connect` or `key_auth`. */
  declare public readonly strategyType: pulumi.Output<AuthStrategyInputs["strategyType"]>;
  /** OpenID Connect settings (openid_connect only). */
  declare public readonly openidConnect: pulumi.Output<AuthStrategyInputs["openidConnect"]>;
  /** Key-auth settings (key_auth only). */
  declare public readonly keyAuth: pulumi.Output<AuthStrategyInputs["keyAuth"]>;
  /** Id of the linked DCR provider, if any. */
  declare public readonly dcrProviderId: pulumi.Output<string | undefined>;
  /** Labels on the Konnect object. */
  declare public readonly labels: pulumi.Output<Record<string, string> | undefined>;
  /** Principals settings. */
  declare public readonly principals: pulumi.Output<{ enabled: boolean } | undefined>;
  /** The id this resource adopted, if any. */
  declare public readonly adoptId: pulumi.Output<string | undefined>;
  /** Region the object lives in, when set on the resource. */
  declare public readonly region: pulumi.Output<string | undefined>;
  /** True when at least one published API uses this strategy. */
  declare public readonly active: pulumi.Output<boolean>;
  /** Whether applications may hold several credentials. */
  declare public readonly supportsMultipleCredentials: pulumi.Output<boolean>;
  /** The linked DCR provider as Konnect reports it, or null. */
  declare public readonly dcrProvider: pulumi.Output<AuthStrategyOutputs["dcrProvider"]>;
  /** Creation time (ISO 8601). */
  declare public readonly createdAt: pulumi.Output<string>;
  /** Last update time (ISO 8601). */
  declare public readonly updatedAt: pulumi.Output<string>;

  /**
   * @param name Pulumi resource name (not the Konnect name).
   * @param args Auth strategy settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: AuthStrategyArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...args,
      active: undefined,
      supportsMultipleCredentials: undefined,
      dcrProvider: undefined,
      createdAt: undefined,
      updatedAt: undefined,
      // Stable per resource and stack: lets a create whose outcome was lost find its object on the next `up`.
      [CREATION_KEY_INPUT]: creationKeyInput(AUTHSTRATEGY_TYPE, name, opts?.parent),
    };
    super(authStrategyProvider, name, props, opts, "AuthStrategy");
  }
}

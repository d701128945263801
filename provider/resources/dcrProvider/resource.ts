/**
 * `konnect.DcrProvider`: a Konnect Dev Portal DCR provider as a Pulumi dynamic resource.
 *
 * The provider object is what Pulumi serializes into state (`__provider`); see `./shim` for the serialization rule.
 */
import * as pulumi from "@pulumi/pulumi";
import type { DcrProviderArgs, DcrProviderInputs, DcrProviderOutputs, DcrConfigArgs } from "../args";
import { DCR_SECRET_FIELDS } from "../../konnect/dcrProviders/configFields";
import { CREATION_KEY_INPUT } from "../core/creationKey";
import { creationKeyInput } from "../core/creationKeyInput";
import { serializedProvider } from "../core/shim";
import { KonnectResource } from "../core/konnectResource";

/** The resource's type token (`dynamic.Resource` prefixes `pulumi-nodejs:dynamic/` to module and type). */
const DCRPROVIDER_TYPE = "pulumi-nodejs:dynamic/konnect:DcrProvider";

/** The dynamic provider for DCR providers; usable directly with plain values. */
export const dcrProviderProvider = serializedProvider<DcrProviderInputs, DcrProviderOutputs>("dcrProvider");

/** Marks the write-only secrets of a DCR config as Pulumi secrets, field by field, so the rest stays readable. */
function secretDcrConfig(config: DcrConfigArgs | undefined): DcrConfigArgs | undefined {
  if (config === undefined) return undefined;
  const marked: Record<string, unknown> = { ...config };
  for (const field of DCR_SECRET_FIELDS) {
    const value = config[field];
    marked[field] = value === undefined ? undefined : pulumi.secret(value);
  }
  return marked;
}

/**
 * A Konnect DCR provider (`POST /v2/dcr-providers`): the IdP connection Konnect uses to register developer
 * applications. Type token `pulumi-nodejs:dynamic/konnect:DcrProvider`.
 */
export class DcrProvider extends KonnectResource {
  /** Name shown in the Konnect UI. */
  declare public readonly name: pulumi.Output<string>;
  /** Name shown in the Dev Portal UI, when set. */
  declare public readonly displayName: pulumi.Output<string | undefined>;
  /** IdP type. */
  declare public readonly providerType: pulumi.Output<DcrProviderInputs["providerType"]>;
  /** Issuer URL, without trailing slash. */
  declare public readonly issuer: pulumi.Output<string>;
  /** Labels on the Konnect object. */
  declare public readonly labels: pulumi.Output<Record<string, string> | undefined>;
  /** Provider-specific settings; write-only secrets inside are Pulumi secrets. */
  declare public readonly dcrConfig: pulumi.Output<DcrProviderInputs["dcrConfig"]>;
  /** The id this resource adopted, if any. */
  declare public readonly adoptId: pulumi.Output<string | undefined>;
  /** Whether `/verify` runs after create and update. */
  declare public readonly verify: pulumi.Output<boolean | undefined>;
  /** Region the object lives in, when set on the resource. */
  declare public readonly region: pulumi.Output<string | undefined>;
  /** True when at least one auth strategy uses this DCR provider. */
  declare public readonly active: pulumi.Output<boolean>;
  /** Creation time (ISO 8601). */
  declare public readonly createdAt: pulumi.Output<string>;
  /** Last update time (ISO 8601). */
  declare public readonly updatedAt: pulumi.Output<string>;

  /**
   * @param name Pulumi resource name (not the Konnect name).
   * @param args DCR provider settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: DcrProviderArgs, opts?: pulumi.CustomResourceOptions) {
    const props = {
      ...args,
      dcrConfig: secretDcrConfig(args.dcrConfig),
      active: undefined,
      createdAt: undefined,
      updatedAt: undefined,
      // Stable per resource and stack: lets a create whose outcome was lost find its object on the next `up`.
      [CREATION_KEY_INPUT]: creationKeyInput(DCRPROVIDER_TYPE, name, opts?.parent),
    };
    super(dcrProviderProvider, name, props, opts, "DcrProvider");
  }
}

/**
 * `konnect.AuthStrategy`: a Konnect application auth strategy as a Pulumi dynamic resource (program side). Its
 * provider comes from the shared shim factory (`../core/shim.ts`): one-line methods that load the implementation by
 * name.
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type { AuthStrategyArgs, AuthStrategyInputs, AuthStrategyOutputs } from "./args";
import { AUTH_STRATEGY_INPUTS } from "./inputs";

/** The dynamic provider for auth strategies; usable directly with plain values. */
export const authStrategyProvider = serializedProvider<AuthStrategyInputs, AuthStrategyOutputs>("authStrategy");

/** The outputs of an auth strategy as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface AuthStrategy extends OutputProperties<Omit<AuthStrategyOutputs, keyof RecordedLocation>> {}

/**
 * A Konnect application auth strategy (`POST /v2/application-auth-strategies`). With `dcrProviderId` an
 * `openid_connect` strategy registers developer applications through that DCR provider.
 * Type token `pulumi-nodejs:dynamic/konnect:AuthStrategy`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class AuthStrategy extends KonnectResource {
  /**
   * @param name Pulumi resource name (not the Konnect name).
   * @param args Auth strategy settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: AuthStrategyArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "AuthStrategy",
      inputs: AUTH_STRATEGY_INPUTS,
      outputs: ["active", "supportsMultipleCredentials", "dcrProvider", "createdAt", "updatedAt"],
      creationKey: true,
    };
    super(spec, authStrategyProvider, name, args, opts);
  }
}

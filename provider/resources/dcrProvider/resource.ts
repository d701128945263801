/**
 * `konnect.DcrProvider`: a Konnect Dev Portal DCR provider as a Pulumi dynamic resource (program side). Its provider
 * comes from the shared shim factory (`../core/shim.ts`): one-line methods that load the implementation by name.
 */
import type * as pulumi from "@pulumi/pulumi";
import { KonnectResource, type OutputProperties } from "../core/konnectResource";
import type { RecordedLocation } from "../core/location";
import { serializedProvider } from "../core/shim";
import type { DcrProviderArgs, DcrProviderInputs, DcrProviderOutputs } from "./args";
import { DCR_PROVIDER_INPUTS } from "./inputs";

/** The dynamic provider for DCR providers; usable directly with plain values. */
export const dcrProviderProvider = serializedProvider<DcrProviderInputs, DcrProviderOutputs>("dcrProvider");

/** The outputs of a DCR provider as properties (the location outputs come from the base class). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface DcrProvider extends OutputProperties<Omit<DcrProviderOutputs, keyof RecordedLocation>> {}

/**
 * A Konnect DCR provider (`POST /v2/dcr-providers`): the IdP connection Konnect uses to register developer
 * applications. Type token `pulumi-nodejs:dynamic/konnect:DcrProvider`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class DcrProvider extends KonnectResource {
  /**
   * @param name Pulumi resource name (not the Konnect name).
   * @param args DCR provider settings.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: DcrProviderArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "DcrProvider",
      inputs: DCR_PROVIDER_INPUTS,
      outputs: ["active", "createdAt", "updatedAt"],
      creationKey: true,
    };
    super(spec, dcrProviderProvider, name, args, opts);
  }
}

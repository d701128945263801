/**
 * `konnect.DcrRequestCheck`: the last step of Kong's Azure DCR guide, "make a successful request", as a Pulumi dynamic
 * resource (program side). It talks to Azure's token endpoint and the gateway, never to Konnect.
 */
import type * as pulumi from "@pulumi/pulumi";
import { serializedProvider } from "../core/shim";
import { TableResource, type OutputProperties } from "../core/tableResource";
import type { DcrRequestCheckArgs, DcrRequestCheckInputs, DcrRequestCheckOutputs } from "./args";
import { DCR_REQUEST_CHECK_INPUTS } from "./inputs";

/** The dynamic provider for request checks; usable directly with plain values. */
export const dcrRequestCheckProvider = serializedProvider<DcrRequestCheckInputs, DcrRequestCheckOutputs>(
  "dcrRequestCheck",
);

/** The outputs of a request check as properties. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export interface DcrRequestCheck extends OutputProperties<DcrRequestCheckOutputs> {}

/**
 * A first successful request through Konnect DCR, inside `pulumi up`: a v1 token from Azure AD for the Dev Portal
 * application (`ver` 1.0, the tenant's `sts.windows.net` issuer, `appid` = the client id), then, with a `route`, a
 * call of the gateway with the bearer token that must answer 2xx. Create and every change of an input run it (with
 * retries within `timeoutSeconds`); a run that does not pass fails the `up` with a report whose secret and token are
 * redacted. Refresh and delete make no request; the token is never stored. Needs no Konnect token or region. Type
 * token `pulumi-nodejs:dynamic/konnect:DcrRequestCheck`.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- Pulumi sets the outputs at run time
export class DcrRequestCheck extends TableResource {
  /**
   * @param name Pulumi resource name.
   * @param args The application's credentials, the tenant, and the route to call.
   * @param opts Pulumi resource options (`dependsOn` the registrations the request needs).
   */
  constructor(name: string, args: DcrRequestCheckArgs, opts?: pulumi.CustomResourceOptions) {
    const spec = {
      type: "DcrRequestCheck",
      inputs: DCR_REQUEST_CHECK_INPUTS,
      outputs: ["checkedAt", "attempts", "results", "claims"],
    };
    super(spec, dcrRequestCheckProvider, name, args, opts);
  }
}

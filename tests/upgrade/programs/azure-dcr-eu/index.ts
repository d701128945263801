/**
 * A DcrProvider declared directly (no component), so a scenario can change what the component fixes: `providerType`
 * (`scenario:providerType`, azureAd or curity), `verify` (`scenario:verify`) and `region` (`scenario:region`). With
 * `scenario:withStrategy` it also declares an openid_connect AuthStrategy `oidc` with one extra OIDC option (no link,
 * so its inputs are all known).
 */
import * as pulumi from "@pulumi/pulumi";
import { AuthStrategy, DcrProvider } from "pulumi-konnect-dcr";

/** Azure tenant of the azureAd variant. */
export const TENANT = "3c9a1f5e-2b4d-4e6f-8a0b-1c2d3e4f5a6b";

/** Runs the program. */
export default function program() {
  const config = new pulumi.Config("scenario");
  // The recording wrote this secret inline; the frozen copy reads it from the stack config the replay fills in.
  const clientSecret = config.requireSecret("clientSecret");
  const providerType = config.get("providerType") ?? "azureAd";
  const dcr = new DcrProvider("idp", {
    name: "scenario-dcr",
    providerType: providerType === "curity" ? "curity" : "azureAd",
    issuer:
      providerType === "curity"
        ? "https://idsvr.example.com/oauth/v2/oauth-anonymous"
        : `https://sts.windows.net/${TENANT}`,
    dcrConfig: { initialClientId: "5d2e8c1a-7f3b-4a9e-b6c4-0e1f2a3b4c5d", initialClientSecret: clientSecret },
    verify: config.getBoolean("verify") ?? false,
    region: config.get<"us" | "eu">("region"),
  });
  if (config.getBoolean("withStrategy")) {
    new AuthStrategy("oidc", {
      name: "scenario-oidc",
      displayName: "Scenario OIDC",
      strategyType: "openid_connect",
      openidConnect: {
        issuer: `https://sts.windows.net/${TENANT}`,
        credentialClaim: ["appid"],
        scopes: ["openid"],
        authMethods: ["bearer"],
        additionalProperties: { cache_tokens: false },
      },
    });
  }
  return { dcrProviderId: dcr.id, providerType: dcr.providerType };
}

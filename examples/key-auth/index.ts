/**
 * Key auth: developers get API keys from the Dev Portal; Konnect issues them, no identity provider is involved.
 *
 *   pulumi config set --secret konnect:token <token>; pulumi up
 */
import * as pulumi from "@pulumi/pulumi";
import { AuthStrategy } from "pulumi-konnect-dcr";

const config = new pulumi.Config();

const strategy = new AuthStrategy("api-keys", {
  name: "api-keys",
  displayName: "API key",
  strategyType: "key_auth",
  keyAuth: {
    keyNames: ["apikey", "x-api-key"],
    ttl: { value: config.getNumber("keyTtlDays") ?? 90, unit: "days" },
  },
  labels: { "managed-by": "pulumi" },
});

export const authStrategyId = strategy.id;

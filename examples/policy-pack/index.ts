/**
 * Entry point the Pulumi CLI runs (`pulumi preview --policy-pack examples/policy-pack`): constructing the PolicyPack
 * starts the Analyzer gRPC server and prints its port.
 */
import { PolicyPack } from "@pulumi/policy";
import { createPolicies, PACK_NAME } from "./policies";

new PolicyPack(PACK_NAME, {
  description:
    "Kong Konnect Dev Portal DCR with Azure AD (Entra ID): issuer, claims, Graph permissions, secrets, labels, publications.",
  policies: createPolicies(),
});

/**
 * The pack's rules, in the order the Pulumi CLI lists them, and the policies built from them. Kept apart from
 * `index.ts` so tests can build the policies without starting the analyzer server.
 */
import type { Policies } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, systemClock } from "./lib/policy";
import type { Clock } from "./lib/policy";
import { adminAppTokenV1 } from "./rules/adminAppTokenV1";
import { dcrIssuerV1 } from "./rules/dcrIssuerV1";
import { dcrProtectProduction } from "./rules/dcrProtectProduction";
import { graphNoReadWriteAll } from "./rules/graphNoReadWriteAll";
import { graphOwnedByRequired } from "./rules/graphOwnedByRequired";
import { konnectOwnershipLabel } from "./rules/konnectOwnershipLabel";
import { publicationPublicAuth } from "./rules/publicationPublicAuth";
import { secretExpiryRotation } from "./rules/secretExpiryRotation";
import { strategyAzureClaims } from "./rules/strategyAzureClaims";
import { strategySameRegion } from "./rules/strategySameRegion";
import { testApplicationProduction } from "./rules/testApplicationProduction";
import { testClientOwnedByAdmin } from "./rules/testClientOwnedByAdmin";

/** Name of the policy pack. */
export const PACK_NAME = "konnect-azure-dcr";

/** Every policy of the pack; `clock` supplies "now" to time-dependent rules. */
export function createPolicies(clock: Clock = systemClock): Policies {
  return [
    resourcePolicy(dcrIssuerV1, clock),
    stackPolicy(strategyAzureClaims, clock),
    resourcePolicy(graphNoReadWriteAll, clock),
    resourcePolicy(graphOwnedByRequired, clock),
    resourcePolicy(secretExpiryRotation, clock),
    resourcePolicy(adminAppTokenV1, clock),
    resourcePolicy(konnectOwnershipLabel, clock),
    resourcePolicy(dcrProtectProduction, clock),
    stackPolicy(strategySameRegion, clock),
    stackPolicy(publicationPublicAuth, clock),
    stackPolicy(testClientOwnedByAdmin, clock),
    stackPolicy(testApplicationProduction, clock),
  ];
}

/**
 * KONNECT-TEST-APPLICATION-PRODUCTION (advisory stack rule): no Dev Portal test application in production stacks.
 *
 * Why: a test application (a PortalApplication linked with `dcrClientId` to an Azure client application the stack
 * creates, as `AzureKonnectDcr`'s `testApplication` does) keeps a working client secret in the stack's state, with
 * approved registrations for the APIs it tests. In production that is a standing credential for production APIs that
 * no developer owns. Prove the flow in a non-production stack of the same setup; where a production check is wanted
 * (a smoke test after each `up`), suppress the rule with the reason. "Production" is a stack whose name matches the
 * policy config `productionStackPattern` (a regular expression, default `prod`), read from the URN.
 */
import type { StackRule, StackViolation } from "../lib/rule";
import { stackOf } from "../lib/rule";
import { linkedAzureClients } from "../lib/testApplications";
import { PORTAL_APPLICATION_TYPE } from "../lib/types";

/** Config of the rule. */
export interface TestApplicationProductionConfig {
  /** Regular expression (JavaScript syntax, no slashes) matched against the stack name. */
  productionStackPattern: string;
}

/** The rule. */
export const testApplicationProduction: StackRule<TestApplicationProductionConfig> = {
  id: "konnect-test-application-production",
  description:
    "Production stacks hold no Dev Portal test application: its client secret, made by the stack, would be a standing credential for production APIs in the stack's state.",
  enforcementLevel: "advisory",
  severity: "medium",
  configSchema: {
    productionStackPattern: {
      type: "string",
      minLength: 1,
      default: "prod",
      description: "Regular expression (no slashes) that production stack names match.",
    },
  },
  defaults: { productionStackPattern: "prod" },
  check: (resources, { productionStackPattern }) => {
    let pattern: RegExp;
    try {
      pattern = new RegExp(productionStackPattern);
    } catch {
      const first = resources.find((r) => r.type === PORTAL_APPLICATION_TYPE);
      const message = `policy config productionStackPattern "${productionStackPattern}" is not a valid regular expression.`;
      return first === undefined ? [] : [{ urn: first.urn, message }];
    }
    const violations: StackViolation[] = [];
    for (const application of resources) {
      if (application.type !== PORTAL_APPLICATION_TYPE) continue;
      const stack = stackOf(application.urn);
      if (!pattern.test(stack)) continue;
      const clients = linkedAzureClients(application, resources);
      if (clients.length === 0) continue;
      violations.push({
        urn: application.urn,
        message: `stack "${stack}" matches the production pattern /${productionStackPattern}/ and portal application "${application.name}" is a test application: its Azure client "${clients[0]?.name ?? ""}" and the client's secret are made by this stack, so a working credential for the APIs it is registered for lives in the stack's state. Leave testApplication out of production stacks (prove DCR in a non-production stack), or suppress this rule with the reason.`,
      });
    }
    return violations;
  },
};

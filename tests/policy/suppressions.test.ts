/**
 * Suppressions (cdk-nag style): only with a reason; resource rules then report "not applicable" with the reason,
 * stack rules drop the violation for that resource. Also the plain snapshot of proxied properties.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { unknownCheckingProxy } from "../../examples/policy-pack/lib/runtime";
import { createPolicies } from "../../examples/policy-pack/policies";
import { findSuppression } from "../../examples/policy-pack/lib/suppressions";
import { snapshotProps, UNKNOWN } from "../../examples/policy-pack/lib/plain";
import { authStrategy, dcrProvider, NOW } from "./fixtures";
import { runResource, runStack, UNKNOWN_ARRAY, UNKNOWN_STRING, urnOf } from "./harness";

const policies = createPolicies(() => NOW);
const protect = policies.find((p) => p.name === "konnect-dcr-protect-production") as ResourceValidationPolicy;
const claims = policies.find((p) => p.name === "konnect-strategy-azure-claims") as StackValidationPolicy;
const unprotected = dcrProvider({}, { stack: "prod" });
const violation =
  'stack "prod" matches the production pattern /prod/ but this DCR provider is not protected: set the resource option protect: true.';

describe("suppressions", () => {
  it("suppress a resource rule by logical name, with the reason as 'not applicable'", async () => {
    const config = { suppressions: [{ resource: "portal-dcr", reason: "Break-glass stack, rebuilt from scratch." }] };
    expect(await runResource(protect, unprotected, config)).toEqual({
      violations: [],
      notApplicable: "suppressed: Break-glass stack, rebuilt from scratch.",
    });
  });

  it("suppress by full URN", async () => {
    const config = { suppressions: [{ resource: urnOf(unprotected), reason: "Protected by the org policy instead." }] };
    expect((await runResource(protect, unprotected, config)).violations).toEqual([]);
  });

  it("ignore a suppression without a real reason and say so", async () => {
    for (const reason of [undefined, "", "because"]) {
      const config = { suppressions: [{ resource: "portal-dcr", reason }] };
      expect(await runResource(protect, unprotected, config)).toEqual({
        violations: [
          {
            message: `${violation}\nSuppression for "portal-dcr" ignored: it needs a reason of at least 10 characters.`,
          },
        ],
      });
    }
  });

  it("do not touch other resources", async () => {
    const config = { suppressions: [{ resource: "other", reason: "Not this one, another resource." }] };
    expect((await runResource(protect, unprotected, config)).violations).toEqual([{ message: violation }]);
  });

  it("drop a stack rule's violation for the suppressed resource only", async () => {
    const a = authStrategy({
      dcrProviderId: "x",
      openidConnect: { issuer: "https://sts.windows.net/t", credentialClaim: ["sub"] },
    });
    const b = { ...a, name: "second-strategy" };
    const config = { suppressions: [{ resource: "portal-dcr-strategy", reason: "Legacy strategy, removed in Q3." }] };
    expect((await runStack(claims, [a, b], config)).violations).toEqual([
      {
        urn: urnOf(b),
        message:
          'auth strategy "second-strategy" has an Azure issuer but openidConnect.credentialClaim is ["sub"]: set it to ["appid"].',
      },
    ]);
  });

  it("findSuppression is a pure lookup", () => {
    expect(findSuppression(undefined, "u", "n")).toEqual({ kind: "none" });
    expect(findSuppression([{ resource: "n", reason: "  long enough reason  " }], "u", "n")).toEqual({
      kind: "suppressed",
      reason: "long enough reason",
    });
  });

  it("every policy accepts suppressions in its config schema", () => {
    for (const p of policies) {
      expect(Object.keys(p.configSchema?.properties ?? {})).toContain("suppressions");
    }
  });
});

describe("snapshotProps", () => {
  it("copies proxied properties and marks unknown values instead of throwing", () => {
    const props = unknownCheckingProxy({
      issuer: UNKNOWN_STRING,
      labels: { a: "b" },
      list: [1, UNKNOWN_STRING],
      unknownList: UNKNOWN_ARRAY,
    });
    expect(snapshotProps(props)).toEqual({
      issuer: UNKNOWN,
      labels: { a: "b" },
      list: [1, UNKNOWN],
      unknownList: UNKNOWN,
    });
  });
});

describe("unknown values from another copy of @pulumi/policy", () => {
  it("are recognised by shape, while other errors propagate", () => {
    const foreign = Object.assign(new Error("string value at .issuer can't be known during preview"), {
      unknownTypeSentinel: UNKNOWN_STRING,
    });
    const props = Object.defineProperty({ name: "x" }, "issuer", {
      enumerable: true,
      get: () => {
        throw foreign;
      },
    });
    expect(snapshotProps(props)).toEqual({ name: "x", issuer: UNKNOWN });
    const broken = Object.defineProperty({}, "issuer", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(() => snapshotProps(broken)).toThrow("boom");
  });
});

describe("policy config defaults", () => {
  it("match the defaults in the config schema", () => {
    const byName = new Map(policies.map((p) => [p.name, p.configSchema?.properties ?? {}]));
    expect(byName.get("azure-secret-expiry-rotation")?.["maxValidityDays"]?.default).toBe(365);
    expect(byName.get("konnect-ownership-label")?.["labelKey"]?.default).toBe("managed-by");
    expect(byName.get("konnect-dcr-protect-production")?.["productionStackPattern"]?.default).toBe("prod");
  });
});

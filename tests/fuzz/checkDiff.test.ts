/**
 * Property tests of `check` and `diff` for the DCR provider and the auth strategy over thousands of generated inputs: check never throws,
 * rejects every invalid input with a failure naming a real input path, accepts every valid one, normalization is
 * idempotent, and `diff(x, x)` (outputs built from x as Konnect would answer, same `__provider`) has no changes.
 * fast-check prints the seed and the shrunk counterexample of any failure.
 */
import fc from "fast-check";

import { providers, type AuthStrategyInputs, type DcrProviderInputs } from "../../provider";
import { authStrategyOutputs } from "../../provider/resources/authStrategy/definition";
import { dcrProviderOutputs } from "../../provider/resources/dcrProvider/definition";
import {
  DCR_VALID,
  STRATEGY_VALID,
  dcrInvalidArb,
  konnectAnswerForDcr,
  konnectAnswerForStrategy,
  strategyInvalidArb,
  type Mutated,
} from "./arbitraries";

/** Runs per property: with 8 properties (and per-type runs on top) this is well over 1000 inputs each. */
const RUNS = 1000;
let generated = 0;

type CheckResult = { inputs: Record<string, unknown>; failures: { property: string; reason: string }[] };
const checkDcr = async (news: unknown) =>
  (await providers.dcrProvider.check!({} as never, news as never)) as unknown as CheckResult;
const checkStrategy = async (news: unknown) =>
  (await providers.authStrategy.check!({} as never, news as never)) as unknown as CheckResult;

/** True when `path` (dotted; label keys may hold dots) leads into `input`, or to a missing key of an object in it. */
function namesInputPath(input: unknown, path: string): boolean {
  const segments = path.split(".");
  const walk = (at: unknown, rest: string[]): boolean => {
    if (rest.length === 0) return true;
    if (typeof at !== "object" || at === null) return false;
    for (let k = rest.length; k >= 1; k--) {
      const key = rest.slice(0, k).join(".");
      if (Object.hasOwn(at, key)) return walk((at as Record<string, unknown>)[key], rest.slice(k));
    }
    // a missing required property: its parent exists
    return rest.length === 1;
  };
  return path !== "" && walk(input, segments);
}

const resources = [
  {
    name: "DcrProvider",
    check: checkDcr,
    valid: Object.entries(DCR_VALID),
    invalid: dcrInvalidArb,
    provider: providers.dcrProvider,
    outputs: (inputs: Record<string, unknown>, quirk: boolean) =>
      dcrProviderOutputs(
        inputs as unknown as DcrProviderInputs,
        konnectAnswerForDcr(inputs as unknown as DcrProviderInputs, quirk),
      ),
  },
  {
    name: "AuthStrategy",
    check: checkStrategy,
    valid: Object.entries(STRATEGY_VALID),
    invalid: strategyInvalidArb,
    provider: providers.authStrategy,
    outputs: (inputs: Record<string, unknown>) =>
      authStrategyOutputs(
        inputs as unknown as AuthStrategyInputs,
        konnectAnswerForStrategy(inputs as unknown as AuthStrategyInputs),
      ),
  },
] as const;

describe.each(resources)("$name", ({ check, valid, invalid, provider, outputs }) => {
  const validArb = fc.oneof(...valid.map(([, arb]) => arb as fc.Arbitrary<object>));

  it.each(valid)("accepts every valid %s input", async (_type, arb) => {
    await fc.assert(
      fc.asyncProperty(arb as fc.Arbitrary<object>, async (input) => {
        generated++;
        const { failures } = await check(input);
        expect(failures).toEqual([]);
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it("rejects every invalid input with a failure naming a real input path", async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(invalid, async (mutated: Mutated) => {
        generated++;
        seen.add(mutated.how);
        const { failures } = await check(mutated.input);
        expect(failures.length).toBeGreaterThan(0);
        expect(failures.map((f) => f.property)).toContain(mutated.property);
        for (const failure of failures) {
          expect(failure.reason).not.toBe("");
          expect(namesInputPath(mutated.input, failure.property)).toBe(true);
        }
      }),
      { numRuns: RUNS * 2 },
    );
    // every mutation kind was exercised
    expect(seen.size).toBeGreaterThanOrEqual(14);
  });

  it("never throws, whatever it is given", async () => {
    const anything = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom("name", "providerType", "strategyType", "issuer", "labels", "dcrConfig"),
        fc.anything(),
      ),
      validArb.chain((v) =>
        fc.tuple(fc.constantFrom(...Object.keys(v)), fc.anything()).map(([k, x]) => ({ ...v, [k]: x })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(anything, async (input) => {
        generated++;
        const news = typeof input === "object" && input !== null && !Array.isArray(input) ? input : { value: input };
        const result = await check(news);
        for (const failure of result.failures) expect(typeof failure.property).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("normalization is idempotent: check(check(x).inputs).inputs equals check(x).inputs", async () => {
    await fc.assert(
      fc.asyncProperty(validArb, async (input) => {
        generated++;
        const once = await check(input);
        const twice = await check(once.inputs);
        expect(twice.failures).toEqual([]);
        expect(twice.inputs).toEqual(once.inputs);
      }),
      { numRuns: RUNS },
    );
  });

  it("diff(x, x) has no changes (outputs built from x, same __provider)", async () => {
    await fc.assert(
      fc.asyncProperty(validArb, fc.boolean(), async (input, quirk) => {
        generated++;
        const { inputs } = await check({ ...input, __provider: "serialized-code" });
        const olds = { ...outputs(inputs, quirk), __provider: "serialized-code" };
        const diff = await provider.diff!("3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", olds as never, inputs as never);
        expect(diff).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
      }),
      { numRuns: RUNS },
    );
  });
});

afterAll(() => {
  // for the closing note: how many generated inputs this suite ran
  process.stdout.write(`fuzz: ${generated} generated inputs checked\n`);
});

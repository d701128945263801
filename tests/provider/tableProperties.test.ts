/**
 * Properties of the field tables, per resource, over random valid old/new input pairs of the same type and region:
 * - `diff` reports an in-place change exactly when the update has a non-empty body to send (offline, many runs);
 * - create(old) then update(new) against the Konnect emulator sends a PATCH/PUT exactly when `diff` said so, leaves
 *   Konnect holding the new declared state (write-only secrets included), and the diff afterwards is empty both from
 *   the update's outputs and after a refresh (`read`).
 */
import fc from "fast-check";
import { providers, type AuthStrategyInputs, type AuthStrategyOutputs, type DcrProviderInputs } from "../../provider";
import { DCR_CONFIG_WIRE_NAMES, DCR_PROVIDER_TYPES, DCR_SECRET_FIELDS } from "../../provider/konnect";
import { authStrategyDefinition } from "../../provider/resources/authStrategy/definition";
import { dcrProviderDefinition } from "../../provider/resources/dcrProvider/definition";
import { DCR_PROVIDER_INPUTS } from "../../provider/resources/dcrProvider/inputs";
import { DCR_VALID, STRATEGY_VALID, konnectAnswerForDcr, konnectAnswerForStrategy } from "../fuzz/arbitraries";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { callShapes, declaredView, startProviderTestbed } from "../resources/support";

const CODE = "code-v1";
const withCode = <T>(value: T) => ({ ...value, __provider: CODE }) as never;
const NESTED = ["dcrConfig", "openidConnect", "keyAuth"];

/** Picks each key from `a` or `b` (per the flags); nested config objects are mixed key by key the same way. */
function mix<T extends object>(a: T, b: T, flags: boolean[], nested = true): T {
  const out: Record<string, unknown> = {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  keys.forEach((key, i) => {
    const pick = flags[i % flags.length] ?? false;
    const av = (a as Record<string, unknown>)[key];
    const bv = (b as Record<string, unknown>)[key];
    const value =
      nested && NESTED.includes(key) && typeof av === "object" && typeof bv === "object" && av && bv
        ? mix(av, bv, flags.slice(i + 1).concat(flags.slice(0, i + 1)), false)
        : pick
          ? bv
          : av;
    if (value !== undefined) out[key] = value;
  });
  return out as T;
}

/** Old and new inputs of one generator: same type and region, no adoption, new partly old and partly fresh. */
function pairs<T extends { region?: unknown; adoptId?: unknown; verify?: unknown }>(arb: fc.Arbitrary<T>) {
  const flags = fc.array(fc.boolean(), { minLength: 1, maxLength: 16 });
  // One pair in four keeps the old inputs unchanged (the no-op update).
  return fc.tuple(arb, arb, flags, fc.nat(3)).map(([a, b, pick, unchanged]) => {
    const { adoptId: _a, verify: _v, ...old } = a;
    const { adoptId: _b, verify: _w, ...fresh } = b;
    const next = unchanged === 0 ? old : mix(old, fresh, pick);
    return { old: old as T, next: { ...next, region: old.region } as T };
  });
}

async function checkedDcr(inputs: DcrProviderInputs): Promise<DcrProviderInputs> {
  const result = await providers.dcrProvider.check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

async function checkedStrategy(inputs: AuthStrategyInputs): Promise<AuthStrategyInputs> {
  const result = await providers.authStrategy.check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs!;
}

describe("diff reports an in-place change exactly when the update body is non-empty (offline)", () => {
  it.each(DCR_PROVIDER_TYPES)("DCR provider %s", async (type) => {
    await fc.assert(
      fc.asyncProperty(pairs(DCR_VALID[type]), fc.boolean(), async ({ old, next }, omitDisplayName) => {
        const olds = await checkedDcr(old);
        const news = await checkedDcr(next);
        const outs = dcrProviderDefinition.outputs(olds, konnectAnswerForDcr(olds, omitDisplayName), {
          kind: "create",
        });
        const diff = await providers.dcrProvider.diff!("id", withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = dcrProviderDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined);
        if (plan) expect(plan.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it.each(["openid_connect", "key_auth"] as const)("auth strategy %s", async (type) => {
    await fc.assert(
      fc.asyncProperty(pairs(STRATEGY_VALID[type]), async ({ old, next }) => {
        const olds = await checkedStrategy(old);
        const news = await checkedStrategy(next);
        const outs = authStrategyDefinition.outputs(olds, konnectAnswerForStrategy(olds), { kind: "create" });
        const diff = await providers.authStrategy.diff!("id", withCode(outs), withCode(news));
        expect(diff.replaces).toEqual([]);
        const plan = authStrategyDefinition.planUpdate(outs, news);
        expect(diff.changes).toBe(plan !== undefined);
        if (plan) expect(plan.fields.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Outputs with `principals: { enabled: false }` left out: it means the same to Konnect as no `principals` ("absent
 * means false"), so an update that sends nothing keeps the declared form while a refresh reads Konnect's.
 */
function absentMeansDisabled(outs: AuthStrategyOutputs): AuthStrategyOutputs {
  if (outs.principals?.enabled === true) return outs;
  const { principals: _disabled, ...rest } = outs;
  return rest;
}

describe("create(old), update(new) against the emulator", () => {
  let emulator: KonnectEmulator;
  let dcrIds: string[] = [];
  beforeAll(async () => {
    emulator = await startProviderTestbed();
  });
  afterAll(() => emulator.close());

  /** Empties Konnect and seeds two DCR providers per region for strategies to link. */
  function resetKonnect(region: DcrProviderInputs["region"]): void {
    emulator.reset();
    dcrIds = ["a", "b"].map(
      (n) =>
        emulator.seedDcrProvider(
          {
            name: `dcr-${n}`,
            provider_type: "okta",
            issuer: "https://example.okta.com",
            dcr_config: { dcr_token: "t" },
          },
          { region: region ?? "us" },
        ).id,
    );
  }

  /** Writes (PATCH or PUT) the emulator saw since the log was cleared. */
  const writes = () => callShapes(emulator).filter((c) => /^(PATCH|PUT) /.test(c));

  it.each(DCR_PROVIDER_TYPES)("DCR provider %s ends in the new declared state with an empty diff", async (type) => {
    const provider = providers.dcrProvider;
    await fc.assert(
      fc.asyncProperty(pairs(DCR_VALID[type]), async ({ old, next }) => {
        resetKonnect(old.region);
        const olds = await checkedDcr(old);
        const news = await checkedDcr(next);
        const created = await provider.create(olds);
        const diff = await provider.diff!(created.id, withCode(created.outs), withCode(news));
        expect(diff.replaces).toEqual([]);

        emulator.clearRequestLog();
        const updated = await provider.update!(created.id, withCode(created.outs), withCode(news));
        expect(writes()).toHaveLength(diff.changes ? 1 : 0);

        const after = await provider.diff!(created.id, withCode(updated.outs), withCode(news));
        expect(after.changes).toBe(false);
        const refreshed = await provider.read!(created.id, updated.outs);
        const afterRefresh = await provider.diff!(created.id, withCode(refreshed.props), withCode(news));
        expect(afterRefresh.changes).toBe(false);
        expect(refreshed.inputs).toEqual(declaredView(refreshed.props, DCR_PROVIDER_INPUTS));

        // Write-only secrets: Konnect holds exactly the declared ones.
        const declaredSecrets = Object.fromEntries(
          DCR_SECRET_FIELDS.flatMap((f) => {
            const value = news.dcrConfig?.[f];
            return value === undefined ? [] : [[DCR_CONFIG_WIRE_NAMES[f], value]];
          }),
        );
        expect(emulator.storedSecrets(created.id) ?? {}).toEqual(declaredSecrets);
      }),
      { numRuns: 12 },
    );
  });

  it.each(["openid_connect", "key_auth"] as const)(
    "auth strategy %s ends in the new declared state with an empty diff",
    async (type) => {
      const strategy = providers.authStrategy;
      await fc.assert(
        fc.asyncProperty(pairs(STRATEGY_VALID[type]), async ({ old, next }) => {
          resetKonnect(old.region);
          const link = (inputs: AuthStrategyInputs): AuthStrategyInputs =>
            inputs.dcrProviderId === undefined
              ? inputs
              : { ...inputs, dcrProviderId: dcrIds[inputs.dcrProviderId.charCodeAt(0) % 2]! };
          const olds = await checkedStrategy(link(old));
          const news = await checkedStrategy(link(next));
          const created = await strategy.create(olds);
          const diff = await strategy.diff!(created.id, withCode(created.outs), withCode(news));
          expect(diff.replaces).toEqual([]);

          emulator.clearRequestLog();
          const updated = await strategy.update!(created.id, withCode(created.outs), withCode(news));
          expect(writes()).toHaveLength(diff.changes ? 1 : 0);

          const after = await strategy.diff!(created.id, withCode(updated.outs), withCode(news));
          expect(after.changes).toBe(false);
          const refreshed = await strategy.read!(created.id, updated.outs);
          const afterRefresh = await strategy.diff!(created.id, withCode(refreshed.props), withCode(news));
          expect(afterRefresh.changes).toBe(false);
          expect(absentMeansDisabled(refreshed.props as AuthStrategyOutputs)).toEqual(
            absentMeansDisabled(updated.outs as AuthStrategyOutputs),
          );
        }),
        { numRuns: 25 },
      );
    },
  );
});

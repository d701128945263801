/**
 * What the table property tests share (each resource's `properties.test.ts`): the provider code check is handed, the
 * regions a pair is drawn in, old/new input pairs mixed from two valid inputs, check through the provider, and the
 * emulator set-up of the DCR provider's and the auth strategy's create-then-update runs.
 */
import fc from "fast-check";
import { providers, type DcrProviderInputs } from "../../provider";
import type { KonnectEmulator } from "../../tools/emulator/emulator";
import { callShapes, useProviderTestbed } from "./support";

const CODE = "code-v1";
/** Inputs or outputs as Pulumi hands them to the provider (with the serialized provider's code). */
export const withCode = <T>(value: T) => ({ ...value, __provider: CODE }) as never;

export type Region = "us" | "eu" | undefined;
export const regions = fc.constantFrom<Region>(undefined, "us", "eu");

/** Check through the provider, asserting no failure; the checked inputs. */
export async function checked<T>(provider: keyof typeof providers, inputs: object): Promise<T> {
  const result = await providers[provider].check!({} as never, withCode(inputs));
  expect(result.failures).toEqual([]);
  return result.inputs as T;
}

const NESTED = ["dcrConfig", "openidConnect", "keyAuth"];

/** Picks each key from `a` or `b` (per the flags); nested config objects are mixed key by key the same way. */
export function mix<T extends object>(a: T, b: T, flags: boolean[], nested = true): T {
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
export function pairs<T extends { region?: unknown; adoptId?: unknown; verify?: unknown }>(arb: fc.Arbitrary<T>) {
  const flags = fc.array(fc.boolean(), { minLength: 1, maxLength: 16 });
  // One pair in four keeps the old inputs unchanged (the no-op update).
  return fc.tuple(arb, arb, flags, fc.nat(3)).map(([a, b, pick, unchanged]) => {
    const { adoptId: _a, verify: _v, ...old } = a;
    const { adoptId: _b, verify: _w, ...fresh } = b;
    const next = unchanged === 0 ? old : mix(old, fresh, pick);
    return { old: old as T, next: { ...next, region: old.region } as T };
  });
}

/**
 * For a describe block of create(old), update(new) runs of the DCR provider or the auth strategy: the emulator
 * (started for the block, not reset between tests: each run resets it), `resetKonnect` (empties Konnect and seeds two
 * DCR providers in the region for strategies to link, their ids in `dcrIds`) and `writes` (the PATCH and PUT requests
 * the emulator saw since the log was cleared).
 */
export function useDcrPropertyTestbed(): {
  emulator: KonnectEmulator;
  dcrIds: string[];
  resetKonnect: (region: DcrProviderInputs["region"]) => void;
  writes: () => string[];
} {
  const emulator = useProviderTestbed({ resetEachTest: false });
  const dcrIds: string[] = [];
  function resetKonnect(region: DcrProviderInputs["region"]): void {
    emulator.reset();
    const seeded = ["a", "b"].map(
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
    dcrIds.splice(0, dcrIds.length, ...seeded);
  }
  const writes = () => callShapes(emulator).filter((c) => /^(PATCH|PUT) /.test(c));
  return { emulator, dcrIds, resetKonnect, writes };
}

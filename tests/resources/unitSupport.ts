/**
 * Values and helpers the resources' unit tests share (no emulator; the handler tests' testbed is `./support`, the
 * example ids are in `../support/validInputs`): two strategy ids, the check helpers of the DCR provider and the auth
 * strategy, and the diff helper of the Dev Portal resources.
 */
import { providers } from "../../provider";
import { CLIENT_ID, azureDcrInputs, oidcStrategyInputs } from "../support/validInputs";

/** Two auth strategy ids (the same UUIDs as `TEAM` and `DEV` of `../support/validInputs`). */
export const S1 = "11111111-2222-4333-8444-555566667777";
export const S2 = "22222222-3333-4444-8555-666677778888";
export const ISO = "2026-12-04T10:00:00.000Z";
export const where = { effectiveRegion: "us" as const, serverUrl: "https://us.api.konghq.com" };

/** What a handler's diff says: changed, and what replaces. */
export async function changes(
  diff: (id: string, olds: never, news: never) => Promise<{ changes?: boolean; replaces?: string[] }>,
  olds: object,
  news: object,
) {
  const result = await diff("id", olds as never, news as never);
  return { changes: result.changes, replaces: result.replaces };
}

export type Failure = { property: string; reason: string };

/** Passes unchanged (with Pulumi's `__provider` handed back). */
export function passes(check: (news: Record<string, unknown>) => { inputs: unknown; failures: Failure[] }) {
  return (inputs: Record<string, unknown>) => {
    const withProvider = { ...inputs, __provider: "serialized" };
    expect(check(withProvider)).toEqual({ inputs: withProvider, failures: [] });
  };
}

export const CLIENT = CLIENT_ID;
export const DCR_ID = "8a6b1f3c-2d4e-4f5a-9b6c-7d8e9f0a1b2c";

export function azure(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...azureDcrInputs(), ...overrides };
}

export function oidc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...oidcStrategyInputs({ dcrProviderId: DCR_ID }), ...overrides };
}

export async function dcrFailures(news: Record<string, unknown>) {
  const result = await providers.dcrProvider.check!({} as never, news as never);
  return result.failures ?? [];
}

export async function strategyFailures(news: Record<string, unknown>) {
  const result = await providers.authStrategy.check!({} as never, news as never);
  return result.failures ?? [];
}

/** `{ a: { a: … { a: 1 } } }`, `levels` objects deep, built without recursion. */
export function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

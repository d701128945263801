/**
 * Provider start-up: the real plugin host from spawn to the first answered Create (Configure → Check → Create, as
 * the engine sends them), for our AuthStrategy provider and for the fetch-only baseline, in fresh processes,
 * interleaved, medians. Also the serialized `__provider` size of each resource type, captured exactly as
 * `dynamic.Resource` does: `serializeFunction(() => provider, { allowSecrets: true })`.
 */
import * as pulumi from "@pulumi/pulumi";
import { providers } from "../../provider";
import { startPluginHost } from "../engine/pluginHost";
import { makeUrn, ProviderClient, type StackConfig } from "../engine/providerClient";
import type { PropertyMap } from "../engine/encoding";
import type { KonnectEmulator } from "../emulator/emulator";
import { fetchOnlyProvider } from "./fetchProvider";
import type { GoalRow, SectionResult } from "./goals";
import { median, now, round } from "./stats";
import { BENCH_TOKEN } from "./support";

/** Goal: our start-up at most this many times the baseline's. */
export const STARTUP_RATIO_GOAL = 1.3;
/** Goal: serialized provider at most this many bytes. */
export const PROVIDER_BYTES_GOAL = 4096;

/** Serializes a provider the way `pulumi.dynamic.Resource` does and returns the text. */
export async function serializeProvider(provider: object): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

interface Variant {
  name: string;
  type: string;
  providerText: string;
  inputs: (index: number) => PropertyMap;
}

interface Sample {
  spawnToPortMs: number;
  spawnToCreateMs: number;
  firstCreateRpcMs: number;
}

async function sampleOnce(variant: Variant, config: StackConfig, index: number): Promise<Sample> {
  const started = now();
  const host = await startPluginHost({ project: "bench" });
  const portAt = now();
  const client = new ProviderClient(host.port);
  try {
    await client.configure(config);
    const urn = makeUrn("dev", "bench", variant.type, `startup-${index}`);
    const checked = await client.check(urn, {}, { ...variant.inputs(index), __provider: variant.providerText });
    if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
    const createStarted = now();
    await client.create(urn, checked.inputs);
    const done = now();
    return { spawnToPortMs: portAt - started, spawnToCreateMs: done - started, firstCreateRpcMs: done - createStarted };
  } finally {
    client.close();
    await host.stop();
  }
}

/** Measures start-up of both variants, `samples` fresh hosts each, interleaved (ABAB, then BABA). */
export async function runStartup(emulator: KonnectEmulator, samples = 7): Promise<SectionResult> {
  const config: StackConfig = { "konnect:token": { secret: BENCH_TOKEN }, "konnect:serverUrl": emulator.url };
  const ours: Variant = {
    name: "AuthStrategy (ours)",
    type: "pulumi-nodejs:dynamic/konnect:AuthStrategy",
    providerText: await serializeProvider(providers.authStrategy),
    inputs: (i) => ({
      name: `startup-ours-${i}`,
      displayName: `startup-ours-${i}`,
      strategyType: "key_auth",
      keyAuth: { keyNames: ["apikey"] },
    }),
  };
  const baseline: Variant = {
    name: "fetch-only baseline",
    type: "pulumi-nodejs:dynamic/bench:FetchOnly",
    providerText: await serializeProvider(fetchOnlyProvider),
    inputs: (i) => ({ url: emulator.url, token: BENCH_TOKEN, name: `startup-base-${i}` }),
  };
  const dcrText = await serializeProvider(providers.dcrProvider);

  const results = new Map<string, Sample[]>([
    [ours.name, []],
    [baseline.name, []],
  ]);
  // One discarded warm-up of each (disk cache), then interleaved samples.
  await sampleOnce(ours, config, -1);
  await sampleOnce(baseline, config, -1);
  for (let i = 0; i < samples; i++) {
    const order = i % 2 === 0 ? [ours, baseline] : [baseline, ours];
    for (const variant of order) results.get(variant.name)!.push(await sampleOnce(variant, config, i));
  }
  const summary = (name: string) => {
    const list = results.get(name)!;
    return {
      spawnToPortMs: round(median(list.map((s) => s.spawnToPortMs)), 1),
      spawnToCreateMs: round(median(list.map((s) => s.spawnToCreateMs)), 1),
      firstCreateRpcMs: round(median(list.map((s) => s.firstCreateRpcMs)), 1),
      samplesSpawnToCreateMs: list.map((s) => round(s.spawnToCreateMs, 1)),
    };
  };
  const oursSummary = summary(ours.name);
  const baseSummary = summary(baseline.name);
  const ratio = oursSummary.spawnToCreateMs / baseSummary.spawnToCreateMs;
  const sizes = {
    dcrProvider: Buffer.byteLength(dcrText),
    authStrategy: Buffer.byteLength(ours.providerText),
    fetchOnlyBaseline: Buffer.byteLength(baseline.providerText),
  };

  const rows: GoalRow[] = [
    {
      section: "Provider start-up",
      metric: `spawn → first Create answered, median of ${samples} (ours / baseline)`,
      measured: `${oursSummary.spawnToCreateMs} / ${baseSummary.spawnToCreateMs} ms = ${round(ratio)}x`,
      goal: `≤ ${STARTUP_RATIO_GOAL}x`,
      met: ratio <= STARTUP_RATIO_GOAL,
      note:
        `port line ${oursSummary.spawnToPortMs} / ${baseSummary.spawnToPortMs} ms; ` +
        `first Create RPC ${oursSummary.firstCreateRpcMs} / ${baseSummary.firstCreateRpcMs} ms`,
    },
    ...(["dcrProvider", "authStrategy"] as const).map((key) => ({
      section: "Provider start-up",
      metric: `serialized __provider, ${key === "dcrProvider" ? "DcrProvider" : "AuthStrategy"}`,
      measured: `${sizes[key]} B`,
      goal: `≤ ${PROVIDER_BYTES_GOAL} B`,
      met: sizes[key] <= PROVIDER_BYTES_GOAL,
      note: `fetch-only baseline ${sizes.fetchOnlyBaseline} B`,
    })),
  ];
  return { rows, data: { samples, ours: oursSummary, baseline: baseSummary, ratio: round(ratio, 3), sizes } };
}

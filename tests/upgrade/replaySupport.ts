/**
 * Helpers of the upgrade replay test: one line per step that says what would happen to a resource and, when it is not
 * `same`, which input paths changed (values never shown: they may be secrets), plus store comparisons.
 */
import { deepEqual, isObject, stripSecrets, type JsonValue } from "../../tools/engine/encoding";
import type { CommandResult, Step } from "../../tools/engine/engineLite";
import type { StackState, StateResource } from "../../tools/engine/stateFile";
import { secretFieldNames } from "../../tools/emulator/dcrConfigFields";
import type { DcrProviderType } from "../../tools/emulator/types";
import { sha256 } from "../../tools/upgrade/placeholders";
import type { StoreSnapshot } from "../../tools/upgrade/storeSnapshot";

/** Input keys that move by design on every `up` (the creation key's successor), not a change of the resource. */
const MOVING_KEYS = new Set(["__creationKey"]);

/** Dotted paths at which two plain values differ (a whole subtree counts once when it is added or removed). */
export function differingPaths(a: JsonValue | undefined, b: JsonValue | undefined, at = ""): string[] {
  if (a === undefined && b === undefined) return [];
  if (a !== undefined && b !== undefined && deepEqual(a, b)) return [];
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differingPaths(a[k], b[k], at === "" ? k : `${at}.${k}`));
  }
  return [at === "" ? "(whole value)" : at];
}

/** What a step does to a resource, as one line: `same <name>` or `<op> <name>: inputs changed at ...`. */
export function describeStep(step: Step, old: StateResource | undefined): string {
  const head = `${step.op} ${step.name} (${step.type})`;
  if (step.op === "same" || step.op === "read") return head;
  const details: string[] = [];
  if (old && step.inputs) {
    const paths = differingPaths(stripSecrets(old.inputs), stripSecrets(step.inputs)).filter(
      (p) => !MOVING_KEYS.has(p.split(".")[0]!),
    );
    if (paths.includes("__provider"))
      details.push("the serialized provider text (__provider) differs from the state's");
    const rest = paths.filter((p) => p !== "__provider");
    if (rest.length > 0) details.push(`recorded inputs differ from the program's at ${rest.join(", ")}`);
  }
  if (step.changedKeys?.length) details.push(`the diff display shows ${step.changedKeys.join(", ")}`);
  if (step.replaceKeys?.length) details.push(`replaced because of ${step.replaceKeys.join(", ")}`);
  if (details.length === 0) {
    details.push("inputs and outputs look equal, so the provider's diff rules judge them differently than before");
  }
  return `${head}: ${details.join("; ")}`;
}

/** Every step as `describeStep` writes it, sorted (the expected list is all `same`). */
export function describeSteps(result: CommandResult, state: StackState): string[] {
  const byUrn = new Map(state.resources.map((r) => [r.urn, r]));
  return result.steps.map((s) => describeStep(s, byUrn.get(s.urn))).sort();
}

/** What an unchanged stack's preview or up must show: `same` for every resource of the state. */
export function allSame(state: StackState): string[] {
  return state.resources.map((r) => `same ${nameOf(r.urn)} (${r.type})`).sort();
}

function nameOf(urn: string): string {
  return urn.split("::").slice(3).join("::");
}

/**
 * A snapshot for comparing what objects exist and hold: without `updated_at` (a restored portal default moves it),
 * and with the write-only DCR config fields as digests (a failure message may be printed).
 */
export function comparableStore(snapshot: StoreSnapshot): unknown {
  const strip = (o: object) => {
    const { updated_at: _time, ...rest } = o as Record<string, unknown>;
    if (typeof rest.provider_type === "string" && isObject(rest.dcr_config)) {
      const config = { ...rest.dcr_config };
      for (const field of secretFieldNames(rest.provider_type as DcrProviderType)) {
        if (config[field] !== undefined) config[field] = `[secret sha256:${sha256(JSON.stringify(config[field]))}]`;
      }
      rest.dcr_config = config;
    }
    return rest;
  };
  return {
    objects: Object.fromEntries(Object.entries(snapshot.objects).map(([kind, list]) => [kind, list.map(strip)])),
    publications: snapshot.publications.map(strip),
  };
}

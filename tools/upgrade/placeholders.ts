/**
 * Placeholders of the upgrade fixture: recorded files never hold a secret, the emulator's random address or the
 * serialized provider text inline. The recorder replaces them with placeholders; replay puts live values back.
 *
 * - `<emulator-url>`: the Konnect emulator's base URL (`http://127.0.0.1:<random port>`), in the stack config
 *   (`konnect:serverUrl`) and in the `serverUrl` outputs the resources record; replay substitutes the live emulator's.
 * - `<secret:NAME>`: a secret value (client secret, DCR token, API key, Konnect token) wherever it occurs: secret
 *   inputs and outputs, stack outputs, stack config, the emulator's write-only `dcr_config` fields.
 * - `<provider:TYPE@SHA>`: a serialized `__provider` text, kept once per recording in `providers.json` (TYPE is the
 *   resource type's name, SHA the first 12 hex digits of the text's sha256, checked when loading).
 */
import { createHash } from "node:crypto";
import type { JsonValue } from "../engine/encoding";

/** Stands for the live emulator's base URL. */
export const EMULATOR_URL = "<emulator-url>";

/** The placeholder of a secret. */
export function secretPlaceholder(name: string): string {
  return `<secret:${name}>`;
}

/** The placeholder of a serialized provider text of a resource type (`pulumi-nodejs:dynamic/konnect:DcrProvider`). */
export function providerPlaceholder(type: string, text: string): string {
  const name = type.split(":").pop() ?? type;
  return `<provider:${name}@${sha256(text).slice(0, 12)}>`;
}

/** Hex sha256 of a text. */
export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Any placeholder, inside a longer string too. */
export const PLACEHOLDER_PATTERN = /<(?:emulator-url|secret:[^<>\s]+|provider:[^<>\s]+)>/g;

/** Applies `edit` to every string inside a JSON value (object keys stay as they are). */
export function mapStrings(value: JsonValue, edit: (text: string) => JsonValue): JsonValue {
  if (typeof value === "string") return edit(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, edit));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, edit)]));
  }
  return value;
}

/**
 * Replaces every placeholder in a value with its live value. A string that is one placeholder becomes the value; a
 * placeholder inside a longer string is spliced in. Throws on a placeholder `values` does not know, so nothing
 * recorded is ever sent to the provider as placeholder text.
 */
export function fillPlaceholders<T extends JsonValue>(value: T, values: ReadonlyMap<string, string>): T {
  return mapStrings(value, (text) =>
    text.replace(PLACEHOLDER_PATTERN, (placeholder) => {
      const live = values.get(placeholder);
      if (live === undefined) throw new Error(`no value for the placeholder ${placeholder}`);
      return live;
    }),
  ) as T;
}

/**
 * Replaces every occurrence of each recorded value with its replacement, in one pass (a replacement is never
 * replaced again), longest values first (a value that contains another is replaced whole).
 */
export function insertPlaceholders<T extends JsonValue>(value: T, placeholders: ReadonlyMap<string, string>): T {
  if (placeholders.size === 0) return value;
  const ordered = [...placeholders.keys()].filter((k) => k !== "").sort((a, b) => b.length - a.length);
  const pattern = new RegExp(ordered.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return mapStrings(value, (text) => text.replace(pattern, (found) => placeholders.get(found)!)) as T;
}

/** The placeholders used anywhere in a value, sorted. */
export function placeholdersIn(value: JsonValue): string[] {
  const found = new Set<string>();
  mapStrings(value, (text) => {
    for (const match of text.matchAll(PLACEHOLDER_PATTERN)) found.add(match[0]);
    return text;
  });
  return [...found].sort();
}

/**
 * Secret hygiene for any suite: collect every string a user or an operator could see (error messages and their
 * serialized forms, provider log lines, the emulator's request log, serialized dynamic providers, outputs not marked
 * secret, state files written by an engine harness) and assert that no known secret or token appears in any of them,
 * raw or in the encodings a leak usually takes (URL-encoded, base64, JSON-escaped).
 *
 *   const scan = new SecretScan();
 *   scan.addError("create", error);
 *   scan.addLines("provider log", providerLogLines);
 *   scan.expectClean([TOKEN, CLIENT_SECRET]);
 *
 * or, without the collector: `expectNoSecrets(texts, secrets)`.
 */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { providers } from "../../provider";

/** One collected text and where it came from. */
export interface ScannedText {
  source: string;
  text: string;
}

/** Secrets shorter than this are not scanned for (they would match ordinary words). */
export const MIN_SECRET_LENGTH = 4;

/** The forms a secret can take in a leak: raw, URL-encoded, base64, JSON-escaped, and inside a Bearer header. */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret, "utf8").toString("base64"),
    JSON.stringify(secret).slice(1, -1),
  ]);
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** A short excerpt around a hit with the secret itself masked, so a failing test does not print it. */
function excerpt(text: string, at: number, length: number): string {
  const before = text.slice(Math.max(0, at - 40), at);
  const after = text.slice(at + length, at + length + 40);
  return JSON.stringify(`${before}[SECRET]${after}`);
}

/**
 * Throws when any text contains any secret (in any of `secretForms`). Returns the number of (text, secret) pairs
 * checked, for reporting. Texts may be plain strings or `{source, text}` records (the source names the leak).
 */
export function expectNoSecrets(texts: Iterable<string | ScannedText>, secrets: readonly string[]): number {
  const scanned = [...texts].map((t, i) => (typeof t === "string" ? { source: `text #${i}`, text: t } : t));
  const wanted = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  if (secrets.length > 0 && wanted.length === 0) throw new Error("expectNoSecrets: every secret is too short to scan");
  const leaks: string[] = [];
  for (const { source, text } of scanned) {
    wanted.forEach((secret, index) => {
      for (const form of secretForms(secret)) {
        const at = text.indexOf(form);
        if (at >= 0) leaks.push(`secret #${index} in ${source}: ${excerpt(text, at, form.length)}`);
      }
    });
  }
  if (leaks.length > 0) throw new Error(`secrets leaked:\n${leaks.join("\n")}`);
  return scanned.length * wanted.length;
}

/** Every string an error exposes: message, stack, `JSON.stringify`, `util.inspect` (deep), and its causes. */
export function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  for (let current: unknown = error; current !== undefined && !seen.has(current);) {
    seen.add(current);
    if (current instanceof Error) {
      texts.push(current.message, current.stack ?? "");
    }
    texts.push(JSON.stringify(current) ?? "", inspect(current, { depth: Infinity, showHidden: false }));
    current = current instanceof Error ? current.cause : undefined;
  }
  return texts;
}

/** The emulator's request log as text (it never holds bodies or headers; this proves it stays that way). */
export function requestLogTexts(log: readonly unknown[]): string[] {
  return log.map((entry) => JSON.stringify(entry));
}

/** Output paths the resources mark as Pulumi secrets (the DcrProvider class wraps them with `pulumi.secret`). */
export const SECRET_OUTPUT_PATHS = [
  ["dcrConfig", "initialClientSecret"],
  ["dcrConfig", "dcrToken"],
  ["dcrConfig", "apiKey"],
] as const;

/** Outputs with the secret-marked properties removed: what Pulumi shows in plain text (stack outputs, previews). */
export function withoutSecretOutputs(outputs: unknown): unknown {
  if (typeof outputs !== "object" || outputs === null) return outputs;
  const copy = structuredClone(outputs) as Record<string, unknown>;
  for (const [parent, key] of SECRET_OUTPUT_PATHS) {
    const holder = copy[parent];
    if (typeof holder === "object" && holder !== null) delete (holder as Record<string, unknown>)[key];
  }
  return copy;
}

/** The text of outputs not marked secret. */
export function visibleOutputTexts(outputs: unknown): string {
  return JSON.stringify(withoutSecretOutputs(outputs)) ?? "";
}

/** The text Pulumi would store as `__provider` for each public dynamic provider (secrets allowed, as Pulumi does). */
export async function serializedProviderTexts(): Promise<ScannedText[]> {
  const dcr = await pulumi.runtime.serializeFunction(() => providers.dcrProvider, { allowSecrets: true });
  const strategy = await pulumi.runtime.serializeFunction(() => providers.authStrategy, { allowSecrets: true });
  return [
    { source: "serialized DcrProvider provider", text: dcr.text },
    { source: "serialized AuthStrategy provider", text: strategy.text },
  ];
}

/** The contents of files an engine harness wrote (state files, checkpoints, logs). */
export function fileTexts(paths: Iterable<string>): ScannedText[] {
  return [...paths].map((path) => ({ source: `file ${path}`, text: readFileSync(path, "utf8") }));
}

/** Collects texts from many places, then checks them all at once. */
export class SecretScan {
  readonly texts: ScannedText[] = [];

  /** Adds one text. */
  add(source: string, text: string): this {
    this.texts.push({ source, text });
    return this;
  }

  /** Adds several lines (log lines, messages). */
  addLines(source: string, lines: Iterable<string>): this {
    let i = 0;
    for (const line of lines) this.add(`${source}[${i++}]`, line);
    return this;
  }

  /** Adds everything an error exposes (see `errorTexts`). */
  addError(source: string, error: unknown): this {
    return this.addLines(`${source} error`, errorTexts(error));
  }

  /** Adds the emulator's request log. */
  addRequestLog(log: readonly unknown[]): this {
    return this.addLines("request log", requestLogTexts(log));
  }

  /** Adds outputs minus their secret-marked properties. */
  addOutputs(source: string, outputs: unknown): this {
    return this.add(`${source} outputs`, visibleOutputTexts(outputs));
  }

  /** Adds the serialized providers. */
  async addSerializedProviders(): Promise<this> {
    this.texts.push(...(await serializedProviderTexts()));
    return this;
  }

  /** Adds files (e.g. an engine harness's state file). */
  addFiles(paths: Iterable<string>): this {
    this.texts.push(...fileTexts(paths));
    return this;
  }

  /** Throws when any collected text holds a secret; returns the number of (text, secret) pairs checked. */
  expectClean(secrets: readonly string[]): number {
    return expectNoSecrets(this.texts, secrets);
  }
}

/**
 * The engine-lite's stack state on disk: one JSON file per stack. Secrets are stored the way a Pulumi checkpoint
 * stores them, `{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:..."}`,
 * encrypted with AES-256-GCM under a key derived (scrypt) from a per-stack passphrase and the file's random salt.
 * Everything else, `__provider` included, stays plaintext, as in real state.
 *
 * ```json
 * { "version": 1, "project": "toy", "stack": "dev",
 *   "secretsProvider": { "type": "passphrase", "salt": "<base64>", "check": "v1:<iv>:<ciphertext+tag>" },
 *   "resources": [ { "urn", "type", "custom", "dynamic", "id", "parent", "inputs", "outputs", "dependencies",
 *                    "options", "initErrors"? } ],
 *   "outputs": { ... } }
 * ```
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { isObject, isSecret, SECRET_SIG, SIG_KEY, type JsonValue, type PropertyMap } from "./encoding";
import type { CapturedOptions } from "./programCapture";

/** One resource in state. Values keep secret wrappers in memory; they are encrypted only on disk. */
export interface StateResource {
  urn: string;
  type: string;
  custom: boolean;
  /** Managed through the plugin host (otherwise simulated from the program's mocks). */
  dynamic: boolean;
  id: string | undefined;
  parent: string | undefined;
  inputs: PropertyMap;
  outputs: PropertyMap;
  dependencies: string[];
  options: CapturedOptions;
  /** Reasons from an ErrorResourceInitFailed: the resource exists but did not initialize. */
  initErrors?: string[];
}

/** A stack's state. */
export interface StackState {
  version: 1;
  project: string;
  stack: string;
  resources: StateResource[];
  outputs: PropertyMap;
}

interface SecretsProviderState {
  type: "passphrase";
  salt: string;
  check: string;
}

interface StateFile extends Omit<StackState, "resources" | "outputs"> {
  secretsProvider: SecretsProviderState;
  resources: JsonValue;
  outputs: JsonValue;
}

const CHECK_TEXT = "pulumi-engine-lite";

/** An empty state for a new stack. */
export function emptyState(project: string, stack: string): StackState {
  return { version: 1, project, stack, resources: [], outputs: {} };
}

/** Reads a state file (decrypting secrets); a missing file is an empty state. Throws on a wrong passphrase. */
export function loadState(file: string, passphrase: string, project: string, stack: string): StackState {
  if (!fs.existsSync(file)) return emptyState(project, stack);
  const onDisk = JSON.parse(fs.readFileSync(file, "utf8")) as StateFile;
  const key = deriveKey(passphrase, onDisk.secretsProvider.salt);
  let check: string;
  try {
    check = decrypt(key, onDisk.secretsProvider.check);
  } catch {
    check = "";
  }
  if (check !== CHECK_TEXT) throw new Error(`incorrect passphrase for state file ${file}`);
  return {
    version: 1,
    project: onDisk.project,
    stack: onDisk.stack,
    resources: decryptSecrets(key, onDisk.resources) as unknown as StateResource[],
    outputs: decryptSecrets(key, onDisk.outputs) as PropertyMap,
  };
}

/** Writes a state file atomically, encrypting every secret (the salt of an existing file is kept). */
export function saveState(file: string, passphrase: string, state: StackState): void {
  let salt = crypto.randomBytes(16).toString("base64");
  if (fs.existsSync(file)) {
    salt = (JSON.parse(fs.readFileSync(file, "utf8")) as StateFile).secretsProvider.salt;
  }
  const key = deriveKey(passphrase, salt);
  const onDisk: StateFile = {
    version: 1,
    project: state.project,
    stack: state.stack,
    secretsProvider: { type: "passphrase", salt, check: encrypt(key, CHECK_TEXT) },
    resources: encryptSecrets(key, state.resources as unknown as JsonValue),
    outputs: encryptSecrets(key, state.outputs),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(onDisk, null, 2) + "\n");
  fs.renameSync(temp, file);
}

const keyCache = new Map<string, Buffer>();

function deriveKey(passphrase: string, salt: string): Buffer {
  const cacheKey = `${salt}\u0000${passphrase}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = crypto.scryptSync(passphrase, Buffer.from(salt, "base64"), 32);
    keyCache.set(cacheKey, key);
  }
  return key;
}

function encrypt(key: Buffer, plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1:${iv.toString("base64")}:${body.toString("base64")}`;
}

function decrypt(key: Buffer, ciphertext: string): string {
  const [version, ivText, bodyText] = ciphertext.split(":");
  if (version !== "v1" || ivText === undefined || bodyText === undefined) throw new Error("bad ciphertext");
  const body = Buffer.from(bodyText, "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(ivText, "base64"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

function encryptSecrets(key: Buffer, value: JsonValue): JsonValue {
  if (isSecret(value)) return { [SIG_KEY]: SECRET_SIG, ciphertext: encrypt(key, JSON.stringify(value.value)) };
  if (Array.isArray(value)) return value.map((v) => encryptSecrets(key, v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encryptSecrets(key, v)]));
  return value;
}

function decryptSecrets(key: Buffer, value: JsonValue): JsonValue {
  if (isObject(value) && value[SIG_KEY] === SECRET_SIG && typeof value.ciphertext === "string") {
    return { [SIG_KEY]: SECRET_SIG, value: JSON.parse(decrypt(key, value.ciphertext)) as JsonValue };
  }
  if (Array.isArray(value)) return value.map((v) => decryptSecrets(key, v));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decryptSecrets(key, v)]));
  return value;
}

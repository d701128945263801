/**
 * The values behind the fixture's secret placeholders. Recording and replay resolve them the same way, from the
 * source each scenario names:
 * - `sample`: a value from {@link SAMPLE_SECRETS}. For secrets the stack config carries (the Konnect token, an Okta
 *   API token, an HTTP bridge key) any value works as long as config, state and store get the same one.
 * - `programExport`: a constant the program itself exports (the program writes the secret inline).
 * - `simulated`: an output of a mocked resource in the program run (an Azure client secret the Azure mocks derive);
 *   it stands in for the value the real cloud provider would keep in its own state.
 * Values are resolved from their origin, never from a Konnect resource's inputs, so a version that passes a different
 * secret to Konnect shows as a change.
 */
import * as path from "node:path";
import { isSecret, type JsonValue } from "../engine/encoding";
import { REPO_ROOT } from "../engine/pluginHost";
import type { CapturedProgram } from "../engine/programCapture";
import { TOKEN } from "../emulator/sampleBodies";
import type { SecretSpec } from "./fixture";
import { secretPlaceholder } from "./placeholders";

/**
 * Sample secrets for `sample` sources, by name. Values are test data shaped like the real thing where the emulator or
 * `check` looks at the shape (a `kpat_` token; an HTTP bridge key of 12+ letters, digits and `_`).
 */
export const SAMPLE_SECRETS: Readonly<Record<string, string>> = {
  "konnect:token": TOKEN,
  "okta:apiToken": "upgrade-sample-okta-api-token-0001",
  "http:apiKey": "upgrade_sample_http_bridge_key_0001",
  // The Azure client secret the azure-dcr-eu scenario of 0.1.0-b7354e1 was recorded with (its program wrote it inline).
  "scenario:clientSecret": "scenario-initial-client-secret-7Q~x",
};

/** Secrets shorter than this cannot be told apart from ordinary text, so scenarios may not declare them. */
export const MIN_SECRET_LENGTH = 8;

function sourceValue(spec: SecretSpec, captured: CapturedProgram | undefined): string {
  const source = spec.source;
  let value: unknown;
  if ("sample" in source) {
    value = SAMPLE_SECRETS[source.sample];
  } else if ("programExport" in source) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named by the recorded scenario
    value = (require(path.join(REPO_ROOT, source.programExport.module)) as Record<string, unknown>)[
      source.programExport.name
    ];
  } else {
    if (!captured) throw new Error(`secret ${spec.name}: a simulated value comes from the program run`);
    const resource = captured.resources.find((r) => !r.dynamic && r.name === source.simulated.resource);
    if (!resource) throw new Error(`secret ${spec.name}: the program registered no ${source.simulated.resource}`);
    const output: JsonValue | undefined = resource.outputs[source.simulated.output];
    value = isSecret(output) ? output.value : output;
  }
  if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH) {
    throw new Error(`secret ${spec.name}: its source ${JSON.stringify(source)} gave no string of 8+ characters`);
  }
  return value;
}

/**
 * Placeholder → value for the secrets of a scenario. Without the program run, `simulated` secrets are left out (the
 * stack config, which the program run needs first, never holds one).
 */
export function resolveSecrets(specs: readonly SecretSpec[], captured?: CapturedProgram): Map<string, string> {
  const wanted = captured ? specs : specs.filter((spec) => !("simulated" in spec.source));
  return new Map(wanted.map((spec) => [secretPlaceholder(spec.name), sourceValue(spec, captured)]));
}

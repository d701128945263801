/**
 * `npm run emulator -- [--port 8080] [--host 127.0.0.1] [--latency 50] [--rate-limit 10] [--retry-after 2]`: runs
 * the Konnect emulator in the foreground and prints how to point the provider at it. `--latency` delays every API
 * request (ms); `--rate-limit` answers 429 above that many requests per second, with `Retry-After: --retry-after`
 * (default 1). Stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { startKonnectEmulator } from "./emulator";
import { type EmulatorOptions } from "./types";

/** A well-formed personal access token the emulator accepts (any `kpat_` + 20 alphanumerics works). */
export const SAMPLE_TOKEN = "kpat_emulatorSampleToken0123456789";

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} needs a non-negative number, got ${value}`);
  return parsed;
}

/** Turns command-line flags into emulator options. */
export function optionsFromArgs(args: string[]): Partial<EmulatorOptions> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string", default: "8080" },
      host: { type: "string", default: "127.0.0.1" },
      latency: { type: "string" },
      "rate-limit": { type: "string" },
      "retry-after": { type: "string" },
    },
  });
  const options: Partial<EmulatorOptions> = { port: numberFlag(values.port, "port") ?? 8080, host: values.host };
  const latency = numberFlag(values.latency, "latency");
  if (latency !== undefined) options.latencyMs = latency;
  const rate = numberFlag(values["rate-limit"], "rate-limit");
  if (rate !== undefined) {
    options.rateLimit = {
      requestsPerSecond: rate,
      retryAfterSeconds: numberFlag(values["retry-after"], "retry-after") ?? 1,
    };
  }
  return options;
}

async function main(): Promise<void> {
  const emulator = await startKonnectEmulator(optionsFromArgs(process.argv.slice(2)));
  const lines = [
    `Konnect emulator listening on ${emulator.url}`,
    `  API:      ${emulator.url}/v2/dcr-providers, ${emulator.url}/v2/application-auth-strategies`,
    `            ${emulator.url}/v3/portals, ${emulator.url}/v3/apis, ${emulator.url}/v3/api-publications`,
    `            ${emulator.url}/v3/portals/{id}/teams|developers|applications|application-registrations`,
    `  regions:  ${emulator.regionUrl("eu")}/v2/... (us eu au me in sg; unprefixed = us)`,
    `  control:  ${emulator.url}/_emulator/health, /_emulator/requests, /_emulator/faults, /_emulator/reset`,
    "",
    "Point the provider at it:",
    `  export KONNECT_SERVER_URL=${emulator.url}`,
    `  export KONNECT_TOKEN=${SAMPLE_TOKEN}`,
    "or, per stack:",
    `  pulumi config set konnect:serverUrl ${emulator.url}`,
    `  pulumi config set --secret konnect:token ${SAMPLE_TOKEN}`,
    "",
    "Ctrl+C stops it.",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received, stopping the emulator\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

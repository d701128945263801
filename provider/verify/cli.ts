/**
 * `npm run verify -- --tenant <id> --route <url>`: the "make a successful request" step of Kong's Azure DCR guide as
 * a tool. The client secret comes from DCR_CLIENT_SECRET or a hidden prompt; neither it, the access token nor the
 * Basic credentials are ever printed.
 */
import type { AxiosInstance } from "axios";
import { createHttp } from "./http";
import { parseOptions, USAGE } from "./options";
import { promptHidden, type TtyInput } from "./prompt";
import { makeRedactor } from "./redact";
import { exitCodeOf, renderReport } from "./report";
import { verify } from "./run";

/** What the CLI talks to; tests pass their own streams and environment. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: TtyInput;
  http?: AxiosInstance;
}

/** Runs the CLI and returns the exit code (0 pass, 1 a check failed, 2 usage error). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(argv, io.env);
  if (parsed.kind === "help") {
    io.stdout.write(USAGE);
    return 0;
  }
  if (parsed.kind === "error") {
    io.stderr.write(`${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const { options } = parsed;
  const fromEnv = io.env["DCR_CLIENT_SECRET"];
  const secret =
    fromEnv !== undefined && fromEnv !== "" ? fromEnv : await promptHidden("Client secret: ", io.stdin, io.stderr);
  if (secret === undefined || secret === "") {
    io.stderr.write("No client secret: set DCR_CLIENT_SECRET or run in a terminal to be asked for it.\n");
    return 2;
  }
  io.stdout.write(
    `Checking Dev Portal application ${options.clientId} in tenant ${options.tenant} against ${options.route.origin}${options.route.pathname}\n\n`,
  );
  let outcome;
  try {
    outcome = await verify(io.http ?? createHttp(), { ...options, clientSecret: secret });
  } catch {
    io.stderr.write("Unexpected internal error (details withheld: they could contain credentials).\n");
    return 1;
  }
  const redact = makeRedactor([secret, ...outcome.sensitive]);
  io.stdout.write(renderReport(outcome.results, redact));
  return exitCodeOf(outcome.results);
}

if (require.main === module) {
  main(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write("Unexpected internal error.\n");
      process.exitCode = 1;
    },
  );
}

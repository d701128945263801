/**
 * Starts the policy pack the way the Pulumi CLI does and connects to it over gRPC.
 *
 * The CLI runs `pulumi-analyzer-policy <engine-address> .` (newer CLIs: the Node.js language host's RunPlugin) with
 * the pack directory as working directory; that script is `node <@pulumi/pulumi/cmd/run-policy-pack> "$@"`, resolved
 * from the pack directory. run-policy-pack drops the engine address, registers ts-node (type-checking, with the pack's
 * tsconfig.json when it has one), and requires the pack's `index.ts`; `new PolicyPack(...)` reads the version from
 * `./package.json`, binds the Analyzer service on 127.0.0.1:0 and prints the port as the first stdout line.
 * Resolution from the pack directory picks the pack's own @pulumi/pulumi after `npm install` there, else the root's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";

/** The policy pack directory. */
export const PACK_DIR = path.resolve(__dirname, "../../examples/policy-pack");

/** A running pack and a client connected to it. */
export interface RunningPack {
  client: AnalyzerClient;
  port: number;
  /** Everything the pack wrote to stderr so far. */
  stderr(): string;
  /** Closes the client and ends the pack's process group. */
  stop(): Promise<void>;
}

/** Spawns the pack (detached, its own process group) and resolves once it printed its port. */
export function startPack(): Promise<RunningPack> {
  const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [PACK_DIR] });
  const child: ChildProcess = spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
    cwd: PACK_DIR,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: undefined },
  });
  let out = "";
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await exited;
    }
  };
  return new Promise<RunningPack>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0] ?? "";
      if (out.includes("\n") && /^\d+$/.test(line.trim())) {
        const port = Number(line.trim());
        const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        resolve({
          client,
          port,
          stderr: () => err,
          stop: async () => {
            client.close();
            await stop();
          },
        });
      }
    });
    child.once("exit", (code) => reject(new Error(`policy pack exited with ${code}; stdout: ${out}; stderr: ${err}`)));
    child.once("error", reject);
  });
}

/** Promisifies a unary gRPC call: `unary<Res>((cb) => client.method(request, cb))`. */
export function unary<Res>(invoke: (cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
  return new Promise((resolve, reject) => {
    invoke((err, res) => (err ? reject(err) : resolve(res)));
  });
}

/**
 * Starts and stops the real Pulumi Node.js dynamic-provider plugin host (`pulumi-resource-pulumi-nodejs`), the
 * process the Pulumi engine launches for `pulumi-nodejs:dynamic/...` resources. The host prints its gRPC port on the
 * first stdout line; everything after that (stdout and stderr) is provider log output.
 *
 * The shipped shell wrapper does not `exec` node, so the host runs as a grandchild: we start it in its own process
 * group (`detached`) and stop the whole group. Every started host is tracked so a test cleanup can stop stragglers.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The repository root (the default project directory). */
export const REPO_ROOT = path.resolve(__dirname, "../..");

/** Options for {@link startPluginHost}. */
export interface PluginHostOptions {
  /** Project directory (cwd of the host); its node_modules must resolve what serialized providers require. */
  projectDir?: string;
  /** Project name (`PULUMI_NODEJS_PROJECT`), used to prefix config keys without a namespace. */
  project?: string;
  /** Extra environment for the host (for example `KONNECT_TOKEN`); merged over this process's environment. */
  env?: Record<string, string>;
  /** Path of the wrapper script; defaults to the copy inside the project's `@pulumi/pulumi`. */
  wrapper?: string;
  /** Called with every chunk of provider log output as it arrives (for streaming progress). */
  onLog?: (chunk: string) => void;
  /** Milliseconds to wait for the port line (default 20 s). */
  startTimeoutMs?: number;
}

/** A running plugin host process. */
export interface PluginHost {
  /** The gRPC port the host listens on (127.0.0.1). */
  readonly port: number;
  /** Pid of the wrapper, which is also the process group id of the host and its children. */
  readonly pid: number;
  /** Milliseconds from spawn until the port line arrived. */
  readonly startupMs: number;
  /** Provider logs so far: stdout after the port line, and stderr. */
  logs(): string;
  /** Stops the whole process group and waits until it is gone. Idempotent. */
  stop(): Promise<void>;
  /**
   * SIGKILLs the whole process group at once, with no chance to clean up or answer (an OOM kill, a cancelled CI
   * runner, Ctrl-C twice), and waits until it is gone.
   */
  kill(): Promise<void>;
}

const running = new Set<PluginHost>();
/** Process groups of hosts spawned but not yet answering with a port (so an interrupt can stop them too). */
const starting = new Set<number>();

/** Starts a plugin host and resolves once it printed its port. */
export async function startPluginHost(options: PluginHostOptions = {}): Promise<PluginHost> {
  const projectDir = options.projectDir ?? REPO_ROOT;
  const wrapper =
    options.wrapper ?? path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi", "pulumi-resource-pulumi-nodejs");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PULUMI_NODEJS_PROJECT: options.project ?? "project",
    PULUMI_PROJECT: options.project ?? "project",
    ...options.env,
  };
  const started = Date.now();
  const child = spawn(wrapper, ["127.0.0.1:0"], {
    cwd: projectDir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the plugin host ${wrapper}`);
  starting.add(pid);

  let logText = "";
  let stdoutBuffer = "";
  let portResolved = false;
  const appendLog = (chunk: string): void => {
    logText += chunk;
    if (chunk !== "") options.onLog?.(chunk);
  };
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`plugin host did not print a port within ${options.startTimeoutMs ?? 20000} ms`)),
      options.startTimeoutMs ?? 20000,
    );
    function fail(error: Error): void {
      clearTimeout(timer);
      killGroup(pid!);
      starting.delete(pid!);
      reject(new Error(`${error.message}\n${logText}`));
    }
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (portResolved) {
        appendLog(chunk);
        return;
      }
      stdoutBuffer += chunk;
      const newline = stdoutBuffer.indexOf("\n");
      if (newline < 0) return;
      const line = stdoutBuffer.slice(0, newline).trim();
      appendLog(stdoutBuffer.slice(newline + 1));
      portResolved = true;
      clearTimeout(timer);
      const parsed = Number.parseInt(line, 10);
      if (Number.isInteger(parsed) && parsed > 0) resolve(parsed);
      else fail(new Error(`plugin host printed "${line}" instead of a port`));
    });
    child.stderr.on("data", (chunk: string) => {
      appendLog(chunk);
    });
    child.once("error", (error) => fail(error));
    child.once("exit", (code, signal) => {
      if (!portResolved) fail(new Error(`plugin host exited early (code ${code}, signal ${signal})`));
    });
  });

  const host: PluginHost = {
    port,
    pid,
    startupMs: Date.now() - started,
    logs: () => logText,
    stop: async () => {
      killGroup(pid);
      await closed;
      await waitForGroupExit(pid);
      running.delete(host);
    },
    kill: async () => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
      await closed;
      await waitForGroupExit(pid);
      running.delete(host);
    },
  };
  starting.delete(pid);
  running.add(host);
  return host;
}

/** Stops every plugin host this process started and has not stopped yet (use in afterAll/afterEach). */
export async function stopAllHosts(): Promise<void> {
  const pending = [...starting];
  starting.clear();
  pending.forEach(killGroup);
  await Promise.all([...running].map((host) => host.stop()));
  await Promise.all(pending.map(waitForGroupExit));
}

/**
 * SIGKILLs every plugin host this process started (see {@link PluginHost.kill}) and waits until they are gone: for a
 * test that interrupts a command run by engine-lite, which starts its host internally, in the middle of a step.
 */
export async function killAllHosts(): Promise<void> {
  await Promise.all([...running].map((host) => host.kill()));
}

/** Pids of the live (non-zombie) processes in a process group, read from /proc. */
export function processGroupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // Format: pid (comm) state ppid pgrp ...; comm may contain spaces, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] !== "Z" && Number(fields[2]) === pgid) members.push(Number(entry));
  }
  return members;
}

/** True while any non-zombie process of the given process group is alive. */
export function isProcessGroupAlive(pgid: number): boolean {
  return processGroupMembers(pgid).length > 0;
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, "SIGTERM");
  } catch {
    // already gone
  }
}

async function waitForGroupExit(pgid: number): Promise<void> {
  for (let attempt = 0; isProcessGroupAlive(pgid); attempt++) {
    if (attempt === 100) {
      try {
        process.kill(-pgid, "SIGKILL");
      } catch {
        // gone between the check and the kill
      }
    }
    if (attempt === 300) throw new Error(`plugin host process group ${pgid} survived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Last resort: never leave a host behind when the test process exits. */
process.once("exit", () => {
  for (const host of running) killGroup(host.pid);
  starting.forEach(killGroup);
});

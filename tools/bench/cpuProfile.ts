/**
 * Where a plugin host's CPU goes: runs the host through a copy of the SDK's wrapper script that starts node with
 * `--cpu-prof` (not allowed in NODE_OPTIONS) and a preload that exits cleanly on SIGTERM so the profile is written
 * when the host is stopped, then sums the profile's
 * self time by origin (our runtime, axios, zod, the Pulumi SDK, gRPC and protobuf, Node itself, GC) and lists the
 * heaviest functions of our own code.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { round } from "./stats";

/** A V8 CPU profile (the parts we read). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of one origin or function. */
export interface ProfileShare {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time, percent. */
  percent: number;
}

/** A profile summed by origin, plus our own heaviest functions. */
export interface ProfileSummary {
  busyMs: number;
  byOrigin: ProfileShare[];
  oursTop: ProfileShare[];
}

/**
 * Writes a plugin-host wrapper (the SDK's `pulumi-resource-pulumi-nodejs`, with profiling flags) that makes the host
 * write a CPU profile into `dir` when it is stopped; returns its path.
 */
export function profilingWrapper(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const preload = path.join(dir, "exit-on-sigterm.js");
  fs.writeFileSync(preload, 'process.on("SIGTERM", () => process.exit(0));\n');
  const wrapper = path.join(dir, "pulumi-resource-pulumi-nodejs");
  fs.writeFileSync(
    wrapper,
    [
      "#!/bin/sh",
      `script=$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/dynamic-provider'))")`,
      `exec node --cpu-prof --cpu-prof-dir='${dir}' --require '${preload}' "$script" "$@"`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  return wrapper;
}

/** The origin a script URL belongs to. */
export function originOf(url: string, functionName: string): string {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)") return "V8 / native (program)";
  if (url === "") return "V8 / native (program)";
  if (/pulumi-konnect-dcr\/|\/dist\/provider\//.test(url)) return "ours (pulumi-konnect-dcr runtime)";
  if (/node_modules\/(axios|follow-redirects|form-data|proxy-from-env)\//.test(url)) return "axios";
  if (/node_modules\/zod\//.test(url)) return "zod";
  if (/node_modules\/(@grpc|google-protobuf|protobufjs|@protobufjs)\//.test(url)) return "gRPC / protobuf";
  if (/node_modules\/@pulumi\/pulumi\//.test(url)) return "@pulumi/pulumi (host, serialization)";
  if (url.startsWith("node:")) return "Node.js core (http, net, streams)";
  if (/node_modules\//.test(url)) return "other packages";
  return "serialized provider code / other";
}

/** Sums the newest profile in `dir` (and removes the directory). */
export function summarizeProfile(dir: string, top = 8): ProfileSummary | undefined {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : [];
  if (files.length === 0) return undefined;
  // The host's node is the only process started with these options; the biggest profile is its main thread.
  const biggest = files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  const profile = JSON.parse(fs.readFileSync(biggest, "utf8")) as CpuProfile;
  fs.rmSync(dir, { recursive: true, force: true });
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const origin = new Map<string, number>();
  const ours = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!frame || frame.functionName === "(idle)") return;
    busyUs += us;
    const o = originOf(frame.url, frame.functionName);
    origin.set(o, (origin.get(o) ?? 0) + us);
    if (o.startsWith("ours")) {
      const key = `${frame.functionName || "(anonymous)"} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
      ours.set(key, (ours.get(key) ?? 0) + us);
    }
  });
  const shares = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: round(us / 1000, 1), percent: round((us / busyUs) * 100, 1) }));
  return { busyMs: round(busyUs / 1000, 1), byOrigin: shares(origin), oursTop: shares(ours).slice(0, top) };
}

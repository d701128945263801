/** Facts about the machine a benchmark ran on, recorded with the results (these boxes are shared and noisy). */
import * as fs from "node:fs";
import * as os from "node:os";

/** Machine facts for the report. */
export interface MachineFacts {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  pulumiSdk: string;
  /** 1, 5 and 15 minute load averages when the bench started. */
  loadAverageAtStart: number[];
  /** Load averages when the bench ended. */
  loadAverageAtEnd?: number[];
  date: string;
}

/** Reads CPU model (from /proc/cpuinfo), cores, memory, Node and @pulumi/pulumi versions, load average and date. */
export function machineFacts(): MachineFacts {
  let cpuModel = os.cpus()[0]?.model ?? "unknown";
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync("/proc/cpuinfo", "utf8"));
    if (match?.[1]) cpuModel = match[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpuModel,
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    pulumiSdk: (
      JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }
    ).version,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    date: new Date().toISOString(),
  };
}

/** Current load averages, rounded. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

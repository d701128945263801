import { spawn } from "node:child_process";
import path from "node:path";
import { SAMPLE_TOKEN, optionsFromArgs } from "../../tools/emulator/cli";

describe("CLI options", () => {
  it.each([
    [[], { port: 8080, host: "127.0.0.1" }],
    [["--port", "9000"], { port: 9000, host: "127.0.0.1" }],
    [["--latency", "25"], { port: 8080, host: "127.0.0.1", latencyMs: 25 }],
    [
      ["--rate-limit", "5", "--retry-after", "3"],
      { port: 8080, host: "127.0.0.1", rateLimit: { requestsPerSecond: 5, retryAfterSeconds: 3 } },
    ],
    [
      ["--rate-limit", "2"],
      { port: 8080, host: "127.0.0.1", rateLimit: { requestsPerSecond: 2, retryAfterSeconds: 1 } },
    ],
  ])("%j", (args, expected) => {
    expect(optionsFromArgs(args)).toStrictEqual(expected);
  });

  it("refuses a bad number and an unknown flag", () => {
    expect(() => optionsFromArgs(["--port", "abc"])).toThrow("--port needs a non-negative number, got abc");
    expect(() => optionsFromArgs(["--nope"])).toThrow("Unknown option '--nope'");
  });

  it("uses a sample token the emulator accepts", () => {
    expect(SAMPLE_TOKEN).toMatch(/^kpat_[A-Za-z0-9]{20,}$/);
  });
});

describe("CLI process", () => {
  it("prints the URL and setup lines, serves, and exits 0 on SIGTERM", async () => {
    const cli = path.join(__dirname, "../../tools/emulator/cli.ts");
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", cli, "--port", "0"], {
      cwd: path.join(__dirname, "../.."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 600 && !output.includes("Ctrl+C"); i++) await new Promise((r) => setTimeout(r, 50));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    expect(output).toContain(`export KONNECT_SERVER_URL=${url}`);
    expect(output).toContain(`export KONNECT_TOKEN=${SAMPLE_TOKEN}`);
    expect(output).toContain(`pulumi config set konnect:serverUrl ${url}`);
    const health = await fetch(`${url}/_emulator/health`);
    expect(await health.json()).toStrictEqual({ ok: true });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("SIGTERM received, stopping the emulator");
  });
});

/** Text blocks of the offline demo (`npm run demo`): intro, labelled previews, outputs, and how to run it for real. */
import { isSecret, UNKNOWN, type JsonValue, type PropertyMap } from "../engine/encoding";
import { displayType, renderPreview, renderValue, type CommandResult } from "../engine/engineLite";

/** A section heading with an underline. */
export function heading(text: string): string {
  return `\n${text}\n${"-".repeat(text.length)}\n`;
}

/** What is real and what is not in this run. */
export function intro(konnectUrl: string, stateDir: string, loginUrl: string, gatewayUrl: string): string {
  const rows: [string, string][] = [
    ["real", "the Pulumi dynamic-provider plugin host from @pulumi/pulumi, driven over gRPC as the engine does"],
    ["real", "this package's provider code (dist/): the Konnect resources and the request check"],
    ["real", "the stack program: Pulumi.yaml -> examples/azure-dcr/index.ts, with its default config"],
    ["emulated", `the Konnect API: a local emulator at ${konnectUrl} (no Konnect account)`],
    ["simulated", "Azure AD (Entra ID): mocked answers, marked [simulated Azure]; no tenant is touched"],
    ["stand-in", `Azure's v1 token endpoint at ${loginUrl}, issuing tokens to the simulated apps`],
    ["stand-in", `a Konnect gateway at ${gatewayUrl}, letting approved registrations through`],
    ["simulated", `the Pulumi engine: "engine-lite", state file in ${stateDir} (deleted at exit)`],
  ];
  return [
    "pulumi-konnect-dcr: offline demo",
    "================================",
    "Azure AD app registration wired to Kong Konnect Dev Portal DCR, in one `pulumi up`, without any cloud account.",
    "",
    ...rows.map(([kind, what]) => `  ${kind.padEnd(9)}  ${what}`),
    "",
    "Steps: preview, up (apply), stack outputs, preview again (no changes expected), and the first request that the",
    "up made through the gateway with the test application's v1 token.",
  ].join("\n");
}

/** A rendered preview or update, with simulated Azure resources labelled and the engine's header dropped. */
export function labelledRendering(result: CommandResult, stack: string): string {
  const azureTypes = new Set(result.steps.filter((s) => s.type.startsWith("azuread:")).map((s) => displayType(s.type)));
  const lines = renderPreview(result, stack).trimEnd().split("\n").slice(1);
  return lines
    .map((line) => {
      const type = /^ .. (\S+)/.exec(line)?.[1];
      return type !== undefined && azureTypes.has(type) ? `${line}  [simulated Azure]` : line;
    })
    .map((line) => `  ${line}`)
    .join("\n");
}

/** Stack outputs as aligned `name  value` rows; secrets as [secret], multi-line values indented. */
export function outputsTable(outputs: PropertyMap): string {
  const width = Math.max(...Object.keys(outputs).map((k) => k.length));
  return Object.entries(outputs)
    .map(([key, value]) => {
      const text = outputText(value).split("\n");
      const indent = " ".repeat(width + 4);
      return `  ${key.padEnd(width)}  ${text.join(`\n${indent}`)}`;
    })
    .join("\n");
}

function outputText(value: JsonValue): string {
  if (isSecret(value)) return "[secret]";
  if (value === UNKNOWN) return "[unknown]";
  if (typeof value === "string") return value;
  return renderValue(value);
}

/** A field of a stored output as text (absent: empty). */
function fieldText(value: JsonValue | undefined): string {
  return value === undefined ? "" : outputText(value);
}

/**
 * The request check's report from its outputs in state (titles and details only: never the secret or the token).
 * Throws unless every check passed and the gateway let a request through: the demo never claims what did not happen.
 */
export function checkReport(
  outputs: PropertyMap,
  tokenRequests: number,
  gatewayRequests: readonly { method: string; path: string; status: number }[],
): string {
  const results = Array.isArray(outputs.results) ? outputs.results : [];
  const lines = results.map((result) => {
    const r = (typeof result === "object" && result !== null ? result : {}) as Record<string, JsonValue>;
    return `  ${fieldText(r.status).toUpperCase()}  ${fieldText(r.title)}: ${fieldText(r.detail)}`;
  });
  const passed = gatewayRequests.filter((r) => r.status >= 200 && r.status < 300).length;
  const failing = results.filter((r) => (r as Record<string, JsonValue> | null)?.status !== "pass").length;
  if (results.length === 0 || failing > 0 || passed === 0) {
    throw new Error(
      `the request check in the state did not pass (${results.length} checks, ${failing} not passing, ` +
        `${passed} gateway requests let through)`,
    );
  }
  return [
    ...lines,
    "",
    `  ${tokenRequests} token request to the stand-in Azure endpoint and ${gatewayRequests.length} gateway request ` +
      `(${passed} let through), in ${fieldText(outputs.attempts)} attempt; checked at ${fieldText(outputs.checkedAt)}.`,
    "  DCR works end to end: the request check passed.",
  ].join("\n");
}

/** How to run the same stack against real Azure and Konnect. */
export function runForReal(): string {
  return [
    "The same stack for real (Pulumi CLI, an Azure AD tenant and a Konnect organization):",
    "",
    "  npm ci && npm run build",
    "  pulumi login --local                          # or your Pulumi Cloud / self-managed backend",
    "  pulumi stack init dev",
    "  pulumi config set --secret konnect:token      # a Konnect personal or system access token (kpat_/spat_)",
    "  pulumi config set konnect:region us           # us (default), eu, au, me, in or sg",
    "  az login                                      # into the target tenant",
    "  pulumi preview --diff && pulumi up",
    "",
    "Settings, roles and rotation: examples/azure-dcr/README.md and README.md.",
  ].join("\n");
}

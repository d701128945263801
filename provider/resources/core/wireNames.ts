/**
 * Konnect names rejected fields by their wire paths (`dcr_config.initial_client_id`,
 * `configs.openid-connect.credential_claim`); users wrote input properties (`dcrConfig.initialClientId`,
 * `openidConnect.credentialClaim`). The translation is derived from the resource's input table: each row's `wire`
 * (a dotted path where the wire nests differently, `configs.openid-connect`), nested tables for object rows, and a
 * table's `options` row taking the wire keys no other row names (extra plugin options).
 */
import { KonnectApiError } from "../../konnect";
import type { FieldRow, FieldTable } from "../../konnect/fieldTable";

const snakeToCamel = (segment: string) => segment.replace(/[_-]([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The row whose wire path is the longest prefix of `segments`, with the number of segments it takes. */
function rowForWire(
  table: FieldTable,
  segments: string[],
): { input: string; row: FieldRow; taken: number } | undefined {
  let best: { input: string; row: FieldRow; taken: number } | undefined;
  for (const [input, row] of Object.entries(table)) {
    if (row.wire === undefined) continue;
    const wire = row.wire.split(".");
    const matches = wire.every((part, i) => segments[i] === part);
    if (matches && (best === undefined || wire.length > best.taken)) best = { input, row, taken: wire.length };
  }
  return best;
}

/** The table's row for wire keys no other row names (`options` kind), if any. */
function restRow(table: FieldTable): string | undefined {
  return Object.keys(table).find((input) => table[input]!.value.kind === "options" && table[input]!.wire === undefined);
}

/** Input path segments for wire path segments, within `table`. */
function inputSegments(table: FieldTable, segments: string[]): string[] {
  const head = segments[0];
  if (head === undefined) return [];
  const match = rowForWire(table, segments);
  if (match === undefined) {
    // A key no row names: an extra option when the table takes them, else converted from snake_case.
    const rest = restRow(table);
    return rest === undefined ? [snakeToCamel(head), ...segments.slice(1)] : [rest, ...segments];
  }
  const tail = segments.slice(match.taken);
  const value = match.row.value;
  // Label keys, free-form options and list indexes keep their own spelling.
  if (value.kind === "object") return [match.input, ...inputSegments(value.fields, tail)];
  return [match.input, ...tail];
}

/**
 * The input property path for a wire field path, by the resource's input table. Label keys and extra OpenID Connect
 * options keep their own spelling; list indexes are kept. Unknown wire names are converted from snake_case to
 * camelCase.
 */
export function inputPathForWireField(table: FieldTable, field: string): string {
  if (field === "") return field;
  return inputSegments(table, field.split(".")).join(".");
}

/**
 * A Konnect API error with its invalid parameters renamed to input properties, so a 400 names what the user wrote.
 * Status, title, detail and trace stay; the message keeps the original's redaction. Other errors pass through.
 */
export function withInputNames(error: unknown, table: FieldTable): unknown {
  if (!(error instanceof KonnectApiError) || error.invalidParameters.length === 0) return error;
  const renamed = error.invalidParameters.map((p) => ({ ...p, field: inputPathForWireField(table, p.field) }));
  const mapped = new KonnectApiError(error.operation, error.status, error.title, error.detail, error.instance, renamed);
  // Rebuild the message from the original (already redacted) one, renaming each `field: ` in order.
  let message = error.message;
  let from = message.indexOf(`${error.status} ${error.title}`);
  error.invalidParameters.forEach((p, i) => {
    const at = message.indexOf(`${p.field}: `, from);
    if (at < 0) return;
    const name = renamed[i]!.field;
    message = message.slice(0, at) + name + message.slice(at + p.field.length);
    from = at + name.length;
  });
  mapped.message = message;
  mapped.stack = `${mapped.name}: ${message}\n${(error.stack ?? "").split("\n").slice(1).join("\n")}`;
  return mapped;
}

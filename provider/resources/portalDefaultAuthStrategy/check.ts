/** `check` of `konnect.PortalDefaultAuthStrategy`: the input table's rules (two UUIDs and the region). */
import { checkTable, startCheck, type CheckFailure } from "../core/check";
import { PORTAL_DEFAULT_INPUTS } from "./inputs";

/** Validates portal default auth strategy inputs. */
export function checkPortalDefaultInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  checkTable(f, PORTAL_DEFAULT_INPUTS, props);
  return { inputs, failures: f.failures };
}

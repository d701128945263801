/**
 * `check` of `konnect.ApiPublication`: the input table's rules (the API and portal ids, visibility, flags, region),
 * with `authStrategyIds` checked here so the message says what the list means. A list with more than one id is
 * refused even while its items are unknown.
 */
import { checkTable, startCheck, type CheckFailure } from "../core/check";
import { isUnknown } from "../core/unknowns";
import { API_PUBLICATION_INPUTS } from "./inputs";
import { idText } from "../../konnect";

/** Validates API publication inputs. */
export function checkApiPublicationInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  checkTable(f, API_PUBLICATION_INPUTS, props, { skip: ["authStrategyIds"] });
  const ids = props.authStrategyIds;
  if (ids !== undefined && !isUnknown(ids)) {
    if (!Array.isArray(ids)) {
      f.add("authStrategyIds", "must be a list of at most one auth strategy id ([] for no application auth)");
    } else if (ids.length > 1) {
      f.add("authStrategyIds", `at most one auth strategy id is allowed (Konnect's limit), got ${ids.length}`);
    } else {
      ids.forEach((id, i) => f.check(`authStrategyIds.${i}`, id, idText()));
    }
  }
  return { inputs, failures: f.failures };
}

/**
 * `check` of `konnect.DcrRequestCheck`: the input table's rules, then what a row cannot say: the client secret long
 * enough to be redacted, and the URLs as `npm run verify` accepts them (https, or plain http on loopback hosts only;
 * no credentials; no query or fragment in the login URL, which gets `/<tenant>/oauth2/token` appended). Unknown values
 * are accepted and checked on a later call.
 */
import { checkTable, shortSecretProblem, startCheck, type CheckFailure, type FailureList } from "../core/check";
import { isUnknown } from "../core/unknowns";
import { urlProblem } from "../../verify/urlRules";
import { DCR_REQUEST_CHECK_INPUTS } from "./inputs";

/** The given value as a URL, when it is a known string that passed its row's rule (else undefined). */
function validUrl(f: FailureList, property: string, value: unknown): URL | undefined {
  if (typeof value !== "string" || isUnknown(value)) return undefined;
  if (f.failures.some((failure) => failure.property === property)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Validates request check inputs. */
export function checkRequestCheckInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  checkTable(f, DCR_REQUEST_CHECK_INPUTS, props);
  const secret = props.clientSecret;
  if (typeof secret === "string" && !isUnknown(secret) && !f.failures.some((x) => x.property === "clientSecret")) {
    const problem = shortSecretProblem(secret);
    if (problem) f.add("clientSecret", problem);
  }
  for (const property of ["route", "loginUrl"]) {
    const url = validUrl(f, property, props[property]);
    if (url === undefined) continue;
    const problem = urlProblem(url, false);
    if (problem) f.add(property, problem);
    else if (property === "loginUrl" && /[?#]/.test(props[property] as string)) {
      f.add(property, "must not contain a query or fragment: the token endpoint is <loginUrl>/<tenantId>/oauth2/token");
    }
  }
  return { inputs, failures: f.failures };
}

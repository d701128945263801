/**
 * One run of the request check, built on `npm run verify`'s steps (`provider/verify`: the token request, the claim
 * checks, the bearer call and the report): no second implementation of any of them. A run gets a v1 token, checks
 * `ver`, the issuer and `appid`, then, with a route, calls it with the bearer token and expects 2xx.
 *
 * Retries (`core/retrySchedule.ts`, within `timeoutSeconds`): a failed token request or gateway call is tried again (a
 * new Azure secret takes seconds to work, a new registration takes time to reach the gateway); a token whose claims
 * fail is not (retrying cannot change them). A token whose claims passed is kept for the later attempts, so they only
 * call the gateway again. When everything works: 1 token request + 1 gateway request.
 *
 * A run that does not pass throws the report of its last attempt (PASS/FAIL/SKIP per check, what was seen, what to
 * do), with the secret and every token seen redacted. Nothing here talks to Konnect.
 */
import { makeRedactor, type Redactor } from "../../konnect/redact";
import type { CheckResult } from "../../verify/checks";
import { DEFAULT_TIMEOUT_MS, createHttp } from "../../verify/http";
import { DEFAULT_LOGIN_URL, DEFAULT_RESOURCE } from "../../verify/inputRules";
import { renderReport } from "../../verify/report";
import { bearerCheck, tokenChecks, type TokenOutcome } from "../../verify/run";
import { providerLog } from "../core/context";
import { retryWithin, type RetrySchedule } from "../core/retrySchedule";
import type { DcrRequestCheckInputs, DcrRequestCheckResult, DcrTokenClaims } from "./args";
import { DEFAULT_CHECK_TIMEOUT_SECONDS } from "./inputs";

/** Default: waits of 2, 4, 8, 16, 32, 64 s, so 6 attempts within the default 120 s. */
const DEFAULT_REQUEST_CHECK_SCHEDULE: RetrySchedule = { attempts: 10, initialDelayMs: 2000 };

let schedule: RetrySchedule = DEFAULT_REQUEST_CHECK_SCHEDULE;

/** Overrides the request check's retry schedule (tests and benchmarks). */
export function setRequestCheckSchedule(next: RetrySchedule): void {
  schedule = next;
}

/** What a passing run found. */
export interface RequestCheckRun {
  /** Each check, all passed (details redacted). */
  results: DcrRequestCheckResult[];
  /** The token's claims that are not secret. */
  claims: DcrTokenClaims;
  /** Attempts it took. */
  attempts: number;
  /** When it ended (ISO 8601). */
  checkedAt: string;
}

/** The claims that are not secret and go into outputs. */
const SHOWN_CLAIMS = ["ver", "iss", "appid", "tid", "aud"] as const;

/** What one attempt found. */
interface Attempt {
  results: CheckResult[];
  token: TokenOutcome;
}

const passed = (results: readonly CheckResult[]) => results.every((r) => r.status === "pass");

/** The subject of logs and errors: `request check of client <id> in tenant <tenant>`. */
export function requestCheckSubject(props: Pick<DcrRequestCheckInputs, "clientId" | "tenantId">): string {
  return `request check of client ${props.clientId} in tenant ${props.tenantId}`;
}

/** The failed checks of an attempt, in one line (for the provider log). */
function failedLine(results: readonly CheckResult[], redact: Redactor): string {
  return redact(
    results
      .filter((r) => r.status === "fail")
      .map((r) => `${r.title}: ${r.detail}`)
      .join("; "),
  );
}

/** Runs the check with retries; resolves when it passes, throws the redacted report when it does not. */
export async function runRequestCheck(inputs: DcrRequestCheckInputs): Promise<RequestCheckRun> {
  const started = Date.now();
  const subject = requestCheckSubject(inputs);
  const limitMs = (inputs.timeoutSeconds ?? DEFAULT_CHECK_TIMEOUT_SECONDS) * 1000;
  const exchangeMs = Math.min(DEFAULT_TIMEOUT_MS, limitMs);
  const http = createHttp();
  const request = {
    loginUrl: new URL(inputs.loginUrl ?? DEFAULT_LOGIN_URL),
    tenant: inputs.tenantId,
    clientId: inputs.clientId,
    clientSecret: inputs.clientSecret,
    resource: inputs.resource ?? DEFAULT_RESOURCE,
    timeoutMs: exchangeMs,
  };
  const route = inputs.route === undefined ? undefined : new URL(inputs.route);
  const method = inputs.method ?? "GET";
  // Every secret value seen: the client secret and each access token (redacted from every text shown).
  const sensitive: string[] = [inputs.clientSecret];
  let redact = makeRedactor(sensitive);
  /** A token whose claims passed: later attempts reuse it and only call the gateway again. */
  let kept: TokenOutcome | undefined;

  const attempt = async (n: number): Promise<Attempt> => {
    const token = kept ?? (await tokenChecks(http, request));
    if (token.accessToken !== undefined && !sensitive.includes(token.accessToken)) {
      sensitive.push(token.accessToken);
      redact = makeRedactor(sensitive);
    }
    if (token.accessToken !== undefined && passed(token.results)) kept = token;
    const results = [...token.results];
    if (route !== undefined) results.push(await bearerCheck(http, route, method, token.accessToken, exchangeMs));
    if (!passed(results)) providerLog(`${subject}: attempt ${n} failed: ${failedLine(results, redact)}`);
    return { results, token };
  };
  /** A token that came back with failing claims ends the run: retrying cannot change them. */
  const claimsFailed = (a: Attempt) => a.token.accessToken !== undefined && !passed(a.token.results);

  let outcome;
  try {
    outcome = await retryWithin(attempt, (a) => passed(a.results) || claimsFailed(a), schedule, limitMs);
  } catch {
    // The tool's steps turn every transport failure into a result; anything else is a defect whose details (an
    // axios error carries the request, form body included) must not be shown.
    throw new Error(`${subject}: unexpected internal error (details withheld: they could contain credentials)`);
  }
  const { result, attempts } = outcome;
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!passed(result.results)) {
    const tried = `${attempts} attempt${attempts === 1 ? "" : "s"} in ${seconds} s`;
    const why = claimsFailed(result)
      ? "not retried: the token's claims do not change by retrying"
      : `time limit ${limitMs / 1000} s`;
    const report = renderReport(result.results, redact).trimEnd();
    throw new Error(redact(`${subject} failed after ${tried} (${why}). The last attempt:\n${report}`));
  }
  const claims: DcrTokenClaims = {};
  for (const name of SHOWN_CLAIMS) {
    const value = result.token.claims?.[name];
    if (typeof value === "string") claims[name] = value;
  }
  return {
    results: result.results.map((r) => ({ title: r.title, status: "pass", detail: redact(r.detail) })),
    claims,
    attempts,
    checkedAt: new Date().toISOString(),
  };
}

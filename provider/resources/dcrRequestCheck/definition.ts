/**
 * `konnect.DcrRequestCheck` as a resource definition for the generic handlers: a `local` resource (it talks to no
 * Konnect API, needs no Konnect token or region, and records no location). Each step names its requests:
 * - **create** and **every update** = one run (`./run.ts`): 1 token request + 1 gateway request (without `route`:
 *   the token request only) when everything works; more within `timeoutSeconds` when a try fails. A run that does
 *   not pass fails the `up` with its report (a create leaves nothing in state; a failed update keeps the prior state,
 *   so the next `up` runs it again).
 * - **diff** (no request): every input is an update row, so any change re-runs the check in place; `resource`,
 *   `method`, `loginUrl` and `timeoutSeconds` compare as their effective values (declaring a default changes
 *   nothing); `triggers` compares as a whole. A change of the provider code alone re-runs it too. Nothing replaces.
 * - **read** (refresh) and **delete**: no request. Read keeps the outputs of the last passing run; delete forgets.
 * - **id**: a random UUID (there is no remote object).
 */
import { randomUUID } from "node:crypto";
import { fieldNames } from "../../konnect/fieldTable";
import { DEFAULT_LOGIN_URL, DEFAULT_RESOURCE } from "../../verify/inputRules";
import { tableRules, type FieldRule } from "../core/fieldRules";
import { resourceHandlers, type LocalResourceDefinition } from "../core/handlerFactory";
import type { DcrRequestCheckInputs, DcrRequestCheckOutputs } from "./args";
import { checkRequestCheckInputs } from "./check";
import { DCR_REQUEST_CHECK_INPUTS, DEFAULT_CHECK_TIMEOUT_SECONDS } from "./inputs";
import { requestCheckSubject, runRequestCheck, type RequestCheckRun } from "./run";

type Rule = FieldRule<DcrRequestCheckOutputs, DcrRequestCheckInputs, object>;

/** An update row compared as its effective value: absent counts as `fallback`. */
function withDefault(property: keyof DcrRequestCheckInputs, fallback: string | number): Rule {
  const effective = (props: DcrRequestCheckInputs) => props[property] ?? fallback;
  return { property, effect: "update", before: effective, after: effective };
}

/** The rows: every input re-runs the check; four compare as their effective values. */
const REQUEST_CHECK_RULES: readonly Rule[] = tableRules<DcrRequestCheckOutputs, DcrRequestCheckInputs, object>(
  DCR_REQUEST_CHECK_INPUTS,
  {
    resource: withDefault("resource", DEFAULT_RESOURCE),
    method: withDefault("method", "GET"),
    loginUrl: withDefault("loginUrl", DEFAULT_LOGIN_URL),
    timeoutSeconds: withDefault("timeoutSeconds", DEFAULT_CHECK_TIMEOUT_SECONDS),
  },
);

const INPUT_KEYS = fieldNames(DCR_REQUEST_CHECK_INPUTS);

/** Outputs: the declared inputs (the table's rows only) and what the run found. */
function requestCheckOutputs(declared: DcrRequestCheckInputs, run: RequestCheckRun): DcrRequestCheckOutputs {
  const record = declared as unknown as Record<string, unknown>;
  const inputs = Object.fromEntries(INPUT_KEYS.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
  return {
    ...(inputs as unknown as DcrRequestCheckInputs),
    checkedAt: run.checkedAt,
    attempts: run.attempts,
    results: run.results,
    claims: run.claims,
  };
}

/** What the generic handlers need to know about a request check. */
export const dcrRequestCheckDefinition: LocalResourceDefinition<
  DcrRequestCheckInputs,
  DcrRequestCheckOutputs,
  RequestCheckRun
> = {
  noun: "request check",
  inputs: DCR_REQUEST_CHECK_INPUTS,
  subject: requestCheckSubject,
  check: checkRequestCheckInputs,
  rules: () => REQUEST_CHECK_RULES,
  outputs: requestCheckOutputs,
  create: { kind: "local", idOf: () => randomUUID(), run: (inputs) => runRequestCheck(inputs) },
  delete: { kind: "local" },
};

/** Handlers behind the serialized `konnect.DcrRequestCheck` provider. */
export const dcrRequestCheckHandlers = resourceHandlers(dcrRequestCheckDefinition);

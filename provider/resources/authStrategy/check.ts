/**
 * `check` of `konnect.AuthStrategy`: the input table's rules (required, value rules, names, labels, nested OpenID
 * Connect and key-auth tables, extra options without `__proto__`), then what depends on the strategy type: which
 * settings object it takes, and that only OpenID Connect strategies link a DCR provider. Unknown values are accepted
 * and checked on a later call. Also the create (and PUT) request of checked inputs, which `check` validates against
 * the client's request schema.
 */
import { createAuthStrategyRequestSchema, type CreateAuthStrategyRequest } from "../../konnect";
import { OIDC_FIELD_NAMES, otherTypeRows } from "../../konnect/authStrategies/fields";
import { sentValues } from "../../konnect/fieldTable";
import { adoptConflict, checkTable, checkWholeRequest, startCheck, type CheckFailure } from "../core/check";
import type { AuthStrategyInputs } from "./args";
import { AUTH_STRATEGY_INPUTS } from "./inputs";

const OIDC_NAMED = OIDC_FIELD_NAMES.join(", ");

/** Validates auth strategy inputs. Unknown values are accepted and checked on a later call. */
export function checkAuthStrategyInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const { f, props, inputs } = startCheck(news);
  const type = props.strategyType;
  // The rows of the other type are refused by name; a missing settings object is required by type.
  checkTable(f, AUTH_STRATEGY_INPUTS, props, { skip: otherTypeRows(type), normalized: inputs });
  adoptConflict(f, props);
  if (type === "openid_connect") {
    if (props.keyAuth !== undefined) f.add("keyAuth", "only for strategyType key_auth; use openidConnect");
    if (props.openidConnect === undefined || props.openidConnect === null) {
      f.add("openidConnect", `required for strategyType openid_connect: ${OIDC_NAMED}`);
    }
  } else if (type === "key_auth") {
    if (props.openidConnect !== undefined) f.add("openidConnect", "only for strategyType openid_connect; use keyAuth");
    if (props.dcrProviderId !== undefined) {
      f.add("dcrProviderId", "only openid_connect strategies can use a DCR provider");
    }
  }
  checkWholeRequest(f, inputs, () => toCreateRequest(inputs as AuthStrategyInputs), createAuthStrategyRequestSchema());
  return { inputs, failures: f.failures };
}

/** The create (or PUT) request for checked inputs: the sent rows, without the rows of the other strategy type. */
export function toCreateRequest(inputs: AuthStrategyInputs): CreateAuthStrategyRequest {
  return sentValues(AUTH_STRATEGY_INPUTS, inputs, {
    omit: otherTypeRows(inputs.strategyType),
  }) as unknown as CreateAuthStrategyRequest;
}

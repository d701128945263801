/**
 * `check` of `konnect.AuthStrategy`: the input table's rules (required, value rules, names, labels, nested OpenID
 * Connect and key-auth tables, extra options without `__proto__`), then what depends on the strategy type: which
 * settings object it takes, and that only OpenID Connect strategies link a DCR provider. Unknown values are accepted
 * and checked on a later call. Also the create (and PUT) request of checked inputs, which `check` validates against
 * the client's request schema.
 */
import { createAuthStrategyRequestSchema, type CreateAuthStrategyRequest } from "../../konnect";
import { OIDC_FIELD_NAMES } from "../../konnect/authStrategies/fields";
import { adoptConflict, checkTable, checkWholeRequest, startCheck, type CheckFailure } from "../core/check";
import { withoutUndefined } from "../core/compare";
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
  // The settings object of the other type is refused by name; a missing one is required by type.
  const skip = type === "openid_connect" ? ["keyAuth"] : type === "key_auth" ? ["openidConnect", "dcrProviderId"] : [];
  checkTable(f, AUTH_STRATEGY_INPUTS, props, { skip, normalized: inputs });
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

/** The create (or PUT) request for checked inputs. */
export function toCreateRequest(inputs: AuthStrategyInputs): CreateAuthStrategyRequest {
  const request: CreateAuthStrategyRequest = withoutUndefined({
    name: inputs.name,
    displayName: inputs.displayName,
    strategyType: inputs.strategyType,
    labels: inputs.labels,
    principals: inputs.principals,
  });
  if (inputs.strategyType === "openid_connect") {
    if (inputs.openidConnect) request.openidConnect = withoutUndefined({ ...inputs.openidConnect });
    if (inputs.dcrProviderId !== undefined) request.dcrProviderId = inputs.dcrProviderId;
  } else if (inputs.keyAuth) {
    request.keyAuth = withoutUndefined({ ...inputs.keyAuth });
  }
  return request;
}

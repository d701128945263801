/**
 * `check` of the two Dev Portal resources (`ApiPublication`, `PortalDefaultAuthStrategy`): validation at preview
 * time with the property named. Values still unknown (outputs of resources not created yet) are accepted and checked
 * on a later call; a list with more than one strategy id is refused even while its items are unknown.
 */
import { z } from "zod";
import { idText, REGIONS } from "../../konnect";
import { PUBLICATION_VISIBILITIES } from "../../konnect/apiPublications/operations";
import { FailureList, type CheckFailure } from "../core/check";
import { isUnknown } from "../core/unknowns";

/** Input properties of an API publication. */
export const API_PUBLICATION_INPUT_KEYS = [
  "apiId",
  "portalId",
  "authStrategyIds",
  "visibility",
  "autoApproveRegistrations",
  "adopt",
  "region",
] as const;
/** Input properties of a portal default auth strategy. */
export const PORTAL_DEFAULT_INPUT_KEYS = ["portalId", "authStrategyId", "region"] as const;

/** The result of a `check`: inputs to store (unchanged) and failures naming properties. */
export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

function checkCommon(
  f: FailureList,
  props: Record<string, unknown>,
  allowed: readonly string[],
  required: Record<string, string>,
): void {
  f.rejectUnknownKeys("", props, allowed, `expected one of ${allowed.join(", ")}`);
  for (const [property, what] of Object.entries(required)) {
    if (f.require(property, props[property], `required: ${what}`)) f.check(property, props[property], idText());
  }
  if (props.region !== undefined) {
    f.check("region", props.region, z.enum(REGIONS, { error: `must be one of ${REGIONS.join(", ")}` }));
  }
}

function withProvider(news: Record<string, unknown>): {
  props: Record<string, unknown>;
  inputs: Record<string, unknown>;
} {
  const { __provider, ...props } = news;
  const inputs: Record<string, unknown> = { ...props };
  if (__provider !== undefined) inputs.__provider = __provider;
  return { props, inputs };
}

/** Validates API publication inputs. */
export function checkApiPublicationInputs(news: Record<string, unknown>): CheckResult {
  const f = new FailureList();
  const { props, inputs } = withProvider(news);
  checkCommon(f, props, API_PUBLICATION_INPUT_KEYS, {
    apiId: "the id (UUID) of the API to publish",
    portalId: "the id (UUID) of the portal to publish to",
  });
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
  if (props.visibility !== undefined) {
    f.check(
      "visibility",
      props.visibility,
      z.enum(PUBLICATION_VISIBILITIES, { error: 'must be "public" or "private"' }),
    );
  }
  for (const flag of ["autoApproveRegistrations", "adopt"] as const) {
    if (props[flag] !== undefined) f.check(flag, props[flag], z.boolean({ error: "must be true or false" }));
  }
  return { inputs, failures: f.failures };
}

/** Validates portal default auth strategy inputs. */
export function checkPortalDefaultInputs(news: Record<string, unknown>): CheckResult {
  const f = new FailureList();
  const { props, inputs } = withProvider(news);
  checkCommon(f, props, PORTAL_DEFAULT_INPUT_KEYS, {
    portalId: "the id (UUID) of the portal",
    authStrategyId: "the id (UUID) of the auth strategy to make the portal's default",
  });
  return { inputs, failures: f.failures };
}

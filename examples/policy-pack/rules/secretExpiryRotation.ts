/**
 * AZ-SECRET-EXPIRY-ROTATION: every `azuread.ApplicationPassword` has an `endDate` at most `maxValidityDays` (policy
 * config, default 365) from now, and a non-empty `rotateWhenChanged`.
 *
 * Why: this secret is what Konnect holds to register applications in the tenant. Without `endDate` Graph issues it
 * for two years; without `rotateWhenChanged` nothing replaces it before it expires, and DCR stops working that day.
 * "Now" comes from the rule context, so the check is deterministic in tests.
 */
import { asObject, asString, isUnknown, show } from "../lib/plain";
import type { Plain } from "../lib/plain";
import type { ResourceRule } from "../lib/rule";
import { APPLICATION_PASSWORD_TYPE } from "../lib/types";

/** Config of the rule. */
export interface SecretExpiryConfig {
  /** Longest accepted validity of a new secret, in days from now. */
  maxValidityDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** RFC 3339 date-time, as the azuread provider requires for `endDate`. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Violations about `endDate`. */
function checkEndDate(value: Plain, now: Date, maxDays: number): string[] {
  if (isUnknown(value)) return [];
  if (value === undefined || value === null) {
    return [
      `endDate is not set: Microsoft Graph then makes the secret valid for 2 years; set an endDate at most ${maxDays} days from now.`,
    ];
  }
  const text = typeof value === "string" ? value : undefined;
  const time = text !== undefined && RFC3339.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(time)) return [`endDate ${show(value)} is not an RFC 3339 date-time (e.g. 2027-01-31T00:00:00Z).`];
  const days = Math.ceil((time - now.getTime()) / DAY_MS);
  if (time <= now.getTime()) return [`endDate ${text ?? ""} is in the past: the secret is already expired.`];
  if (days > maxDays) {
    return [
      `endDate ${text ?? ""} is ${days} days from now; the maximum is ${maxDays} days (policy config maxValidityDays).`,
    ];
  }
  return [];
}

/** The rule. */
export const secretExpiryRotation: ResourceRule<SecretExpiryConfig> = {
  id: "azure-secret-expiry-rotation",
  description:
    "Azure client secrets (ApplicationPassword) have an endDate within the allowed validity and a rotateWhenChanged trigger: Konnect's DCR secret must be rotated before it expires.",
  enforcementLevel: "mandatory",
  severity: "medium",
  configSchema: {
    maxValidityDays: {
      type: "integer",
      minimum: 1,
      default: 365,
      description: "Longest accepted validity of a client secret, in days from now.",
    },
  },
  defaults: { maxValidityDays: 365 },
  appliesTo: [APPLICATION_PASSWORD_TYPE],
  check: ({ props }, { maxValidityDays }, { now }) => {
    const messages = checkEndDate(props["endDate"], now, maxValidityDays);
    const rotate = props["rotateWhenChanged"];
    if (!isUnknown(rotate)) {
      const keys = Object.entries(asObject(rotate) ?? {}).filter(([, v]) => isUnknown(v) || (asString(v) ?? "") !== "");
      if (keys.length === 0) {
        messages.push(
          'rotateWhenChanged is empty: nothing replaces this secret before it expires; set it to a value that changes on your rotation schedule (e.g. { rotation: "2026-Q4" }).',
        );
      }
    }
    return messages;
  },
};

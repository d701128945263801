/**
 * KONNECT-OWNERSHIP-LABEL: Konnect DCR providers and auth strategies carry an ownership label (policy config
 * `labelKey`, default `managed-by`) with a non-empty value.
 *
 * Why: Konnect objects have no owner field and their names are not unique; the label tells people looking at the
 * Konnect UI or API which stack manages the object, so nobody edits or deletes it by hand.
 */
import { asObject, asString, isUnknown } from "../lib/plain";
import type { ResourceRule } from "../lib/rule";
import { AUTH_STRATEGY_TYPE, DCR_PROVIDER_TYPE } from "../lib/types";

/** Config of the rule. */
export interface OwnershipLabelConfig {
  /** Label key that names the owner. */
  labelKey: string;
}

/** The rule. */
export const konnectOwnershipLabel: ResourceRule<OwnershipLabelConfig> = {
  id: "konnect-ownership-label",
  description:
    "Konnect DCR providers and auth strategies carry an ownership label: Konnect has no owner field and names are not unique.",
  enforcementLevel: "advisory",
  severity: "low",
  configSchema: {
    labelKey: {
      type: "string",
      minLength: 1,
      default: "managed-by",
      description: "Label key that names the owner of the Konnect object.",
    },
  },
  defaults: { labelKey: "managed-by" },
  appliesTo: [DCR_PROVIDER_TYPE, AUTH_STRATEGY_TYPE],
  check: ({ props }, { labelKey }) => {
    const labels = props["labels"];
    if (isUnknown(labels)) return [];
    const value = asObject(labels)?.[labelKey];
    if (isUnknown(value)) return [];
    if (value === undefined || value === null) {
      return [`labels has no "${labelKey}" label: add one naming the stack or team that owns this object.`];
    }
    if ((asString(value) ?? "").trim() === "")
      return [`label "${labelKey}" is empty: name the stack or team that owns this object.`];
    return [];
  },
};

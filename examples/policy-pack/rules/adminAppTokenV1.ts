/**
 * AZ-ADMIN-APP-TOKEN-V1: the Konnect DCR admin app sets `api.requestedAccessTokenVersion: 1` explicitly.
 *
 * Why: Konnect DCR supports v1 tokens only. Microsoft treats an absent value (null) as 1, so absence works today, but
 * the rule asks for the explicit 1: it documents the v1-only requirement where reviewers see it, and a later change to
 * 2 (required e.g. for personal-account audiences) shows up as a reviewed diff instead of a silent default. The value
 * only affects tokens issued for this app itself; the apps Konnect registers keep Graph's default (v1).
 */
import { graphAccesses, isDcrAdminApp } from "../lib/azure";
import { asObject, isUnknown, show } from "../lib/plain";
import type { ResourceRule } from "../lib/rule";
import { APPLICATION_TYPE } from "../lib/types";

/** The rule. */
export const adminAppTokenV1: ResourceRule = {
  id: "azure-admin-app-token-v1",
  description:
    "The Konnect DCR admin app sets api.requestedAccessTokenVersion to 1 explicitly: Konnect DCR supports Azure v1 tokens only.",
  enforcementLevel: "mandatory",
  severity: "medium",
  configSchema: {},
  defaults: {},
  appliesTo: [APPLICATION_TYPE],
  check: ({ props }) => {
    const accesses = graphAccesses(props);
    if (accesses === undefined || !isDcrAdminApp(accesses)) return [];
    const api = props["api"];
    if (isUnknown(api)) return [];
    const version = asObject(api)?.["requestedAccessTokenVersion"];
    if (version === 1 || isUnknown(version)) return [];
    if (version === undefined || version === null) {
      return [
        "api.requestedAccessTokenVersion is not set: Azure treats that as 1 today, but set api: { requestedAccessTokenVersion: 1 } so the v1-only requirement is explicit.",
      ];
    }
    return [`api.requestedAccessTokenVersion is ${show(version)}: Konnect DCR supports v1 tokens only, set it to 1.`];
  },
};

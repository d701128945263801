/**
 * KONNECT-DCR-ISSUER-V1: an azureAd DCR provider's issuer is `https://sts.windows.net/<tenant GUID>`.
 *
 * Why: Konnect DCR supports Azure v1 tokens only, whose `iss` is the sts.windows.net form. Kong's guide gives it without
 * a trailing slash; the v2 issuer (`https://login.microsoftonline.com/<tenant>/v2.0`, as in some Terraform examples)
 * makes every developer token fail validation.
 */
import { AZURE_V1_ISSUER } from "../lib/azure";
import { asString, isUnknown, show } from "../lib/plain";
import type { ResourceRule } from "../lib/rule";
import { AZURE_PROVIDER_TYPE, DCR_PROVIDER_TYPE } from "../lib/types";

/** Azure v2 issuer form, to explain that mistake specifically. */
const V2_ISSUER = /^https:\/\/login\.microsoftonline\.com\/([^/]+)\/v2\.0\/?$/;

/** The rule. */
export const dcrIssuerV1: ResourceRule = {
  id: "konnect-dcr-issuer-v1",
  description:
    "Azure DCR providers use the Azure v1 issuer https://sts.windows.net/<tenant GUID> without a trailing slash: Konnect DCR accepts v1 tokens only.",
  enforcementLevel: "mandatory",
  severity: "high",
  configSchema: {},
  defaults: {},
  appliesTo: [DCR_PROVIDER_TYPE],
  check: ({ props }) => {
    if (props["providerType"] !== AZURE_PROVIDER_TYPE) return [];
    const raw = props["issuer"];
    if (isUnknown(raw)) return [];
    const issuer = asString(raw);
    if (issuer === undefined) return [`issuer is ${show(raw)}: set it to https://sts.windows.net/<tenant GUID>.`];
    if (AZURE_V1_ISSUER.test(issuer)) return [];
    if (issuer.endsWith("/") && AZURE_V1_ISSUER.test(issuer.slice(0, -1))) {
      return [`issuer "${issuer}" ends with a slash: remove it (use "${issuer.slice(0, -1)}").`];
    }
    const v2 = V2_ISSUER.exec(issuer);
    if (v2) {
      return [
        `issuer "${issuer}" is the Azure v2 issuer: Konnect DCR supports v1 tokens only, use "https://sts.windows.net/${v2[1]}".`,
      ];
    }
    return [
      `issuer "${issuer}" is not of the form https://sts.windows.net/<tenant GUID> (lower-case GUID, no trailing slash).`,
    ];
  },
};

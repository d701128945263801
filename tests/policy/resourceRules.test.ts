/**
 * Resource rules: compliant and non-compliant cases per rule, with the exact messages, run through the same adapter
 * the Pulumi analyzer calls (proxied properties, policy config, suppressions).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { createPolicies } from "../../examples/policy-pack/policies";
import { APPLICATION_TYPE, DCR_PROVIDER_TYPE } from "../../examples/policy-pack/lib/types";
import {
  adminApp,
  authStrategy,
  dcrProvider,
  graph,
  NOW,
  OWNED_BY_ROLE,
  password,
  READ_ALL_ROLE,
  READWRITE_ALL_ROLE,
  READWRITE_ALL_SCOPE,
  TENANT,
  USER_READ_SCOPE,
} from "./fixtures";
import { runResource, UNKNOWN_OBJECT, UNKNOWN_STRING, type TestResource } from "./harness";

const policies = createPolicies(() => NOW);

function policy(name: string): ResourceValidationPolicy {
  const found = policies.find((p) => p.name === name);
  if (!found || !("validateResource" in found)) throw new Error(`no resource policy ${name}`);
  return found;
}

async function messages(name: string, resource: TestResource, config: Record<string, unknown> = {}) {
  const outcome = await runResource(policy(name), resource, config);
  return outcome.violations.map((v) => v.message);
}

describe("konnect-dcr-issuer-v1", () => {
  const name = "konnect-dcr-issuer-v1";
  it("accepts the v1 issuer without trailing slash", async () => {
    expect(await messages(name, dcrProvider())).toEqual([]);
  });
  it("ignores other provider types and other resources", async () => {
    expect(await messages(name, dcrProvider({ providerType: "okta", issuer: "https://x.okta.com" }))).toEqual([]);
    expect(await messages(name, adminApp())).toEqual([]);
  });
  it("skips an issuer unknown in preview", async () => {
    expect(await messages(name, dcrProvider({ issuer: UNKNOWN_STRING }))).toEqual([]);
  });
  it.each([
    [
      `https://sts.windows.net/${TENANT}/`,
      `issuer "https://sts.windows.net/${TENANT}/" ends with a slash: remove it (use "https://sts.windows.net/${TENANT}").`,
    ],
    [
      `https://login.microsoftonline.com/${TENANT}/v2.0`,
      `issuer "https://login.microsoftonline.com/${TENANT}/v2.0" is the Azure v2 issuer: Konnect DCR supports v1 tokens only, use "https://sts.windows.net/${TENANT}".`,
    ],
    [
      `https://sts.windows.net/${TENANT.toUpperCase()}`,
      `issuer "https://sts.windows.net/${TENANT.toUpperCase()}" is not of the form https://sts.windows.net/<tenant GUID> (lower-case GUID, no trailing slash).`,
    ],
    [
      "https://sts.windows.net/contoso.onmicrosoft.com",
      `issuer "https://sts.windows.net/contoso.onmicrosoft.com" is not of the form https://sts.windows.net/<tenant GUID> (lower-case GUID, no trailing slash).`,
    ],
  ])("rejects %s", async (issuer, expected) => {
    const description =
      "Azure DCR providers use the Azure v1 issuer https://sts.windows.net/<tenant GUID> without a trailing slash: Konnect DCR accepts v1 tokens only.";
    expect(policy(name).description).toBe(description);
    expect(await messages(name, dcrProvider({ issuer }))).toEqual([expected]);
  });
  it("rejects a missing issuer", async () => {
    expect(await messages(name, dcrProvider({ issuer: undefined }))).toEqual([
      "issuer is undefined: set it to https://sts.windows.net/<tenant GUID>.",
    ]);
  });
});

describe("azure-graph-no-readwrite-all (advisory)", () => {
  const name = "azure-graph-no-readwrite-all";
  it("is advisory", () => {
    expect(policy(name).enforcementLevel).toBe("advisory");
  });
  it("accepts OwnedBy + User.Read", async () => {
    expect(await messages(name, adminApp())).toEqual([]);
  });
  it("ignores ReadWrite.All ids under another resource app", async () => {
    const other = [{ resourceAppId: "00000002-0000-0000-c000-000000000000", resourceAccesses: [READWRITE_ALL_ROLE] }];
    expect(await messages(name, adminApp({ requiredResourceAccesses: other }))).toEqual([]);
  });
  it("flags both forms of Application.ReadWrite.All", async () => {
    const app = adminApp({ requiredResourceAccesses: graph(OWNED_BY_ROLE, READWRITE_ALL_ROLE, READWRITE_ALL_SCOPE) });
    expect(await messages(name, app)).toEqual([
      "requests Microsoft Graph Application.ReadWrite.All (application permission 1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9): it allows changing every application in the tenant; remove it and keep Application.ReadWrite.OwnedBy.",
      "requests Microsoft Graph Application.ReadWrite.All (delegated permission bdfbf15f-ee85-4955-8675-146e8e5296b5): it allows changing every application in the tenant; remove it and keep Application.ReadWrite.OwnedBy.",
    ]);
  });
});

describe("azure-graph-ownedby-required", () => {
  const name = "azure-graph-ownedby-required";
  it("accepts the admin app with OwnedBy as Role", async () => {
    expect(await messages(name, adminApp())).toEqual([]);
  });
  it("does not apply to apps with delegated Graph scopes only", async () => {
    expect(await messages(name, adminApp({ requiredResourceAccesses: graph(USER_READ_SCOPE) }))).toEqual([]);
    expect(await messages(name, adminApp({ requiredResourceAccesses: undefined }))).toEqual([]);
  });
  it("skips a permission list unknown in preview", async () => {
    expect(await messages(name, adminApp({ requiredResourceAccesses: UNKNOWN_OBJECT }))).toEqual([]);
  });
  it("requires OwnedBy when other Graph application permissions are requested (legacy permission set)", async () => {
    const app = adminApp({ requiredResourceAccesses: graph(READ_ALL_ROLE, READWRITE_ALL_ROLE, USER_READ_SCOPE) });
    expect(await messages(name, app)).toEqual([
      'requests Microsoft Graph application permissions but not Application.ReadWrite.OwnedBy: add { id: "18a4783c-866b-4cc7-a460-3d5e5662c884", type: "Role" } to the Microsoft Graph requiredResourceAccesses entry.',
    ]);
  });
  it("rejects OwnedBy declared as a delegated Scope", async () => {
    const app = adminApp({ requiredResourceAccesses: graph({ ...OWNED_BY_ROLE, type: "Scope" }, USER_READ_SCOPE) });
    expect(await messages(name, app)).toEqual([
      'requests Microsoft Graph Application.ReadWrite.OwnedBy (18a4783c-866b-4cc7-a460-3d5e5662c884) with type "Scope": it is an application permission, set type "Role".',
    ]);
  });
});

describe("azure-admin-app-token-v1", () => {
  const name = "azure-admin-app-token-v1";
  it("accepts requestedAccessTokenVersion 1", async () => {
    expect(await messages(name, adminApp())).toEqual([]);
  });
  it("does not apply to apps that are not the DCR admin app", async () => {
    const app = adminApp({ api: { requestedAccessTokenVersion: 2 }, requiredResourceAccesses: graph(USER_READ_SCOPE) });
    expect(await messages(name, app)).toEqual([]);
  });
  it("requires an explicit 1 when absent", async () => {
    for (const api of [undefined, {}, { requestedAccessTokenVersion: null }]) {
      expect(await messages(name, adminApp({ api }))).toEqual([
        "api.requestedAccessTokenVersion is not set: Azure treats that as 1 today, but set api: { requestedAccessTokenVersion: 1 } so the v1-only requirement is explicit.",
      ]);
    }
  });
  it("rejects version 2", async () => {
    expect(await messages(name, adminApp({ api: { requestedAccessTokenVersion: 2 } }))).toEqual([
      "api.requestedAccessTokenVersion is 2: Konnect DCR supports v1 tokens only, set it to 1.",
    ]);
  });
});

describe("azure-secret-expiry-rotation", () => {
  const name = "azure-secret-expiry-rotation";
  it("accepts an end date within 365 days and a rotation trigger", async () => {
    expect(await messages(name, password())).toEqual([]);
    expect(await messages(name, password({ endDate: "2027-01-01T00:00:00Z" }))).toEqual([]);
  });
  it("skips values unknown in preview", async () => {
    expect(await messages(name, password({ endDate: UNKNOWN_STRING, rotateWhenChanged: UNKNOWN_OBJECT }))).toEqual([]);
    expect(await messages(name, password({ rotateWhenChanged: { rotation: UNKNOWN_STRING } }))).toEqual([]);
  });
  it("rejects a missing end date and a missing rotation", async () => {
    expect(await messages(name, password({ endDate: undefined, rotateWhenChanged: undefined }))).toEqual([
      "endDate is not set: Microsoft Graph then makes the secret valid for 2 years; set an endDate at most 365 days from now.",
      'rotateWhenChanged is empty: nothing replaces this secret before it expires; set it to a value that changes on your rotation schedule (e.g. { rotation: "2026-Q4" }).',
    ]);
  });
  it("rejects an empty rotation map or empty values", async () => {
    const expected = [
      'rotateWhenChanged is empty: nothing replaces this secret before it expires; set it to a value that changes on your rotation schedule (e.g. { rotation: "2026-Q4" }).',
    ];
    expect(await messages(name, password({ rotateWhenChanged: {} }))).toEqual(expected);
    expect(await messages(name, password({ rotateWhenChanged: { rotation: "" } }))).toEqual(expected);
  });
  it("rejects an end date beyond the maximum, one day past the limit", async () => {
    expect(await messages(name, password({ endDate: "2027-01-02T00:00:00Z" }))).toEqual([
      "endDate 2027-01-02T00:00:00Z is 366 days from now; the maximum is 365 days (policy config maxValidityDays).",
    ]);
  });
  it("uses the configured maximum", async () => {
    expect(await messages(name, password(), { maxValidityDays: 90 })).toEqual([
      "endDate 2026-06-30T00:00:00Z is 180 days from now; the maximum is 90 days (policy config maxValidityDays).",
    ]);
  });
  it("rejects past and malformed dates", async () => {
    expect(await messages(name, password({ endDate: "2025-12-31T23:59:59Z" }))).toEqual([
      "endDate 2025-12-31T23:59:59Z is in the past: the secret is already expired.",
    ]);
    expect(await messages(name, password({ endDate: "next year" }))).toEqual([
      'endDate "next year" is not an RFC 3339 date-time (e.g. 2027-01-31T00:00:00Z).',
    ]);
  });
});

describe("konnect-ownership-label (advisory)", () => {
  const name = "konnect-ownership-label";
  it("accepts the default label on DCR providers and auth strategies", async () => {
    expect(await messages(name, dcrProvider())).toEqual([]);
    expect(await messages(name, authStrategy())).toEqual([]);
  });
  it("rejects a missing or empty label", async () => {
    expect(await messages(name, dcrProvider({ labels: undefined }))).toEqual([
      'labels has no "managed-by" label: add one naming the stack or team that owns this object.',
    ]);
    expect(await messages(name, authStrategy({ labels: { "managed-by": " " } }))).toEqual([
      'label "managed-by" is empty: name the stack or team that owns this object.',
    ]);
  });
  it("uses the configured key", async () => {
    expect(await messages(name, dcrProvider(), { labelKey: "owner" })).toEqual([
      'labels has no "owner" label: add one naming the stack or team that owns this object.',
    ]);
    expect(await messages(name, dcrProvider({ labels: { owner: "team-portal" } }), { labelKey: "owner" })).toEqual([]);
  });
  it("ignores Azure resources", async () => {
    expect(await messages(name, adminApp())).toEqual([]);
  });
});

describe("konnect-dcr-protect-production", () => {
  const name = "konnect-dcr-protect-production";
  it("accepts unprotected providers outside production and protected ones in production", async () => {
    expect(await messages(name, dcrProvider({}, { stack: "dev" }))).toEqual([]);
    expect(await messages(name, dcrProvider({}, { stack: "prod-eu", protect: true }))).toEqual([]);
  });
  it("rejects an unprotected provider in a production stack", async () => {
    expect(await messages(name, dcrProvider({}, { stack: "prod-eu" }))).toEqual([
      'stack "prod-eu" matches the production pattern /prod/ but this DCR provider is not protected: set the resource option protect: true.',
    ]);
  });
  it("uses the configured pattern", async () => {
    const config = { productionStackPattern: "^live$" };
    expect(await messages(name, dcrProvider({}, { stack: "prod-eu" }), config)).toEqual([]);
    expect(await messages(name, dcrProvider({}, { stack: "live" }), config)).toEqual([
      'stack "live" matches the production pattern /^live$/ but this DCR provider is not protected: set the resource option protect: true.',
    ]);
  });
  it("reports an invalid pattern", async () => {
    expect(await messages(name, dcrProvider(), { productionStackPattern: "(" })).toEqual([
      'policy config productionStackPattern "(" is not a valid regular expression.',
    ]);
  });
  it("ignores auth strategies", async () => {
    expect(await messages(name, authStrategy({}, { stack: "prod" }))).toEqual([]);
  });
});

describe("pack inventory", () => {
  it("lists every rule with its level", () => {
    expect(policies.map((p) => [p.name, p.enforcementLevel])).toEqual([
      ["konnect-dcr-issuer-v1", "mandatory"],
      ["konnect-strategy-azure-claims", "mandatory"],
      ["azure-graph-no-readwrite-all", "advisory"],
      ["azure-graph-ownedby-required", "mandatory"],
      ["azure-secret-expiry-rotation", "mandatory"],
      ["azure-admin-app-token-v1", "mandatory"],
      ["konnect-ownership-label", "advisory"],
      ["konnect-dcr-protect-production", "mandatory"],
      ["konnect-strategy-same-region", "mandatory"],
      ["konnect-publication-public-auth", "advisory"],
      ["konnect-test-client-owned-by-dcr-admin", "mandatory"],
      ["konnect-test-application-production", "advisory"],
    ]);
  });
  it("checks type tokens exactly", () => {
    expect(APPLICATION_TYPE).toBe("azuread:index/application:Application");
    expect(DCR_PROVIDER_TYPE).toBe("pulumi-nodejs:dynamic/konnect:DcrProvider");
  });
});

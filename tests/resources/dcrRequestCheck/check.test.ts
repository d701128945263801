/**
 * `DcrRequestCheck` without any request: `check` gives each bad input its exact failure (property and reason), good
 * inputs pass unchanged and unknown values are accepted; `diff` through the handlers re-runs the check (an update,
 * never a replace) for every input change, compares defaults as their effective values and `triggers` as a whole.
 */
import * as fc from "fast-check";
import { handlers } from "../../../provider/resources/runtime";
import type { DcrRequestCheckInputs, DcrRequestCheckOutputs } from "../../../provider/resources/dcrRequestCheck/args";
import { checkRequestCheckInputs } from "../../../provider/resources/dcrRequestCheck/check";
import { dcrRequestCheckDefinition } from "../../../provider/resources/dcrRequestCheck/definition";
import { changedProperties } from "../../../provider/resources/core/fieldRules";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { CLIENT_ID, TENANT } from "../../support/validInputs";

const SECRET = "request-check-secret-0001";
const good = { tenantId: TENANT, clientId: CLIENT_ID, clientSecret: SECRET };

describe("check", () => {
  test.each<[string, Record<string, unknown>]>([
    ["minimal (token checks only)", good],
    [
      "everything",
      {
        ...good,
        route: "https://gateway.example.com/orders?apikey=x",
        resource: "api://orders",
        method: "POST",
        loginUrl: "https://login.microsoftonline.us",
        timeoutSeconds: 3600,
        triggers: { rotation: "2026-01", ids: [1, "a", null] },
      },
    ],
    ["a tenant domain", { ...good, tenantId: "contoso.onmicrosoft.com" }],
    ["http on loopback", { ...good, route: "http://127.0.0.1:8000/x", loginUrl: "http://localhost:9000/login" }],
    ["a trigger of any JSON type", { ...good, triggers: 7 }],
    [
      "values unknown in preview",
      { tenantId: UNKNOWN, clientId: UNKNOWN, clientSecret: UNKNOWN, route: UNKNOWN, triggers: [UNKNOWN] },
    ],
  ])("%s passes unchanged", (_name, inputs) => {
    const withProvider = { ...inputs, __provider: "serialized" };
    expect(checkRequestCheckInputs(withProvider)).toEqual({ inputs: withProvider, failures: [] });
  });

  test.each<[string, Record<string, unknown>, { property: string; reason: string }[]]>([
    [
      "nothing",
      {},
      [
        { property: "tenantId", reason: "required: the directory (tenant) GUID or domain of the application" },
        { property: "clientId", reason: "required: the client id of the Dev Portal application" },
        { property: "clientSecret", reason: "required: the client secret of the Dev Portal application" },
      ],
    ],
    [
      "a tenant that is neither GUID nor domain",
      { ...good, tenantId: "contoso/evil" },
      [{ property: "tenantId", reason: "must be the directory (tenant) GUID or a domain" }],
    ],
    [
      "a client id that is no GUID",
      { ...good, clientId: "my-app" },
      [{ property: "clientId", reason: "must be a GUID (the client id)" }],
    ],
    [
      "a secret too short to be redacted",
      { ...good, clientSecret: "short" },
      [
        {
          property: "clientSecret",
          reason:
            "must be at least 8 characters: shorter secrets cannot be told apart from ordinary text, so they could not be redacted",
        },
      ],
    ],
    [
      "a route with credentials",
      { ...good, route: "https://user:pw@gateway.example.com/orders" },
      [{ property: "route", reason: "must not contain credentials" }],
    ],
    [
      "a plain http route off loopback",
      { ...good, route: "http://gateway.example.com/orders" },
      [
        {
          property: "route",
          reason: "must use https (http is accepted only for loopback hosts: localhost, 127.0.0.0/8 and ::1)",
        },
      ],
    ],
    [
      "a route that is no URL",
      { ...good, route: "gateway/orders" },
      [{ property: "route", reason: "must be an absolute http(s) URL" }],
    ],
    [
      "a login URL with a query",
      { ...good, loginUrl: "https://login.microsoftonline.com/?x=1" },
      [
        {
          property: "loginUrl",
          reason: "must not contain a query or fragment: the token endpoint is <loginUrl>/<tenantId>/oauth2/token",
        },
      ],
    ],
    [
      "a login URL with credentials",
      { ...good, loginUrl: "https://a:b@login.microsoftonline.com" },
      [{ property: "loginUrl", reason: "must not contain credentials" }],
    ],
    [
      "a method in lower case",
      { ...good, method: "get" },
      [{ property: "method", reason: "must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" }],
    ],
    [
      "a time limit out of bounds",
      { ...good, timeoutSeconds: 0 },
      [{ property: "timeoutSeconds", reason: "must be at least 1" }],
    ],
    [
      "a time limit over an hour",
      { ...good, timeoutSeconds: 3601 },
      [{ property: "timeoutSeconds", reason: "must be at most 3600" }],
    ],
    [
      "a fractional time limit",
      { ...good, timeoutSeconds: 2.5 },
      [{ property: "timeoutSeconds", reason: "must be a whole number" }],
    ],
    [
      "a trigger that is no JSON value",
      { ...good, triggers: { at: NaN } },
      [{ property: "triggers.at", reason: "must be a finite number (a JSON value)" }],
    ],
    [
      "a Konnect region (the check has none)",
      { ...good, region: "eu" },
      [
        {
          property: "region",
          reason:
            "unknown property; expected one of tenantId, clientId, clientSecret, route, resource, method, loginUrl, timeoutSeconds, triggers",
        },
      ],
    ],
  ])("%s fails", (_name, inputs, failures) => {
    expect(checkRequestCheckInputs(inputs).failures).toEqual(failures);
  });

  it("never names the secret in a failure", () => {
    const secret = `a-long-secret-value-${"z".repeat(1010)}`;
    const { failures } = checkRequestCheckInputs({ ...good, clientSecret: secret });
    expect(failures).toEqual([{ property: "clientSecret", reason: "must be at most 1024 characters" }]);
    expect(JSON.stringify(failures)).not.toContain("a-long-secret-value");
  });
});

describe("diff through the handlers: every change re-runs the check in place", () => {
  const check = handlers.dcrRequestCheck;
  const olds: DcrRequestCheckOutputs = {
    ...good,
    route: "https://gateway.example.com/orders",
    triggers: ["v1", { at: 1 }],
    checkedAt: "2026-01-01T00:00:00.000Z",
    attempts: 1,
    results: [],
    claims: { ver: "1.0" },
  };
  const declared: DcrRequestCheckInputs = { ...good, route: olds.route!, triggers: ["v1", { at: 1 }] };
  const diff = (news: Partial<DcrRequestCheckInputs>, code = "same") =>
    check.diff(
      "id",
      { ...olds, __provider: "same" } as DcrRequestCheckOutputs,
      {
        ...declared,
        ...news,
        __provider: code,
      } as DcrRequestCheckInputs,
    );

  it("no change: nothing to do (a second up runs nothing)", async () => {
    expect(await diff({})).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("declaring the defaults changes nothing", async () => {
    const defaults = {
      resource: "https://graph.microsoft.com",
      method: "GET",
      loginUrl: "https://login.microsoftonline.com",
      timeoutSeconds: 120,
    } as const;
    expect(await diff(defaults)).toMatchObject({ changes: false });
  });

  test.each<[string, Partial<DcrRequestCheckInputs>]>([
    ["tenantId", { tenantId: "contoso.onmicrosoft.com" }],
    ["clientId", { clientId: "11111111-2222-4333-8444-555566667777" }],
    ["clientSecret", { clientSecret: "request-check-secret-0002" }],
    ["route", { route: "https://gateway.example.com/billing" }],
    ["route", { route: undefined }],
    ["resource", { resource: "api://orders" }],
    ["method", { method: "HEAD" }],
    ["loginUrl", { loginUrl: "https://login.microsoftonline.us" }],
    ["timeoutSeconds", { timeoutSeconds: 30 }],
    ["triggers", { triggers: ["v2", { at: 1 }] }],
    ["triggers", { triggers: ["v1", { at: 2 }] }],
    ["triggers", { triggers: undefined }],
    ["triggers", { triggers: UNKNOWN }],
  ])("%s changed: an update, no replace", async (property, news) => {
    const result = await check.diff(
      "id",
      { ...olds, __provider: "same" } as DcrRequestCheckOutputs,
      { ...declared, ...news, __provider: "same" } as DcrRequestCheckInputs,
    );
    expect(result).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    // The changed property is the only one, through the same rows the handler's diff uses.
    const n = { ...declared, ...news };
    const rules = dcrRequestCheckDefinition.rules(n);
    expect(changedProperties(rules, olds, n, () => undefined)).toEqual([property]);
  });

  it("triggers compare as a whole, key order aside", async () => {
    expect(await diff({ triggers: ["v1", { at: 1 }] })).toMatchObject({ changes: false });
  });

  it("a change of the provider code alone re-runs it", async () => {
    expect(await diff({}, "new code")).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
});

describe("triggers: any JSON value (property)", () => {
  const check = handlers.dcrRequestCheck;
  const olds = (triggers: unknown) =>
    ({ ...good, triggers, checkedAt: "t", attempts: 1, results: [], claims: {} }) as DcrRequestCheckOutputs;
  const json = fc.jsonValue().filter((v) => !JSON.stringify(v).includes("__proto__"));

  it("check accepts it; the same value again is no change; a different one re-runs the check in place", async () => {
    await fc.assert(
      fc.asyncProperty(json, async (triggers) => {
        expect(checkRequestCheckInputs({ ...good, triggers }).failures).toEqual([]);
        const same = await check.diff("id", olds(triggers), { ...good, triggers: structuredClone(triggers) });
        expect(same.changes).toBe(false);
        const other = await check.diff("id", olds(triggers), { ...good, triggers: [triggers] });
        expect(other).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
      }),
      { numRuns: 200 },
    );
  });
});

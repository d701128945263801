/**
 * `DcrRequestCheck`'s `diff` through the handlers, without any request: it re-runs the check (an update, never a
 * replace) for every input change, compares defaults as their effective values and `triggers` as a whole.
 */
import * as fc from "fast-check";
import { handlers } from "../../../provider/resources/runtime";
import type { DcrRequestCheckInputs, DcrRequestCheckOutputs } from "../../../provider/resources/dcrRequestCheck/args";
import { checkRequestCheckInputs } from "../../../provider/resources/dcrRequestCheck/check";
import { dcrRequestCheckDefinition } from "../../../provider/resources/dcrRequestCheck/definition";
import { changedProperties } from "../../../provider/resources/core/fieldRules";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { requestCheckInputs } from "../../support/validInputs";

const good = requestCheckInputs;

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

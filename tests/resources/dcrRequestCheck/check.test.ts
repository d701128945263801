/**
 * `DcrRequestCheck`'s `check`, without any request: each bad input gets its exact failure (property and reason), good
 * inputs pass unchanged and unknown values are accepted.
 */
import { checkRequestCheckInputs } from "../../../provider/resources/dcrRequestCheck/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import { requestCheckInputs } from "../../support/validInputs";

const good = requestCheckInputs;

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

import {
  DCR_BODIES,
  KEY_AUTH_BODY,
  call,
  invalidParameters,
  oidcBody,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator();

const query = (field: string, rest: object) => ({ field, ...rest, source: "query" });

async function names(path: string): Promise<string[]> {
  const answer = await call(konnect, "GET", path);
  expect(answer.status).toBe(200);
  return (answer.body.data as { name: string }[]).map((item) => item.name);
}

describe("pagination", () => {
  beforeEach(() => {
    for (let i = 1; i <= 25; i++)
      konnect.seedDcrProvider({ ...DCR_BODIES.okta, name: `p${String(i).padStart(2, "0")}` });
  });

  it("defaults to page 1 of 10, oldest first", async () => {
    const answer = await call(konnect, "GET", "/v2/dcr-providers");
    expect(answer.body.meta).toStrictEqual({ page: { number: 1, size: 10, total: 25 } });
    expect((answer.body.data as { name: string }[]).map((p) => p.name)).toStrictEqual(
      Array.from({ length: 10 }, (_, i) => `p${String(i + 1).padStart(2, "0")}`),
    );
  });

  it("pages with page[size] and page[number]; past the end is empty", async () => {
    expect(await names("/v2/dcr-providers?page[size]=4&page[number]=7")).toStrictEqual(["p25"]);
    const beyond = await call(konnect, "GET", "/v2/dcr-providers?page%5Bsize%5D=4&page%5Bnumber%5D=8");
    expect(beyond.body).toStrictEqual({ data: [], meta: { page: { number: 8, size: 4, total: 25 } } });
    expect(await names("/v2/dcr-providers?page[size]=&page[number]=")).toHaveLength(10);
    expect(await names("/v2/dcr-providers?page[size]=100")).toHaveLength(25);
  });

  it.each([
    ["page[size]=101", query("page[size]", { rule: "max", maximum: 100, reason: "must be less than or equal to 100" })],
    ["page[size]=0", query("page[size]", { rule: "min", minimum: 1, reason: "must be greater than or equal to 1" })],
    ["page[number]=x", query("page[number]", { rule: "is_integer", reason: "must be an integer" })],
  ])("rejects %s", async (parameter, expected) => {
    const answer = await call(konnect, "GET", `/v2/dcr-providers?${parameter}`);
    expect(answer.body).toStrictEqual(invalidParameters([expected]));
  });
});

describe("DCR provider filters and sort", () => {
  beforeEach(() => {
    konnect.seedDcrProvider({ ...DCR_BODIES.azureAd, name: "beta" });
    konnect.seedDcrProvider({ ...DCR_BODIES.auth0, name: "alpha" });
    konnect.seedDcrProvider({
      ...DCR_BODIES.auth0,
      name: "gamma",
      dcr_config: { ...DCR_BODIES.auth0.dcr_config, initial_client_audience: "https://aud.example.com" },
    });
    konnect.seedDcrProvider({ ...DCR_BODIES.okta, name: "delta" });
  });

  it.each([
    ["filter[name]=alpha", ["alpha"]],
    ["filter[name][eq]=beta", ["beta"]],
    ["filter[name][contains]=a", ["beta", "alpha", "gamma", "delta"]],
    ["filter[name][contains]=mm", ["gamma"]],
    ["filter[provider_type]=auth0", ["alpha", "gamma"]],
    ["filter[provider_type][eq]=okta", ["delta"]],
    ["filter[issuer][contains]=auth0.com", ["alpha", "gamma"]],
    ["filter[initial_client_id]=client-a", ["beta"]],
    ["filter[initial_client_id][contains]=client-", ["beta", "alpha", "gamma"]],
    ["filter[initial_client_audience][contains]=aud", ["gamma"]],
    ["filter[provider_type]=auth0&filter[name][contains]=ph", ["alpha"]],
    ["sort=name", ["alpha", "beta", "delta", "gamma"]],
    ["sort=name desc", ["gamma", "delta", "beta", "alpha"]],
    ["sort=provider_type,name%20desc", ["gamma", "alpha", "beta", "delta"]],
    ["sort=created_at desc", ["delta", "gamma", "alpha", "beta"]],
    ["sort=issuer asc,name", ["beta", "alpha", "gamma", "delta"]],
  ])("%s", async (parameters, expected) => {
    expect(await names(`/v2/dcr-providers?${parameters}`)).toStrictEqual(expected);
  });

  it("filters by id with eq, bare and contains", async () => {
    const [first] = konnect.list("dcr-providers");
    const id = first!.id;
    expect(await names(`/v2/dcr-providers?filter[id]=${id}`)).toStrictEqual(["beta"]);
    expect(await names(`/v2/dcr-providers?filter[id][eq]=${id}`)).toStrictEqual(["beta"]);
    expect(await names(`/v2/dcr-providers?filter[id][contains]=${id.slice(0, 13)}`)).toStrictEqual(["beta"]);
  });

  it.each([
    ["sort=-name", query("sort", sortChoice(["created_at", "updated_at", "provider_type", "issuer", "name"]))],
    ["sort=labels", query("sort", sortChoice(["created_at", "updated_at", "provider_type", "issuer", "name"]))],
    ["filter[labels]=x", query("filter[labels]", { rule: "unknown_property", reason: "is not a supported filter" })],
    [
      "filter[constructor]=x",
      query("filter[constructor]", { rule: "unknown_property", reason: "is not a supported filter" }),
    ],
    ["sort=constructor", query("sort", sortChoice(["created_at", "updated_at", "provider_type", "issuer", "name"]))],
    [
      "filter[provider_type][contains]=a",
      query("filter[provider_type][contains]", { rule: "enum", choices: ["eq"], reason: "must use one of: eq" }),
    ],
    [
      "filter[name][neq]=a",
      query("filter[name][neq]", {
        rule: "enum",
        choices: ["eq", "contains"],
        reason: "must use one of: eq, contains",
      }),
    ],
  ])("rejects %s", async (parameters, expected) => {
    expect((await call(konnect, "GET", `/v2/dcr-providers?${parameters}`)).body).toStrictEqual(
      invalidParameters([expected]),
    );
  });
});

function sortChoice(choices: string[]) {
  return { rule: "enum", choices, reason: `must sort by: ${choices.join(", ")}` };
}

describe("auth strategy filters and sort", () => {
  let azureId = "";
  let oktaId = "";

  beforeEach(() => {
    azureId = konnect.seedDcrProvider({ ...DCR_BODIES.azureAd, name: "entra" }).id;
    oktaId = konnect.seedDcrProvider({ ...DCR_BODIES.okta, name: "okta-prod" }).id;
    konnect.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "keys", display_name: "Keys" });
    konnect.seedAuthStrategy({ ...oidcBody(azureId), name: "azure-dcr", display_name: "Azure" });
    konnect.seedAuthStrategy({ ...oidcBody(oktaId), name: "okta-dcr", display_name: "Okta" });
    konnect.seedAuthStrategy({ ...oidcBody(), name: "plain-oidc", display_name: "Plain" });
  });

  it.each([
    ["filter[strategy_type]=key_auth", ["keys"]],
    ["filter[strategy_type][neq]=key_auth", ["azure-dcr", "okta-dcr", "plain-oidc"]],
    ["filter[name][oeq]=keys,okta-dcr", ["keys", "okta-dcr"]],
    ["filter[name][ocontains]=zure,lain", ["azure-dcr", "plain-oidc"]],
    ["filter[display_name][contains]=a", ["okta-dcr", "plain-oidc"]],
    ["filter[dcr_provider_name]=entra", ["azure-dcr"]],
    ["filter[dcr_provider_type][oeq]=okta,azureAd", ["azure-dcr", "okta-dcr"]],
    ["filter[dcr_provider_name][neq]=entra", ["keys", "okta-dcr", "plain-oidc"]],
    ["sort=display_name", ["azure-dcr", "keys", "okta-dcr", "plain-oidc"]],
    ["sort=dcr_provider_name desc,name", ["okta-dcr", "azure-dcr", "keys", "plain-oidc"]],
    ["sort=strategy_type,updated_at desc", ["keys", "plain-oidc", "okta-dcr", "azure-dcr"]],
  ])("%s", async (parameters, expected) => {
    expect(await names(`/v2/application-auth-strategies?${parameters}`)).toStrictEqual(expected);
  });

  it("filters by dcr_provider_id with eq, oeq and neq", async () => {
    const path = "/v2/application-auth-strategies";
    expect(await names(`${path}?filter[dcr_provider_id][eq]=${oktaId}`)).toStrictEqual(["okta-dcr"]);
    expect(await names(`${path}?filter[dcr_provider_id][oeq]=${oktaId},${azureId}`)).toStrictEqual([
      "azure-dcr",
      "okta-dcr",
    ]);
    expect(await names(`${path}?filter[dcr_provider_id][neq]=${oktaId}`)).toStrictEqual([
      "keys",
      "azure-dcr",
      "plain-oidc",
    ]);
    const answer = await call(konnect, "GET", `${path}?filter[dcr_provider_id][contains]=a`);
    expect(answer.body).toStrictEqual(
      invalidParameters([
        query("filter[dcr_provider_id][contains]", {
          rule: "enum",
          choices: ["eq", "oeq", "neq"],
          reason: "must use one of: eq, oeq, neq",
        }),
      ]),
    );
  });

  it("has the same shape as get in list data", async () => {
    const list = await call(konnect, "GET", "/v2/application-auth-strategies?filter[name]=azure-dcr");
    const [first] = list.body.data as { id: string }[];
    expect((await call(konnect, "GET", `/v2/application-auth-strategies/${first!.id}`)).body).toStrictEqual(first);
  });
});

describe("regions", () => {
  it("keeps a separate store per region prefix; unprefixed paths are us", async () => {
    const us = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.okta);
    const eu = await call(konnect, "POST", "/eu/v2/dcr-providers", { ...DCR_BODIES.okta, name: "eu" });
    const viaRegionUrl = await call(konnect.regionUrl("sg"), "POST", "/v2/dcr-providers", {
      ...DCR_BODIES.okta,
      name: "sg",
    });
    expect(viaRegionUrl.status).toBe(201);

    expect(await names("/v2/dcr-providers")).toStrictEqual(["okta"]);
    expect(await names("/us/v2/dcr-providers")).toStrictEqual(["okta"]);
    expect(await names("/eu/v2/dcr-providers")).toStrictEqual(["eu"]);
    expect(await names("/au/v2/dcr-providers")).toStrictEqual([]);
    expect((await call(konnect, "GET", `/eu/v2/dcr-providers/${us.id}`)).status).toBe(404);
    expect((await call(konnect, "DELETE", `/v2/dcr-providers/${eu.id}`)).status).toBe(404);
    expect((await call(konnect, "GET", `/eu/v2/dcr-providers/${eu.id}`)).status).toBe(200);

    expect(konnect.list("dcr-providers", "eu").map((p) => p.name)).toStrictEqual(["eu"]);
    expect(konnect.list("dcr-providers").map((p) => [p.region, p.name])).toStrictEqual([
      ["us", "okta"],
      ["eu", "eu"],
      ["sg", "sg"],
    ]);
  });

  it("seeds into a region and records the region in the request log", async () => {
    const seeded = konnect.seedAuthStrategy(KEY_AUTH_BODY, { region: "me" });
    expect((await call(konnect, "GET", `/me/v2/application-auth-strategies/${seeded.id}`)).status).toBe(200);
    expect((await call(konnect, "GET", `/in/v2/application-auth-strategies/${seeded.id}`)).status).toBe(404);
    expect(konnect.requestLog().map((entry) => [entry.region, entry.status])).toStrictEqual([
      ["me", 200],
      ["in", 404],
    ]);
  });
});

describe("list performance shape", () => {
  it("lists 500 strategies linked to 500 providers, 100 per page", async () => {
    for (let i = 0; i < 500; i++) {
      const provider = konnect.seedDcrProvider({ ...DCR_BODIES.azureAd, name: `p${i}` });
      konnect.seedAuthStrategy({ ...oidcBody(provider.id), name: `s${i}` });
    }
    const page = await call(konnect, "GET", "/v2/application-auth-strategies?page[size]=100&page[number]=5");
    expect(page.body.meta).toStrictEqual({ page: { number: 5, size: 100, total: 500 } });
    expect(page.body.data[99].name).toBe("s499");
    const providers = await call(konnect, "GET", "/v2/dcr-providers?page[size]=100");
    expect((providers.body.data as { active: boolean }[]).every((p) => p.active)).toBe(true);
  });
});

import {
  DCR_BODIES,
  ISO_MS,
  TRACE,
  UUID,
  call,
  invalidParameters,
  oidcBody,
  problem,
  useEmulator,
} from "../../tools/emulator/testSupport";

const konnect = useEmulator({
  options: {
    omitDcrDisplayName: false,
    dcrDeleteInUseStatus: 409,
    labelPatchMode: "merge",
    uniqueNames: false,
  },
});

const timestamps = { created_at: ISO_MS, updated_at: ISO_MS };

/** Expected create response per type: secrets gone, auth0 defaults filled, http booleans only when set. */
const EXPECTED_RESPONSES = {
  azureAd: {
    name: "azure",
    display_name: "Azure",
    provider_type: "azureAd",
    issuer: "https://sts.windows.net/tenant",
    dcr_config: { initial_client_id: "client-a" },
  },
  auth0: {
    name: "auth0",
    provider_type: "auth0",
    issuer: "https://tenant.auth0.com/api/v2/",
    dcr_config: { initial_client_id: "client-b", initial_client_audience: null, use_developer_managed_scopes: false },
  },
  curity: {
    name: "curity",
    provider_type: "curity",
    issuer: "https://curity.example.com/oauth",
    dcr_config: { initial_client_id: "client-c" },
  },
  okta: { name: "okta", provider_type: "okta", issuer: "https://tenant.okta.com/oauth2/default", dcr_config: {} },
  http: {
    name: "http",
    provider_type: "http",
    issuer: "https://issuer.example.com",
    dcr_config: { dcr_base_url: "https://dcr.example.com/v1/dcr", disable_event_hooks: true },
  },
  kongIdentity: {
    name: "kong identity",
    provider_type: "kongIdentity",
    issuer: "https://sliver.identity.us.konghq.com/",
    dcr_config: {},
  },
} as const;

const STORED_SECRETS = {
  azureAd: { initial_client_secret: "secret-a" },
  auth0: { initial_client_secret: "secret-b" },
  curity: { initial_client_secret: "secret-c" },
  okta: { dcr_token: "okta-token" },
  http: { api_key: "gYmrbDfu_7PTsZWH" },
  kongIdentity: {},
} as const;

const TYPES = Object.keys(DCR_BODIES) as (keyof typeof DCR_BODIES)[];

describe.each(TYPES)("DCR provider type %s", (type) => {
  const expected = { id: UUID, active: false, ...EXPECTED_RESPONSES[type], ...timestamps };

  it("creates (201) without secrets in the answer, stores the secrets, and reads back the same body", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES[type]);
    expect(created.status).toBe(201);
    expect(created.headers.get("content-type")).toBe("application/json");
    expect(created.body).toStrictEqual(expected);
    expect(created.body.created_at).toBe(created.body.updated_at);
    expect(konnect.storedSecrets(created.id)).toStrictEqual(STORED_SECRETS[type]);

    const read = await call(konnect, "GET", `/v2/dcr-providers/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toStrictEqual(created.body);

    const list = await call(konnect, "GET", "/v2/dcr-providers");
    expect(list.body).toStrictEqual({ data: [created.body], meta: { page: { number: 1, size: 10, total: 1 } } });
  });

  it("renames with PATCH (200), keeping the config and secrets, then deletes (204) and answers 404 after", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES[type]);
    const id = created.id;
    const patched = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, { name: "renamed" });
    expect(patched.status).toBe(200);
    expect(patched.body).toStrictEqual({ ...expected, name: "renamed", created_at: created.body.created_at });
    expect(patched.body.updated_at > created.body.updated_at).toBe(true);
    expect(konnect.storedSecrets(id)).toStrictEqual(STORED_SECRETS[type]);

    const deleted = await call(konnect, "DELETE", `/v2/dcr-providers/${id}`);
    expect(deleted).toMatchObject({ status: 204, body: undefined });
    const gone = await call(konnect, "GET", `/v2/dcr-providers/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("content-type")).toBe("application/problem+json");
    expect(gone.body).toStrictEqual(problem(404, "Not Found", "Not Found"));
  });
});

describe("DCR provider PATCH", () => {
  it("merges dcr_config: fields left out (secret included) are kept, a new secret replaces the old", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", {
      ...DCR_BODIES.http,
      dcr_config: { ...DCR_BODIES.http.dcr_config, allow_multiple_credentials: true },
    });
    const id = created.id;
    const patched = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, {
      dcr_config: { disable_refresh_secret: true },
    });
    expect(patched.body.dcr_config).toStrictEqual({
      dcr_base_url: "https://dcr.example.com/v1/dcr",
      disable_event_hooks: true,
      disable_refresh_secret: true,
      allow_multiple_credentials: true,
    });
    expect(konnect.storedSecrets(id)).toStrictEqual({ api_key: "gYmrbDfu_7PTsZWH" });

    const rotated = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, {
      dcr_config: { api_key: "rotated_key_1234" },
    });
    expect(rotated.status).toBe(200);
    expect(JSON.stringify(rotated.body)).not.toContain("rotated_key_1234");
    expect(konnect.storedSecrets(id)).toStrictEqual({ api_key: "rotated_key_1234" });
  });

  it("sets auth0 audience and scopes flag, and can null the audience again", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.auth0);
    const id = created.id;
    const set = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, {
      dcr_config: { initial_client_audience: "https://custom/api/v2/", use_developer_managed_scopes: true },
    });
    expect(set.body.dcr_config).toStrictEqual({
      initial_client_id: "client-b",
      initial_client_audience: "https://custom/api/v2/",
      use_developer_managed_scopes: true,
    });
    const cleared = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, {
      dcr_config: { initial_client_audience: null },
    });
    expect(cleared.body.dcr_config.initial_client_audience).toBeNull();
  });

  it("deletes a label sent as null and keeps the others (merge mode)", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", {
      ...DCR_BODIES.okta,
      labels: { env: "dev", team: "a" },
    });
    expect(created.body.labels).toStrictEqual({ env: "dev", team: "a" });
    const patched = await call(konnect, "PATCH", `/v2/dcr-providers/${created.id}`, {
      labels: { env: null, owner: "b" },
    });
    expect(patched.body.labels).toStrictEqual({ team: "a", owner: "b" });
  });

  it("replaces labels in replace mode and clears them all with labels: null", async () => {
    konnect.setOptions({ labelPatchMode: "replace" });
    const created = await call(konnect, "POST", "/v2/dcr-providers", {
      ...DCR_BODIES.okta,
      labels: { env: "dev", team: "a" },
    });
    const id = created.id;
    const replaced = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, { labels: { owner: "b", env: null } });
    expect(replaced.body.labels).toStrictEqual({ owner: "b" });
    const cleared = await call(konnect, "PATCH", `/v2/dcr-providers/${id}`, { labels: null });
    expect(cleared.body).not.toHaveProperty("labels");
  });

  it("rejects provider_type (immutable) and fields of another type as unknown properties", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    const patched = await call(konnect, "PATCH", `/v2/dcr-providers/${created.id}`, {
      provider_type: "okta",
      dcr_config: { dcr_token: "x", initial_client_id: "ok" },
    });
    expect(patched.status).toBe(400);
    expect(patched.body).toStrictEqual(
      invalidParameters([
        { field: "provider_type", rule: "unknown_property", reason: "is an unknown property", source: "body" },
        { field: "dcr_config.dcr_token", rule: "unknown_property", reason: "is an unknown property", source: "body" },
      ]),
    );
    const read = await call(konnect, "GET", `/v2/dcr-providers/${created.id}`);
    expect(read.body).toStrictEqual(created.body);
  });

  it("rejects any dcr_config key on kongIdentity, which has no update variant", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.kongIdentity);
    const patched = await call(konnect, "PATCH", `/v2/dcr-providers/${created.id}`, {
      dcr_config: { initial_client_id: "x" },
    });
    expect(patched.body.invalid_parameters).toStrictEqual([
      {
        field: "dcr_config.initial_client_id",
        rule: "unknown_property",
        reason: "is an unknown property",
        source: "body",
      },
    ]);
  });

  it("answers 404 for an unknown id and for a malformed id", async () => {
    const unknown = await call(konnect, "PATCH", "/v2/dcr-providers/00000000-0000-4000-8000-000000000000", {
      name: "x",
    });
    expect(unknown.status).toBe(404);
    const malformed = await call(konnect, "GET", "/v2/dcr-providers/not-a-uuid");
    expect(malformed.body).toStrictEqual(problem(404, "Not Found", "Not Found"));
  });

  it("answers 400 for a malformed id when malformedIdStatus is 400", async () => {
    konnect.setOptions({ malformedIdStatus: 400 });
    try {
      const malformed = await call(konnect, "GET", "/v2/dcr-providers/not-a-uuid");
      expect(malformed.body).toStrictEqual(
        invalidParameters([
          { field: "dcrProviderId", rule: "is_uuid", reason: "must be a valid UUID", source: "path" },
        ]),
      );
    } finally {
      konnect.setOptions({ malformedIdStatus: 404 });
    }
  });
});

describe("DCR provider routes and options", () => {
  it("has no PUT (405 problem with Allow) and answers 404 for unknown paths", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.okta);
    const put = await call(konnect, "PUT", `/v2/dcr-providers/${created.id}`, DCR_BODIES.okta);
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, PATCH, DELETE");
    expect(put.body).toStrictEqual(problem(405, "Method Not Allowed", "Method PUT is not allowed here"));
    const unknownPaths = [
      "/v1/dcr-providers",
      "/v2/unknown",
      "/v2/constructor",
      "/v2/dcr-providers/",
      `/v2/dcr-providers/${created.id}/constructor`,
      `/v2/dcr-providers/${created.id}/verify/more`,
      "/xx/v2/dcr-providers",
    ];
    for (const path of unknownPaths) {
      expect((await call(konnect, "GET", path)).status).toBe(404);
    }
  });

  it("omits display_name everywhere with omitDcrDisplayName", async () => {
    konnect.setOptions({ omitDcrDisplayName: true });
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    expect(created.body).not.toHaveProperty("display_name");
    const strategy = await call(konnect, "POST", "/v2/application-auth-strategies", oidcBody(created.id));
    expect(strategy.body.dcr_provider).toStrictEqual({ id: created.id, name: "azure", provider_type: "azureAd" });
  });

  it("becomes active while a strategy references it, and refuses DELETE (409 naming the strategy)", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    const id = created.id;
    const strategy = await call(konnect, "POST", "/v2/application-auth-strategies", oidcBody(id));
    expect((await call(konnect, "GET", `/v2/dcr-providers/${id}`)).body.active).toBe(true);

    const refused = await call(konnect, "DELETE", `/v2/dcr-providers/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toStrictEqual(
      problem(409, "Conflict", `DCR provider [${id}] is used by application auth strategies [${strategy.id}]`),
    );

    await call(konnect, "PATCH", `/v2/application-auth-strategies/${strategy.id}`, { dcr_provider_id: null });
    expect((await call(konnect, "GET", `/v2/dcr-providers/${id}`)).body.active).toBe(false);
    expect((await call(konnect, "DELETE", `/v2/dcr-providers/${id}`)).status).toBe(204);
  });

  it("deletes a referenced provider and unlinks its strategies when dcrDeleteInUseStatus is 204", async () => {
    konnect.setOptions({ dcrDeleteInUseStatus: 204 });
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    const strategy = await call(konnect, "POST", "/v2/application-auth-strategies", oidcBody(created.id));
    expect((await call(konnect, "DELETE", `/v2/dcr-providers/${created.id}`)).status).toBe(204);
    const read = await call(konnect, "GET", `/v2/application-auth-strategies/${strategy.id}`);
    expect(read.body.dcr_provider).toBeNull();
  });

  it("answers 400 with an invalid parameter when dcrDeleteInUseStatus is 400", async () => {
    konnect.setOptions({ dcrDeleteInUseStatus: 400 });
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    const strategy = await call(konnect, "POST", "/v2/application-auth-strategies", oidcBody(created.id));
    const refused = await call(konnect, "DELETE", `/v2/dcr-providers/${created.id}`);
    const detail = `DCR provider [${created.id}] is used by application auth strategies [${strategy.id}]`;
    expect(refused.body).toStrictEqual({
      status: 400,
      title: "Invalid Request",
      instance: TRACE,
      detail,
      invalid_parameters: [{ field: "id", rule: "invalid", reason: detail, source: "path" }],
    });
  });

  it("allows duplicate names by default and answers 409 with uniqueNames", async () => {
    expect((await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.okta)).status).toBe(201);
    expect((await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.okta)).status).toBe(201);
    konnect.setOptions({ uniqueNames: true });
    const duplicate = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.okta);
    expect(duplicate.body).toStrictEqual(problem(409, "Conflict", "A DCR provider named [okta] already exists"));
    const other = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.http);
    const rename = await call(konnect, "PATCH", `/v2/dcr-providers/${other.id}`, { name: "okta" });
    expect(rename.status).toBe(409);
    expect(konnect.list("dcr-providers")).toHaveLength(3);
  });
});

describe("DCR provider verify", () => {
  async function verify(id: string) {
    return call(konnect, "POST", `/v2/dcr-providers/${id}/verify`);
  }

  it("succeeds by default", async () => {
    const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    expect(await verify(created.id)).toMatchObject({ status: 200, body: { status: "success", errors: [] } });
  });

  it("fails with the configured errors, per provider id, answering 200 by default", async () => {
    const failing = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
    const fine = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.okta);
    konnect.setOptions({ verifyResultById: { [failing.id]: { result: "failed", errors: ["bad secret"] } } });
    try {
      expect(await verify(failing.id)).toMatchObject({
        status: 200,
        body: { status: "failed", errors: ["bad secret"] },
      });
      expect((await verify(fine.id)).body).toStrictEqual({ status: "success", errors: [] });
    } finally {
      konnect.setOptions({ verifyResultById: {} });
    }
  });

  it("fails the first N calls per provider, then succeeds", async () => {
    konnect.setOptions({ verifyResult: { result: "fail-then-succeed", failures: 2 } });
    try {
      const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
      const failed = { status: "failed", errors: ["Unable to create the DCR application"] };
      expect((await verify(created.id)).body).toStrictEqual(failed);
      expect((await verify(created.id)).body).toStrictEqual(failed);
      expect((await verify(created.id)).body).toStrictEqual({ status: "success", errors: [] });
    } finally {
      konnect.setOptions({ verifyResult: { result: "success" } });
    }
  });

  it("answers a failure with a 4xx problem when verifyFailureStatus is set", async () => {
    konnect.setOptions({ verifyResult: { result: "failed", errors: ["a", "b"] }, verifyFailureStatus: 422 });
    try {
      const created = await call(konnect, "POST", "/v2/dcr-providers", DCR_BODIES.azureAd);
      const answer = await verify(created.id);
      expect(answer.status).toBe(422);
      expect(answer.body).toStrictEqual({
        status: 422,
        title: "Unprocessable Entity",
        instance: TRACE,
        detail: "a; b",
      });
    } finally {
      konnect.setOptions({ verifyResult: { result: "success" }, verifyFailureStatus: 200 });
    }
  });

  it("answers 404 for an unknown provider", async () => {
    expect((await verify("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

/** Table tests for the pure helpers behind the field tables: derived rules, label rules, list tolerance, diff rows. */
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import {
  DCR_CONFIG_WIRE_NAMES,
  DCR_SECRET_FIELDS,
  DCR_TYPE_RULES,
  MAX_DECLARED_LABELS,
  OIDC_CORE_WIRE_KEYS,
  authStrategyListSchema,
  dcrProviderListSchema,
  declaredLabelCountProblem,
} from "../../../provider/konnect";
import { providers } from "../../../provider";
import { konnectLabels } from "../../../provider/components";
import { UNKNOWN, containsUnknown } from "../../../provider/resources/core/unknowns";
import { changedProperties, updateBody, type FieldRule } from "../../../provider/resources/core/fieldRules";
import type { FieldRow, FieldTable } from "../../../provider/konnect/fieldTable";
import { valueSchema } from "../../../provider/konnect/schemas";
import { staleBuildReason } from "../../../examples/azure-dcr/buildStatus";
import {
  isDeclarableLabelKey,
  ownedLabels,
  ownedLabelsPatch,
  previouslyOwnedLabels,
} from "../../../provider/resources/core/labelOwnership";

describe("the DCR config field table", () => {
  it("derives the per-type rules Kong's contract gives", () => {
    expect(DCR_TYPE_RULES).toEqual({
      azureAd: {
        fields: ["initialClientId", "initialClientSecret"],
        required: ["initialClientId", "initialClientSecret"],
        secrets: ["initialClientSecret"],
        booleans: [],
        configRequired: true,
        configUpdatable: true,
      },
      curity: {
        fields: ["initialClientId", "initialClientSecret"],
        required: ["initialClientId", "initialClientSecret"],
        secrets: ["initialClientSecret"],
        booleans: [],
        configRequired: true,
        configUpdatable: true,
      },
      auth0: {
        fields: ["initialClientId", "initialClientSecret", "initialClientAudience", "useDeveloperManagedScopes"],
        required: ["initialClientId", "initialClientSecret"],
        secrets: ["initialClientSecret"],
        booleans: ["useDeveloperManagedScopes"],
        configRequired: true,
        configUpdatable: true,
      },
      okta: {
        fields: ["dcrToken"],
        required: ["dcrToken"],
        secrets: ["dcrToken"],
        booleans: [],
        configRequired: true,
        configUpdatable: true,
      },
      http: {
        fields: ["dcrBaseUrl", "apiKey", "disableEventHooks", "disableRefreshSecret", "allowMultipleCredentials"],
        required: ["dcrBaseUrl", "apiKey"],
        secrets: ["apiKey"],
        booleans: ["disableEventHooks", "disableRefreshSecret", "allowMultipleCredentials"],
        configRequired: true,
        configUpdatable: true,
      },
      kongIdentity: {
        fields: [],
        required: [],
        secrets: [],
        booleans: [],
        configRequired: false,
        configUpdatable: false,
      },
    });
  });

  it("derives the wire names and the secret list", () => {
    expect(DCR_CONFIG_WIRE_NAMES).toEqual({
      initialClientId: "initial_client_id",
      initialClientSecret: "initial_client_secret",
      initialClientAudience: "initial_client_audience",
      useDeveloperManagedScopes: "use_developer_managed_scopes",
      dcrToken: "dcr_token",
      dcrBaseUrl: "dcr_base_url",
      apiKey: "api_key",
      disableEventHooks: "disable_event_hooks",
      disableRefreshSecret: "disable_refresh_secret",
      allowMultipleCredentials: "allow_multiple_credentials",
    });
    expect(DCR_SECRET_FIELDS).toEqual(["initialClientSecret", "dcrToken", "apiKey"]);
    expect(OIDC_CORE_WIRE_KEYS).toEqual(["issuer", "credential_claim", "scopes", "auth_methods"]);
  });
});

describe("label rules: one number everywhere", () => {
  it.each([
    [0, undefined],
    [49, undefined],
    [50, "at most 49 labels are allowed (Konnect's 50 minus one kept for pulumi-create-id), got 50"],
  ])("%i declared labels", (count, problem) => {
    expect(declaredLabelCountProblem(count)).toBe(problem);
  });

  it("components allow the same 49 (managed-by included)", () => {
    expect(MAX_DECLARED_LABELS).toBe(49);
    const labels = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    expect(Object.keys(konnectLabels(labels(48)))).toHaveLength(49);
    expect(() => konnectLabels(labels(49))).toThrow("labels: at most 49 labels are allowed");
  });
});

describe("accept what Konnect accepts", () => {
  it("a blank auth0 initialClientAudience (Konnect then uses the issuer)", async () => {
    const result = await providers.dcrProvider.check!(
      {} as never,
      {
        name: "auth0",
        providerType: "auth0",
        issuer: "https://example.auth0.com",
        dcrConfig: { initialClientId: "client", initialClientSecret: "secret-value", initialClientAudience: "" },
      } as never,
    );
    expect(result.failures).toEqual([]);
  });
});

describe("unknown values", () => {
  it("use the SDK's own sentinel", () => {
    expect(UNKNOWN).toBe(pulumi.runtime.unknownValue);
    expect(containsUnknown({ a: [1, { b: pulumi.runtime.unknownValue }] })).toBe(true);
    expect(containsUnknown({ a: [1, { b: "known" }] })).toBe(false);
  });
});

describe("list pages are read tolerantly", () => {
  const meta = { page: { number: 1, size: 100, total: 2 } };
  const provider = {
    id: "3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    name: "azure",
    provider_type: "azureAd",
    issuer: "https://sts.windows.net/x",
    active: false,
    labels: { "pulumi-create-id": "token" },
    dcr_config: { initial_client_id: "id", some_new_field: 1 },
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    field_konnect_added_later: { nested: true },
  };

  it("leaves out a provider of a type this package does not know and keeps the others", () => {
    const unknownType = { ...provider, provider_type: "pingFederate", issuer: 7 };
    const parsed = dcrProviderListSchema().safeParse({ data: [unknownType, provider], meta });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.data.map((p) => p.id)).toEqual([provider.id]);
    // unknown fields, inside dcr_config too, are ignored
    expect(parsed.data?.data[0]?.dcrConfig).toEqual({ initialClientId: "id" });
  });

  it("still rejects a malformed object of a known type", () => {
    expect(dcrProviderListSchema().safeParse({ data: [{ ...provider, issuer: 7 }], meta }).success).toBe(false);
  });

  it("leaves out strategies of unknown types", () => {
    const strategy = {
      id: provider.id,
      name: "s",
      display_name: "S",
      strategy_type: "openid_connect",
      configs: { "openid-connect": { issuer: "https://x", credential_claim: [], scopes: [], auth_methods: [] } },
      active: false,
      dcr_provider: { id: provider.id, name: "p", provider_type: "pingFederate" },
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
    };
    const parsed = authStrategyListSchema().safeParse({
      data: [{ ...strategy, strategy_type: "mtls", configs: {} }, strategy],
      meta,
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.data.map((s) => s.dcrProvider?.providerType)).toEqual(["pingFederate"]);
  });
});

describe("field rows", () => {
  type Olds = { name: string; config?: { a?: number } };
  type Body = { name?: string; config?: { a?: number } };
  const rules: FieldRule<Olds, Olds, Body>[] = [
    {
      property: "name",
      effect: "update",
      before: (o) => o.name,
      after: (n) => n.name,
      send: (b, _o, n) => (b.name = n.name),
    },
    {
      property: "config.a",
      effect: "update",
      group: "config",
      keptWhenAbsent: (n) => n.config?.a === undefined,
      before: (o) => o.config?.a,
      after: (n) => n.config?.a,
      send: (b, _o, n) => (b.config = { a: n.config?.a }),
    },
  ];
  const group = (n: Olds, g: string) => (n as Record<string, unknown>)[g];

  it.each<[string, Olds, Olds, string[], Body | undefined]>([
    ["nothing changed", { name: "x", config: { a: 1 } }, { name: "x", config: { a: 1 } }, [], undefined],
    ["a name change", { name: "x" }, { name: "y" }, ["name"], { name: "y" }],
    [
      "a nested change",
      { name: "x", config: { a: 1 } },
      { name: "x", config: { a: 2 } },
      ["config.a"],
      { config: { a: 2 } },
    ],
    ["a nested value left out (kept)", { name: "x", config: { a: 1 } }, { name: "x" }, [], undefined],
  ])("%s", (_label, olds, news, changed, body) => {
    expect(changedProperties(rules, olds, news, group)).toEqual(changed);
    expect(updateBody(rules, olds, news, {})).toEqual(body);
  });

  it("reports an unknown group once, by its name", () => {
    const news = { name: "x", config: UNKNOWN } as unknown as Olds;
    expect(changedProperties(rules, { name: "x", config: { a: 1 } }, news, group)).toEqual(["config"]);
  });
});

describe("row defaults", () => {
  /** Every row of every resource's input tables, nested tables included, as `[path, row]`. */
  function allRows(): [string, FieldRow][] {
    const rows: [string, FieldRow][] = [];
    const walk = (table: FieldTable, prefix: string) => {
      for (const [name, row] of Object.entries(table)) {
        if (typeof row?.effect !== "string") continue; // not a table row
        rows.push([`${prefix}${name}`, row]);
        if (row.value.kind === "object") walk(row.value.fields, `${prefix}${name}.`);
      }
    };
    const resources = path.join(__dirname, "../../../provider/resources");
    for (const folder of readdirSync(resources)) {
      const file = path.join(resources, folder, "inputs.ts");
      let exported: Record<string, unknown>;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- each resource's input tables, by path
        exported = require(file) as Record<string, unknown>;
      } catch {
        continue;
      }
      for (const [name, table] of Object.entries(exported)) {
        if (typeof table === "object" && table !== null) walk(table as FieldTable, `${folder}.${name}.`);
      }
    }
    return rows;
  }

  it("a row's default is a value its rule accepts (and the publication's visibility has one)", () => {
    const withDefault = allRows().filter(([, row]) => row.default !== undefined);
    expect(withDefault.map(([name]) => name)).toContain("apiPublication.API_PUBLICATION_INPUTS.visibility");
    for (const [name, row] of withDefault) {
      expect([name, valueSchema(row.value).safeParse(row.default).success]).toEqual([name, true]);
    }
  });
});

describe("the root stack's build check", () => {
  function repo(files: Record<string, string>, built: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), "build-check-"));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    mkdirSync(path.join(root, "dist", "provider"), { recursive: true });
    writeFileSync(path.join(root, "dist", "provider", "index.js"), "");
    const fileNames = Object.keys(built).map((f) => `../${f}`);
    const fileInfos = Object.values(built).map((text) => ({
      version: createHash("sha256").update(text).digest("hex"),
    }));
    writeFileSync(path.join(root, "dist", ".tsbuildinfo"), JSON.stringify({ fileNames, fileInfos }));
    return root;
  }

  it.each<[string, Record<string, string>, Record<string, string>, string | undefined]>([
    ["a build of the current sources", { "provider/index.ts": "a" }, { "provider/index.ts": "a" }, undefined],
    [
      "a changed source",
      { "provider/index.ts": "b" },
      { "provider/index.ts": "a" },
      "provider/index.ts changed after the last build",
    ],
    [
      "a source added after the build",
      { "provider/index.ts": "a", "provider/new.ts": "n" },
      { "provider/index.ts": "a" },
      "provider/new.ts changed after the last build",
    ],
  ])("%s", (_label, files, built, reason) => {
    expect(staleBuildReason(repo(files, built))).toBe(reason);
  });

  it("a missing dist/", () => {
    const root = mkdtempSync(path.join(tmpdir(), "build-check-"));
    expect(staleBuildReason(root)).toBe("dist/ is missing");
  });
});

describe("one copy of each shared helper", () => {
  /** Every TypeScript source under `provider/`, as `[relative path, text]`. */
  function providerSources(): [string, string][] {
    const root = path.join(__dirname, "..", "..", "..", "provider");
    const files: [string, string][] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith(".ts")) files.push([path.relative(root, full), readFileSync(full, "utf8")]);
      }
    };
    walk(root);
    return files;
  }

  it("the GUID pattern is written once, in konnect/ids.ts", () => {
    const sources = providerSources();
    expect(sources.length).toBeGreaterThan(40);
    const withGuid = sources.filter(([, text]) => text.includes("{8}-[0-9a-f]{4}")).map(([file]) => file);
    expect(withGuid).toEqual([path.join("konnect", "ids.ts")]);
  });

  it("the resource layer keeps no copy of a transport helper (sleep, never-sent codes, status classification)", () => {
    const resources = providerSources().filter(([file]) => file.startsWith(`resources${path.sep}`));
    expect(resources.length).toBeGreaterThan(15);
    const copies = resources.flatMap(([file, text]) =>
      [
        /TODO\(shared-helpers\)/,
        /setTimeout\(/,
        /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/,
        /\.status\s*(===|!==|<=|>=|<|>)\s*\d/,
        /\[500, 502/,
      ]
        .filter((pattern) => pattern.test(text))
        .map((pattern) => `${file}: ${pattern.source}`),
    );
    expect(copies).toEqual([]);
  });
});

describe("label ownership", () => {
  it("mirrors only declared keys, never the creation label or a reserved key", () => {
    const onObject = { env: "dev", team: "payments", "kong-managed": "true", "pulumi-create-id": "k" };
    expect(ownedLabels(onObject, { env: "prod", missing: "x" })).toEqual({ env: "dev" });
    expect(ownedLabels(onObject, undefined)).toBeUndefined();
    expect(ownedLabels(onObject, { "pulumi-create-id": "k", "kong-managed": "true" })).toEqual({});
  });

  it("the PATCH sends declared values and null only for keys owned before", () => {
    const before = { env: "dev", old: "1", "kong-managed": "true", _x: "y", "pulumi-create-id": "k" };
    expect(ownedLabelsPatch(before, { env: "prod" })).toEqual({ env: "prod", old: null });
    expect(ownedLabelsPatch(undefined, { env: "prod" })).toEqual({ env: "prod" });
    expect(ownedLabelsPatch(before, undefined)).toEqual({ env: null, old: null });
    expect(previouslyOwnedLabels(before)).toEqual({ env: "dev", old: "1" });
    expect(["kong-a", "konnect-b", "mesh-c", "kic-d", "_e", "pulumi-create-id"].filter(isDeclarableLabelKey)).toEqual(
      [],
    );
    expect(["KONGCTL-ns", "env"].every(isDeclarableLabelKey)).toBe(true);
  });
});

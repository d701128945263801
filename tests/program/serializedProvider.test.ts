/**
 * What Pulumi stores as `__provider` for every resource, captured from real registrations under setMocks: no token,
 * no secret, only the package runtime's `require`, no client code, under 4 KB. Sizes are printed for the record.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import * as pulumi from "@pulumi/pulumi";
import * as konnect from "../../provider";

const TOKEN = "kpat_SerializationProbeToken0123456789";
const SECRET = "client-secret-that-must-not-leak";
const registered: Record<string, Record<string, unknown>> = {};

beforeAll(async () => {
  process.env.KONNECT_TOKEN = TOKEN;
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered[args.type] = args.inputs as Record<string, unknown>;
        return { id: `${args.name}-id`, state: args.inputs as Record<string, unknown> };
      },
      call: (args) => args.inputs as Record<string, unknown>,
    },
    "project",
    "stack",
    false,
  );
});
afterAll(() => {
  delete process.env.KONNECT_TOKEN;
});

const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** The value with every secret wrapper replaced by a marker. */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value === "object" && value !== null) {
    if (Object.values(value).includes(SECRET_SIG)) return "[secret]";
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutSecrets(v)]));
  }
  return value;
}

function unwrap(value: unknown): string {
  if (typeof value === "string") return value;
  const wrapped = value as { value?: unknown };
  if (typeof wrapped?.value === "string") return wrapped.value;
  throw new Error(`__provider is not a string: ${typeof value}`);
}

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";

it("serializes every provider without secrets, with only the package runtime's require", async () => {
  const dcr = new konnect.DcrProvider("dcr", {
    name: "azure-dcr",
    providerType: "azureAd",
    issuer: "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47",
    dcrConfig: { initialClientId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5", initialClientSecret: pulumi.secret(SECRET) },
  });
  const strategy = new konnect.AuthStrategy("strategy", {
    name: "azure",
    displayName: "Azure",
    strategyType: "openid_connect",
    openidConnect: { issuer: dcr.issuer, credentialClaim: ["appid"], scopes: ["openid"], authMethods: ["bearer"] },
    dcrProviderId: dcr.id,
  });
  const publication = new konnect.ApiPublication("pub", {
    apiId: API,
    portalId: PORTAL,
    authStrategyIds: [strategy.id],
  });
  const portalDefault = new konnect.PortalDefaultAuthStrategy("default", {
    portalId: PORTAL,
    authStrategyId: strategy.id,
  });
  const team = new konnect.PortalTeam("team", { portalId: PORTAL, name: "Partners", canOwnApplications: true });
  const application = new konnect.PortalApplication("app", {
    portalId: PORTAL,
    name: "Orders client",
    authStrategyId: strategy.id,
    owner: { teamId: team.id },
    dcrClientId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5",
  });
  const registration = new konnect.ApplicationRegistration("registration", {
    portalId: PORTAL,
    applicationId: application.id,
    apiId: API,
  });
  const requestCheck = new konnect.DcrRequestCheck("first-request", {
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    clientId: "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5",
    clientSecret: SECRET,
    route: "https://gateway.example.com/orders",
    triggers: [strategy.id],
  });
  await Promise.all(
    [strategy.id, publication.id, portalDefault.id, registration.id, requestCheck.id].map(
      (id) => new Promise<void>((r) => id.apply(() => r())),
    ),
  );

  for (const type of [
    "pulumi-nodejs:dynamic/konnect:DcrProvider",
    "pulumi-nodejs:dynamic/konnect:AuthStrategy",
    "pulumi-nodejs:dynamic/konnect:ApiPublication",
    "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy",
    "pulumi-nodejs:dynamic/konnect:PortalTeam",
    "pulumi-nodejs:dynamic/konnect:PortalApplication",
    "pulumi-nodejs:dynamic/konnect:ApplicationRegistration",
    "pulumi-nodejs:dynamic/konnect:DcrRequestCheck",
  ]) {
    const inputs = registered[type];
    expect(inputs).toBeDefined();
    const code = unwrap(inputs!.__provider);
    expect(code).not.toContain(TOKEN);
    expect(code).not.toContain(SECRET);
    const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(["pulumi-konnect-dcr/runtime"]));
    expect(code).not.toMatch(/axios|zod/);
    // the provider text is plain (no secret was captured), so the engine can show code changes
    expect(typeof inputs!.__provider).toBe("string");
    expect(Buffer.byteLength(code)).toBeLessThan(4096);
    console.log(`${type} __provider: ${Buffer.byteLength(code)} bytes`);
  }
  // the client secret is sent only inside a secret wrapper
  const dcrInputs = registered["pulumi-nodejs:dynamic/konnect:DcrProvider"]!;
  expect(JSON.stringify(dcrInputs)).toContain(SECRET);
  expect(JSON.stringify(withoutSecrets(dcrInputs))).not.toContain(SECRET);
  expect(await pulumi.isSecret(dcr.dcrConfig)).toBe(true);
  // The request check's secret is marked by the class (from its input table), even when declared as plain text; it
  // carries no location outputs and no creation key (it talks to no Konnect API).
  const checkInputs = registered["pulumi-nodejs:dynamic/konnect:DcrRequestCheck"]!;
  expect(JSON.stringify(checkInputs)).toContain(SECRET);
  expect(JSON.stringify(withoutSecrets(checkInputs))).not.toContain(SECRET);
  expect(await pulumi.isSecret(requestCheck.clientSecret)).toBe(true);
  expect(Object.keys(checkInputs).filter((k) => /effectiveRegion|serverUrl|__creationKey/.test(k))).toEqual([]);
  expect(checkInputs).toMatchObject({ triggers: ["strategy-id"], route: "https://gateway.example.com/orders" });
  expect(registered["pulumi-nodejs:dynamic/konnect:ApiPublication"]).toMatchObject({
    apiId: API,
    portalId: PORTAL,
    authStrategyIds: ["strategy-id"],
  });
  // The application carries its creation key (keyed create); the team and the registration do not (derived creates).
  expect(registered["pulumi-nodejs:dynamic/konnect:PortalApplication"]).toMatchObject({
    owner: { teamId: "team-id" },
    authStrategyId: "strategy-id",
    __creationKey: expect.stringMatching(/^[0-9a-f]{40}$/),
  });
  expect(registered["pulumi-nodejs:dynamic/konnect:PortalTeam"]).not.toHaveProperty("__creationKey");
  expect(registered["pulumi-nodejs:dynamic/konnect:ApplicationRegistration"]).toMatchObject({
    applicationId: "app-id",
  });
  expect(registered["pulumi-nodejs:dynamic/konnect:ApplicationRegistration"]).not.toHaveProperty("__creationKey");
});

/**
 * The serialized texts users' states hold, as the built package produces them (dist/, which the plugin host runs):
 * stored states run them on refresh and destroy, and a changed text shows every resource as an update, so they are
 * byte-stable. A deliberate change must update these hashes and replay the upgrade fixture (tests/upgrade).
 */
const PINNED_SHIM_TEXTS: Record<string, { bytes: number; sha256: string }> = {
  dcrProvider: { bytes: 2637, sha256: "094a91602be80866" },
  authStrategy: { bytes: 2638, sha256: "c278088cfa13978e" },
  apiPublication: { bytes: 2640, sha256: "b99a4eedaee75a16" },
  portalDefaultAuthStrategy: { bytes: 2651, sha256: "8d8b6f8fe6fcc3ba" },
  portalTeam: { bytes: 2636, sha256: "a2324094f7921cee" },
  portalApplication: { bytes: 2643, sha256: "fc7d8a0afccbda4d" },
  applicationRegistration: { bytes: 2649, sha256: "dd385ff9d1c83c98" },
  dcrRequestCheck: { bytes: 2641, sha256: "83e89b2952823047" },
};

it("the serialized provider texts are byte-stable (a contract with every stored state)", async () => {
  // A fresh Node process serializes the built package's providers as `dynamic.Resource` does (`() => provider`: the
  // captured variable's name is part of the text).
  const script = `
    const pulumi = require("@pulumi/pulumi");
    const { createHash } = require("node:crypto");
    const { providers } = require("pulumi-konnect-dcr");
    (async () => {
      const texts = {};
      for (const [name, provider] of Object.entries(providers)) {
        const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
        texts[name] = { bytes: Buffer.byteLength(text), sha256: createHash("sha256").update(text).digest("hex").slice(0, 16) };
      }
      process.stdout.write(JSON.stringify(texts));
    })();`;
  const { stdout } = await promisify(execFile)(process.execPath, ["-e", script], {
    cwd: path.resolve(__dirname, "../.."),
  });
  expect(JSON.parse(stdout)).toEqual(PINNED_SHIM_TEXTS);
});

/**
 * What Pulumi stores as `__provider` for ApiPublication and PortalDefaultAuthStrategy, captured from real
 * registrations under setMocks: no token, only the package's runtime `require`, no client code, under 4 KB.
 */
import * as pulumi from "@pulumi/pulumi";
import { ApiPublication } from "../../provider/resources/apiPublication";
import { PortalDefaultAuthStrategy } from "../../provider/resources/portalDefaultAuthStrategy";

const TOKEN = "kpat_SerializationProbeToken0123456789";
const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const STRATEGY = "11111111-2222-4333-8444-555566667777";
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

test("both providers serialize to small, plain code that only requires the package runtime", async () => {
  const publication = new ApiPublication("pub", { apiId: API, portalId: PORTAL, authStrategyIds: [STRATEGY] });
  const portalDefault = new PortalDefaultAuthStrategy("default", { portalId: PORTAL, authStrategyId: STRATEGY });
  await Promise.all([publication.id, portalDefault.id].map((id) => new Promise<void>((r) => id.apply(() => r()))));

  for (const type of [
    "pulumi-nodejs:dynamic/konnect:ApiPublication",
    "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy",
  ]) {
    const inputs = registered[type];
    expect(inputs).toBeDefined();
    const code = inputs!.__provider;
    expect(typeof code).toBe("string");
    const text = code as string;
    expect(text).not.toContain(TOKEN);
    expect(new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))).toEqual(
      new Set(["pulumi-konnect-dcr/runtime"]),
    );
    expect(text).not.toMatch(/axios|zod/);
    expect(Buffer.byteLength(text)).toBeLessThan(4096);
  }
  expect(registered["pulumi-nodejs:dynamic/konnect:ApiPublication"]).toMatchObject({
    apiId: API,
    portalId: PORTAL,
    authStrategyIds: [STRATEGY],
  });
});

import { type KonnectEmulator, startKonnectEmulator } from "../../tools/emulator/emulator";
import { DCR_BODIES, TOKEN, call, problem } from "../../tools/emulator/testSupport";

let konnect: KonnectEmulator;
const READ_ONLY = "spat_readOnlyTokenAbcdefghijk";

beforeAll(async () => {
  konnect = await startKonnectEmulator({ readOnlyTokens: [READ_ONLY] });
});
afterAll(async () => {
  await konnect.close();
});
beforeEach(() => {
  konnect.reset();
  konnect.setOptions({ acceptedTokens: null });
});

const DCR = "/v2/dcr-providers";

describe("authentication", () => {
  it("answers 401 Unauthorized without an Authorization header", async () => {
    const answer = await call(konnect, "GET", DCR, undefined, { token: null });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.body).toStrictEqual(problem(401, "Unauthorized", "Unauthorized"));
  });

  it.each([
    ["a Basic scheme", `Basic ${TOKEN}`],
    ["a bare token", TOKEN],
    ["a token with an unknown prefix", "Bearer xpat_abcdefghijklmnopqrstuvwxyz"],
    ["a kpat_ token of 19 characters", "Bearer kpat_abcdefghijklmnopqrs"],
    ["a token with a symbol", "Bearer kpat_abcdefghijklmnopqrst-"],
    ["an empty bearer", "Bearer "],
  ])("answers 401 Invalid credentials for %s", async (_name, authorization) => {
    const answer = await call(konnect, "GET", DCR, undefined, { authorization });
    expect(answer.body).toStrictEqual(problem(401, "Unauthorized", "Invalid credentials"));
  });

  it.each([["kpat_abcdefghijklmnopqrst"], ["spat_ABCDEFGHIJKLMNOPQRST0123456789"]])(
    "accepts the well-formed token %s",
    async (token) => {
      expect((await call(konnect, "GET", DCR, undefined, { token })).status).toBe(200);
    },
  );

  it("accepts only acceptedTokens when set (a revoked token gets 401)", async () => {
    konnect.setOptions({ acceptedTokens: [TOKEN] });
    expect((await call(konnect, "GET", DCR)).status).toBe(200);
    expect((await call(konnect, "GET", DCR, undefined, { token: "kpat_revokedTokenAbcdefghijk" })).status).toBe(401);
  });

  it("lets a read-only token read but answers 403 to every write, storing nothing", async () => {
    const seeded = konnect.seedDcrProvider(DCR_BODIES.okta);
    const options = { token: READ_ONLY };
    expect((await call(konnect, "GET", DCR, undefined, options)).status).toBe(200);
    expect((await call(konnect, "GET", `${DCR}/${seeded.id}`, undefined, options)).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ["POST", DCR, DCR_BODIES.okta],
      ["PATCH", `${DCR}/${seeded.id}`, { name: "x" }],
      ["DELETE", `${DCR}/${seeded.id}`, undefined],
      ["POST", `${DCR}/${seeded.id}/verify`, undefined],
      ["PUT", `/v2/application-auth-strategies/${seeded.id}`, {}],
    ];
    for (const [method, path, body] of writes) {
      const answer = await call(konnect, method, path, body, options);
      expect(answer.body).toStrictEqual(problem(403, "Forbidden", "You do not have permission to perform this action"));
    }
    expect(konnect.list("dcr-providers")).toStrictEqual([konnect.get("dcr-providers", seeded.id)]);
    expect(konnect.get("dcr-providers", seeded.id)!.name).toBe("okta");
  });

  it("never echoes the token in an error", async () => {
    const answer = await call(konnect, "GET", DCR, undefined, { authorization: "Bearer kpat_short" });
    expect(JSON.stringify(answer.body)).not.toContain("kpat_short");
  });
});

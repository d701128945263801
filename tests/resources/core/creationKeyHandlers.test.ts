/**
 * The creation key in the generic handlers (provider/resources/handlerFactory.ts, design in creationKey.ts), in
 * process against the emulator: check picks the effective key, diff ignores it, create looks it up before posting,
 * outputs and read carry the key the object's label holds, updates keep the label.
 */
import { randomUUID } from "node:crypto";
import { providers, type DcrProviderInputs, type DcrProviderOutputs } from "../../../provider";
import {
  CREATION_KEY_INPUT,
  CREATION_LABEL_KEY,
  baseCreationKey,
  successorCreationKey,
} from "../../../provider/resources/core/creationKey";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";
import type { KonnectEmulator } from "../../../tools/emulator/emulator";
import { callShapes, startProviderTestbed } from "../support";
import { TENANT } from "../../support/validInputs";

const CLIENT_ID = "0f6c2d4e-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
const dcr = providers.dcrProvider;
const declared: DcrProviderInputs = {
  name: "keyed-dcr",
  providerType: "azureAd",
  issuer: `https://sts.windows.net/${TENANT}`,
  dcrConfig: { initialClientId: CLIENT_ID, initialClientSecret: "keyed-secret-value" },
};

/** A base key no other test uses (the check's memory lives as long as the module). */
const freshBase = () =>
  baseCreationKey({
    urn: `urn:pulumi:dev::keys::pulumi-nodejs:dynamic/konnect:DcrProvider::${randomUUID()}`,
    organization: "",
  });

type Keyed = DcrProviderInputs & { [CREATION_KEY_INPUT]?: unknown; __provider?: string };

async function check(olds: object, news: Keyed) {
  return dcr.check!(olds as never, { __provider: "code-v1", ...news });
}

async function checkedKey(olds: object, base: unknown): Promise<unknown> {
  const result = await check(olds, { ...declared, [CREATION_KEY_INPUT]: base });
  expect(result.failures).toEqual([]);
  return keyOf(result.inputs);
}

/** The key a value (inputs, outputs) carries. */
const keyOf = (value: unknown) => (value as Record<string, unknown> | undefined)?.[CREATION_KEY_INPUT];

const labelOf = (id: string) =>
  (emulator.get("dcr-providers", id) as { labels?: Record<string, string> }).labels?.[CREATION_LABEL_KEY];

let emulator: KonnectEmulator;
beforeAll(async () => {
  emulator = await startProviderTestbed();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe("check", () => {
  it("empty olds: the base key; olds with a key: its successor; olds without one (a stack before keys): s(base)", async () => {
    const base = freshBase();
    expect(await checkedKey({}, base)).toBe(base);
    const prior = successorCreationKey(base);
    expect(await checkedKey({ ...declared, [CREATION_KEY_INPUT]: prior }, base)).toBe(successorCreationKey(prior));
    const other = freshBase();
    expect(await checkedKey({ ...declared }, other)).toBe(successorCreationKey(other));
  });

  it("the empty-olds re-check of a replacement right after the check with olds gets the same successor", async () => {
    const base = freshBase();
    const withOlds = await checkedKey({ ...declared, [CREATION_KEY_INPUT]: base }, base);
    expect(withOlds).toBe(successorCreationKey(base));
    expect(await checkedKey({}, base)).toBe(withOlds);
  });

  it("refuses a key that is not one, naming __creationKey; passes an unknown key through; no key means none", async () => {
    const bad = await check({}, { ...declared, [CREATION_KEY_INPUT]: "dcr" });
    expect(bad.failures).toEqual([
      {
        property: CREATION_KEY_INPUT,
        reason: `must be 40 lowercase hex characters derived from the resource's URN, got "dcr"`,
      },
    ]);
    expect(await checkedKey({}, UNKNOWN)).toBe(UNKNOWN);
    const none = await check({}, declared);
    expect(none.failures).toEqual([]);
    expect(none.inputs).not.toHaveProperty(CREATION_KEY_INPUT);
  });
});

describe("diff", () => {
  it("ignores the key: a moved key alone is no change and no replace", async () => {
    const base = freshBase();
    const inputs = (await check({}, { ...declared, [CREATION_KEY_INPUT]: base })).inputs!;
    const { outs } = await dcr.create(inputs);
    const moved = { ...inputs, [CREATION_KEY_INPUT]: successorCreationKey(base) };
    // The outputs as the plugin host stores them (it adds the provider code).
    const stored = { ...outs, __provider: "code-v1" };
    expect(await dcr.diff!("id", stored as never, moved)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("create, read and update", () => {
  it("create: 1 list + 1 POST, the label and the outputs hold the key", async () => {
    const base = freshBase();
    const inputs = (await check({}, { ...declared, [CREATION_KEY_INPUT]: base })).inputs!;
    const { id, outs } = await dcr.create(inputs);
    expect(callShapes(emulator)).toEqual(["GET /v2/dcr-providers", "POST /v2/dcr-providers"]);
    expect(labelOf(id)).toBe(base);
    expect(keyOf(outs)).toBe(base);
    expect(outs!.labels).toBeUndefined();
  });

  it("create finds an object carrying its key and takes it over; one of another type is refused by name", async () => {
    const base = freshBase();
    const seeded = emulator.seedDcrProvider({
      name: "keyed-dcr",
      provider_type: "azureAd",
      issuer: declared.issuer,
      labels: { [CREATION_LABEL_KEY]: base },
      dcr_config: { initial_client_id: CLIENT_ID, initial_client_secret: "older" },
    });
    emulator.seedDcrProvider({
      name: "keyed-dcr",
      provider_type: "azureAd",
      issuer: declared.issuer,
      dcr_config: { initial_client_id: CLIENT_ID, initial_client_secret: "x" },
    });
    emulator.clearRequestLog();
    const inputs = (await check({}, { ...declared, [CREATION_KEY_INPUT]: base })).inputs!;
    const { id } = await dcr.create(inputs);
    expect(id).toBe(seeded.id);
    // Taken over: the declared secret is sent again (outputs of an existing object cannot show it).
    expect(callShapes(emulator)).toEqual(["GET /v2/dcr-providers", "PATCH /v2/dcr-providers/{id}"]);
    expect(emulator.storedSecrets(id)).toEqual({ initial_client_secret: "keyed-secret-value" });

    const curity = (
      await check(
        {},
        {
          name: "keyed-dcr",
          providerType: "curity",
          issuer: "https://idsvr.example.com/oauth/v2/oauth-anonymous",
          dcrConfig: { initialClientId: "client", initialClientSecret: "curity-secret" },
          [CREATION_KEY_INPUT]: base,
        },
      )
    ).inputs!;
    await expect(dcr.create(curity)).rejects.toThrow(
      `the object carrying this resource's creation key: DCR provider ${id} has providerType azureAd, but ` +
        "providerType curity is declared; delete that object or declare its type",
    );
    expect(emulator.list("dcr-providers")).toHaveLength(2);
  });

  it("read carries the label's key into outputs and refreshed inputs, else the prior key", async () => {
    const base = freshBase();
    const inputs = (await check({}, { ...declared, [CREATION_KEY_INPUT]: base })).inputs!;
    const { id, outs } = await dcr.create(inputs);
    const { [CREATION_KEY_INPUT]: _dropped, ...withoutKey } = outs as unknown as Record<string, unknown>;
    const read = await dcr.read!(id, withoutKey as never);
    expect(keyOf(read.props)).toBe(base);
    expect(keyOf(read.inputs)).toBe(base);

    const preKey = emulator.seedDcrProvider({
      name: "keyed-dcr",
      provider_type: "azureAd",
      issuer: declared.issuer,
      labels: { [CREATION_LABEL_KEY]: randomUUID() },
      dcr_config: { initial_client_id: CLIENT_ID, initial_client_secret: "x" },
    });
    const prior = successorCreationKey(base);
    const kept = await dcr.read!(preKey.id, { ...withoutKey, [CREATION_KEY_INPUT]: prior } as never);
    expect(keyOf(kept.inputs)).toBe(prior);
  });

  it("updates keep the label; outputs keep the object's key, never the moved input", async () => {
    const base = freshBase();
    const inputs = (await check({}, { ...declared, [CREATION_KEY_INPUT]: base })).inputs!;
    const { id, outs } = await dcr.create(inputs);
    const moved = successorCreationKey(base);
    const patched = await dcr.update!(
      id,
      outs as DcrProviderOutputs,
      {
        ...inputs,
        name: "keyed-dcr-2",
        labels: { team: "identity" },
        [CREATION_KEY_INPUT]: moved,
      } as never,
    );
    expect(labelOf(id)).toBe(base);
    expect(keyOf(patched.outs)).toBe(base);
    expect(patched.outs!.labels).toEqual({ team: "identity" });
    const same = await dcr.update!(
      id,
      patched.outs as DcrProviderOutputs,
      {
        ...inputs,
        name: "keyed-dcr-2",
        labels: { team: "identity" },
        [CREATION_KEY_INPUT]: successorCreationKey(moved),
      } as never,
    );
    expect(keyOf(same.outs)).toBe(base);
    expect(labelOf(id)).toBe(base);
  });
});

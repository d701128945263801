/**
 * The creation key's pure rules (provider/resources/creationKey.ts): derivation, the successor chain, the effective
 * key `check` picks in every engine call sequence, label handling on create and update, and the keyed lookup.
 */
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import {
  CREATION_KEY_LENGTH,
  CREATION_LABEL_KEY,
  CreationKeyMemory,
  UNKNOWN_OUTCOME_HINT,
  baseCreationKey,
  checkCreationKey,
  creationKeyFromLabels,
  creationKeyProblem,
  effectiveCreationKey,
  findByCreationKey,
  isCreationKey,
  labelsKeepingCreationKey,
  labelsWithCreationKey,
  successorCreationKey,
  unknownOutcomeMessage,
} from "../../../provider/resources/core/creationKey";
import { creationKeyInput } from "../../../provider/resources/core/creationKeyInput";

const DCR_TYPE = "pulumi-nodejs:dynamic/konnect:DcrProvider";
const urn = (stack: string, type: string, name: string, project = "konnect-dcr") =>
  `urn:pulumi:${stack}::${project}::${type}::${name}`;
const key = (u: string, organization = "acme") => baseCreationKey({ urn: u, organization });
/** Konnect's label value rule (konnect-api.md §2.4). */
const LABEL_VALUE = /^[a-z0-9A-Z]{1}([a-z0-9A-Z-._]*[a-z0-9A-Z]+)?$/;

describe("baseCreationKey", () => {
  it("is deterministic and a valid Konnect label value", () => {
    const k = key(urn("dev", DCR_TYPE, "dcr"));
    expect(k).toBe(key(urn("dev", DCR_TYPE, "dcr")));
    expect(k).toHaveLength(CREATION_KEY_LENGTH);
    expect(k).toMatch(LABEL_VALUE);
    expect(isCreationKey(k)).toBe(true);
  });

  it.each([
    ["another stack", urn("prod", DCR_TYPE, "dcr"), "acme"],
    ["another project", urn("dev", DCR_TYPE, "dcr", "other"), "acme"],
    ["another name", urn("dev", DCR_TYPE, "dcr2"), "acme"],
    ["another type", urn("dev", "pulumi-nodejs:dynamic/konnect:AuthStrategy", "dcr"), "acme"],
    ["a component parent's type chain", urn("dev", `my:index:Stack$${DCR_TYPE}`, "dcr"), "acme"],
    ["another Pulumi organization", urn("dev", DCR_TYPE, "dcr"), "other-org"],
  ])("differs for %s", (_label, otherUrn, organization) => {
    expect(key(otherUrn, organization)).not.toBe(key(urn("dev", DCR_TYPE, "dcr")));
  });

  it("refuses something that is not a URN", () => {
    expect(() => baseCreationKey({ urn: "dcr", organization: "" })).toThrow('not a Pulumi URN: "dcr"');
  });
});

describe("successorCreationKey", () => {
  it("gives a different valid key, and a chain of 1000 steps never repeats a key", () => {
    const seen = new Set<string>();
    let k = key(urn("dev", DCR_TYPE, "dcr"));
    for (let i = 0; i < 1000; i++) {
      expect(seen.has(k)).toBe(false);
      seen.add(k);
      const next = successorCreationKey(k);
      expect(isCreationKey(next)).toBe(true);
      expect(next).toBe(successorCreationKey(k));
      k = next;
    }
  });

  it("never lands on another stack's base key (dev and prod chains stay apart)", () => {
    const prodBase = key(urn("prod", DCR_TYPE, "dcr"));
    let k = key(urn("dev", DCR_TYPE, "dcr"));
    for (let i = 0; i < 100; i++) {
      k = successorCreationKey(k);
      expect(k).not.toBe(prodBase);
    }
  });
});

describe("isCreationKey and creationKeyProblem", () => {
  it.each([
    [undefined, "is required (set by the resource class from its URN; do not pass it yourself)"],
    ["", 'must be 40 lowercase hex characters derived from the resource\'s URN, got ""'],
    [
      "ABCDEF0123456789ABCDEF0123456789ABCDEF01",
      'must be 40 lowercase hex characters derived from the resource\'s URN, got "ABCDEF0123456789ABCDEF0123456789ABCDEF01"',
    ],
    [
      "6f1b7c2e-3d4a-4b5c-8d9e-0a1b2c3d4e5f",
      'must be 40 lowercase hex characters derived from the resource\'s URN, got "6f1b7c2e-3d4a-4b5c-8d9e-0a1b2c3d4e5f"',
    ],
    [42, "must be 40 lowercase hex characters derived from the resource's URN, got 42"],
  ])("rejects %p", (value, reason) => {
    expect(isCreationKey(value)).toBe(false);
    expect(creationKeyProblem(value)).toBe(reason);
  });

  it("accepts a derived key", () => {
    expect(creationKeyProblem(key(urn("dev", DCR_TYPE, "dcr")))).toBeUndefined();
  });
});

describe("effectiveCreationKey: the key check returns in each engine call sequence", () => {
  const base = key(urn("dev", DCR_TYPE, "dcr"));
  const s = successorCreationKey;

  it("first create and the rerun of an interrupted first create: empty olds, nothing remembered -> the base key", () => {
    expect(effectiveCreationKey(base, { inState: false }, undefined)).toEqual({ key: base });
  });

  it("a resource in state: the successor of its prior key, remembered for the replacement re-check", () => {
    expect(effectiveCreationKey(base, { inState: true, creationKey: base }, undefined)).toEqual({
      key: s(base),
      remember: s(base),
    });
    const prior = s(s(base));
    expect(effectiveCreationKey(base, { inState: true, creationKey: prior }, undefined)).toEqual({
      key: s(prior),
      remember: s(prior),
    });
  });

  it("a stack written before creation keys (no or malformed prior key): the successor of the base key", () => {
    for (const creationKey of [undefined, "6f1b7c2e-3d4a-4b5c-8d9e-0a1b2c3d4e5f", null]) {
      expect(effectiveCreationKey(base, { inState: true, creationKey }, undefined).key).toBe(s(base));
    }
  });

  it("the engine's empty-olds re-check of a non-targeted replacement: the remembered successor", () => {
    expect(effectiveCreationKey(base, { inState: false }, s(base))).toEqual({ key: s(base) });
  });

  it("rejects an invalid base key", () => {
    expect(() => effectiveCreationKey("x", { inState: false }, undefined)).toThrow("invalid base creation key");
  });
});

/** Simulates one plugin host process (one memory) running the engine's Check calls for one resource. */
function engineChecks(
  base: string,
  priorKey: string | undefined,
  sequence: "create" | "update" | "replace" | "targetedReplace",
) {
  const memory = new CreationKeyMemory();
  const check = (prior: Parameters<typeof checkCreationKey>[1]) => {
    const result = checkCreationKey(base, prior, memory);
    if (!("key" in result)) throw new Error(result.problem);
    return result.key;
  };
  if (sequence === "create") return check({ inState: false });
  const first = check({ inState: true, creationKey: priorKey });
  if (sequence === "update" || sequence === "targetedReplace") return first; // no second Check
  return check({ inState: false }); // step_generator: replace → Check(nil olds, goal inputs)
}

describe("checkCreationKey over the engine's call sequences (hazards of issue 13)", () => {
  const base = key(urn("dev", DCR_TYPE, "dcr"));

  it("a replacement (targeted or not) never carries the key of the object it replaces", () => {
    fc.assert(
      fc.property(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.boolean(), (createdAt, extraRuns, targeted) => {
        // The tracked object was created with the key at chain position `createdAt`; state has moved on since.
        const chain = [base];
        for (let i = 0; i < createdAt + extraRuns + 1; i++) chain.push(successorCreationKey(chain[i]!));
        const objectLabel = chain[createdAt]!;
        const stateKey = chain[createdAt + extraRuns]!;
        const replacementKey = engineChecks(base, stateKey, targeted ? "targetedReplace" : "replace");
        expect(replacementKey).not.toBe(objectLabel);
        expect(replacementKey).toBe(chain[createdAt + extraRuns + 1]);
      }),
    );
  });

  it("the rerun of an interrupted replacement derives the same key as the interrupted attempt", () => {
    const stateKey = successorCreationKey(base);
    expect(engineChecks(base, stateKey, "replace")).toBe(engineChecks(base, stateKey, "replace"));
    expect(engineChecks(base, stateKey, "targetedReplace")).toBe(engineChecks(base, stateKey, "replace"));
  });

  it("the rerun of an interrupted first create derives the same key in a new process", () => {
    expect(engineChecks(base, undefined, "create")).toBe(base);
    expect(engineChecks(base, undefined, "create")).toBe(base);
  });

  it("memory of one resource does not leak into another resource's first create", () => {
    const memory = new CreationKeyMemory();
    const other = key(urn("dev", DCR_TYPE, "other"));
    checkCreationKey(base, { inState: true, creationKey: base }, memory);
    expect(checkCreationKey(other, { inState: false }, memory)).toEqual({ key: other });
  });

  it("names the problem of a missing or forged base key instead of deriving from it", () => {
    const memory = new CreationKeyMemory();
    expect(checkCreationKey("forged", { inState: false }, memory)).toEqual({
      problem: 'must be 40 lowercase hex characters derived from the resource\'s URN, got "forged"',
    });
  });
});

describe("labels", () => {
  const k = key(urn("dev", DCR_TYPE, "dcr"));

  it("a create posts the declared labels plus the creation label", () => {
    expect(labelsWithCreationKey({ team: "idp" }, k)).toEqual({ team: "idp", [CREATION_LABEL_KEY]: k });
    expect(labelsWithCreationKey(undefined, k)).toEqual({ [CREATION_LABEL_KEY]: k });
  });

  it("an update keeps the label the object carries (a pre-key random id too), never a declared one", () => {
    const legacy = "6f1b7c2e-3d4a-4b5c-8d9e-0a1b2c3d4e5f";
    expect(labelsKeepingCreationKey({ team: "idp" }, { team: "old", [CREATION_LABEL_KEY]: k })).toEqual({
      team: "idp",
      [CREATION_LABEL_KEY]: k,
    });
    expect(labelsKeepingCreationKey(undefined, { [CREATION_LABEL_KEY]: legacy })).toEqual({
      [CREATION_LABEL_KEY]: legacy,
    });
    expect(labelsKeepingCreationKey({ [CREATION_LABEL_KEY]: "forged" }, {})).toEqual({});
    expect(labelsKeepingCreationKey({ a: "b" }, undefined)).toEqual({ a: "b" });
  });

  it("reads a creation key back from labels only when it is one", () => {
    expect(creationKeyFromLabels({ [CREATION_LABEL_KEY]: k })).toBe(k);
    expect(creationKeyFromLabels({ [CREATION_LABEL_KEY]: "6f1b7c2e-3d4a-4b5c-8d9e-0a1b2c3d4e5f" })).toBeUndefined();
    expect(creationKeyFromLabels(undefined)).toBeUndefined();
  });
});

describe("findByCreationKey", () => {
  const k = key(urn("dev", DCR_TYPE, "dcr"));
  type Candidate = { id: string; labels?: Record<string, string> };
  const object = (id: string, label?: string): Candidate => ({
    id,
    labels: label === undefined ? {} : { [CREATION_LABEL_KEY]: label },
  });

  it.each([
    ["no candidate", [], { found: "none" }],
    [
      "same name, other keys or none",
      [object("a", successorCreationKey(k)), object("b"), { id: "c" }],
      { found: "none" },
    ],
    ["one match among others", [object("a"), object("b", k)], { found: "one", object: object("b", k) }],
    ["two matches", [object("a", k), object("b", k)], { found: "many", ids: ["a", "b"] }],
  ] as [string, Candidate[], unknown][])("%s", (_label, candidates, expected) => {
    expect(findByCreationKey(candidates, k)).toEqual(expected);
  });
});

describe("unknownOutcomeMessage", () => {
  it("appends the hint to the cause", () => {
    expect(unknownOutcomeMessage("POST /v2/dcr-providers: socket hang up")).toBe(
      "POST /v2/dcr-providers: socket hang up; the object may exist; the next `up` will find it by its creation key",
    );
    expect(UNKNOWN_OUTCOME_HINT).toBe("the object may exist; the next `up` will find it by its creation key");
  });
});

describe("creationKeyInput (program side)", () => {
  beforeAll(async () => {
    await pulumi.runtime.setMocks(
      { newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: () => ({}) },
      "konnect-dcr",
      "dev",
      false,
      "acme",
    );
  });

  const resolve = <T>(output: pulumi.Output<T>) =>
    new Promise<T>((done) => {
      output.apply((value) => {
        done(value);
        return value;
      });
    });

  it("hashes the URN the engine will give the resource, with the organization", async () => {
    await expect(resolve(creationKeyInput(DCR_TYPE, "dcr"))).resolves.toBe(key(urn("dev", DCR_TYPE, "dcr"), "acme"));
  });

  it("includes a component parent's type chain", async () => {
    const parent = new pulumi.ComponentResource("my:index:Stack", "parent");
    await expect(resolve(creationKeyInput(DCR_TYPE, "dcr", parent))).resolves.toBe(
      key(urn("dev", `my:index:Stack$${DCR_TYPE}`, "dcr"), "acme"),
    );
  });
});

/**
 * The value rules a resource without a Konnect collection needed (`konnect/fieldTable.ts`): `json` (any JSON value,
 * for triggers) and `count` with an upper bound, checked through `checkTable` as every resource's `check` runs them.
 */
import type { FieldTable } from "../../../provider/konnect/fieldTable";
import { FailureList, PROTO_KEY_REASON, checkTable } from "../../../provider/resources/core/check";
import { UNKNOWN } from "../../../provider/resources/core/unknowns";

const TABLE = {
  triggers: { value: { kind: "json" }, effect: "update" },
  seconds: { value: { kind: "count", min: 1, max: 3600 }, effect: "update" },
} as const satisfies FieldTable;

function failures(props: Record<string, unknown>) {
  const f = new FailureList();
  checkTable(f, TABLE, props);
  return f.failures;
}

describe("json: any JSON value", () => {
  test.each<[string, unknown]>([
    ["a string", "v2"],
    ["a number", 42],
    ["a boolean", false],
    ["a list of mixed values", [1, "a", null, true, { b: [] }]],
    ["a nested object", { rotation: { at: "2026-01-01", secret: ["x", 2] }, empty: {} }],
    ["an object without prototype", Object.assign(Object.create(null) as object, { a: 1 })],
    ["unknown during preview", UNKNOWN],
    ["unknown inside a list", ["fixed", UNKNOWN]],
  ])("%s passes", (_name, triggers) => {
    expect(failures({ triggers })).toEqual([]);
  });

  test.each<[string, unknown, string, string]>([
    ["NaN", NaN, "triggers", "must be a finite number (a JSON value)"],
    ["Infinity in a list", [1, Infinity], "triggers.1", "must be a finite number (a JSON value)"],
    ["a function", () => 1, "triggers", "must be a JSON value"],
    ["a Date inside an object", { at: new Date(0) }, "triggers.at", "must be a JSON value"],
    ["undefined inside a list", ["a", undefined], "triggers.1", "must be a JSON value"],
  ])("%s fails at its path", (_name, triggers, property, reason) => {
    const [failure, ...more] = failures({ triggers });
    expect(more).toEqual([]);
    expect(failure!.property).toBe(property);
    expect(failure!.reason).toContain(reason);
  });

  it("refuses a __proto__ key at any depth, lists included", () => {
    const nested = JSON.parse('{"a":[{"__proto__":{"x":1}}]}') as unknown;
    expect(failures({ triggers: nested })).toEqual([{ property: "triggers.a[0].__proto__", reason: PROTO_KEY_REASON }]);
    const inList = JSON.parse('[{"__proto__":1}]') as unknown;
    expect(failures({ triggers: inList })).toEqual([{ property: "triggers[0].__proto__", reason: PROTO_KEY_REASON }]);
  });
});

describe("count with a maximum", () => {
  it("accepts whole numbers within the bounds", () => {
    expect(failures({ seconds: 1 })).toEqual([]);
    expect(failures({ seconds: 3600 })).toEqual([]);
  });

  test.each<[unknown, string]>([
    [0, "must be at least 1"],
    [3601, "must be at most 3600"],
    [1.5, "must be a whole number"],
    ["60", "must be a number"],
  ])("%p fails: %s", (seconds, reason) => {
    expect(failures({ seconds })).toEqual([{ property: "seconds", reason }]);
  });
});

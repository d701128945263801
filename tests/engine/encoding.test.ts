/**
 * Pure helpers: the engine's secret bookkeeping and placeholder resolution.
 */
import {
  annotateSecrets,
  secret,
  stripSecrets,
  UNKNOWN,
  type JsonValue,
  type PropertyMap,
} from "../../tools/engine/encoding";
import { placeholder, resolvePlaceholders, type PlaceholderLookup } from "../../tools/engine/programCapture";

describe("annotateSecrets", () => {
  const cases: [string, PropertyMap, PropertyMap, PropertyMap][] = [
    ["re-marks a key whose input was secret", { pw: "x", n: 1 }, { pw: secret("x") }, { pw: secret("x"), n: 1 }],
    ["leaves other keys plaintext", { token: "generated" }, { pw: secret("x") }, { token: "generated" }],
    [
      "recurses into objects",
      { cfg: { id: "a", secret: "s" } },
      { cfg: { id: "a", secret: secret("s") } },
      { cfg: { id: "a", secret: secret("s") } },
    ],
    [
      "marks a whole array if any element was secret",
      { list: ["a", "b"] },
      { list: ["a", secret("b")] },
      { list: secret(["a", "b"]) },
    ],
    ["keeps an output that is already secret", { pw: secret("y") }, { pw: secret("x") }, { pw: secret("y") }],
  ];
  it.each(cases)("%s", (_name, outs, ins, expected) => {
    expect(annotateSecrets(outs, ins)).toEqual(expected);
  });

  it("strips secrets deeply", () => {
    expect(stripSecrets({ a: secret({ b: secret("c") }), d: [secret(1)] })).toEqual({ a: { b: "c" }, d: [1] });
  });
});

describe("resolvePlaceholders", () => {
  const urn = "urn:pulumi:dev::p::pulumi-nodejs:dynamic/toy:Item::a";
  const values: Record<string, JsonValue> = { id: "item-1", name: "alpha", pw: secret("s"), later: UNKNOWN, n: 3 };
  const lookup: PlaceholderLookup = (u, property) => (u === urn ? values[property] : undefined);

  const cases: [string, JsonValue, JsonValue][] = [
    ["a whole placeholder becomes the value with its type", placeholder(urn, "n"), 3],
    [
      "an embedded placeholder is spliced in",
      `${placeholder(urn, "name")}_x-${placeholder(urn, "id")}`,
      "alpha_x-item-1",
    ],
    ["a secret referenced whole stays secret", placeholder(urn, "pw"), secret("s")],
    ["a secret spliced into a string makes it secret", `pw=${placeholder(urn, "pw")}`, secret("pw=s")],
    ["an unknown makes the whole string unknown", `id=${placeholder(urn, "later")}`, UNKNOWN],
    [
      "values nest in objects, arrays and secrets",
      { a: [placeholder(urn, "id")], b: secret(placeholder(urn, "pw")) },
      { a: ["item-1"], b: secret("s") },
    ],
    ["plain strings are untouched", "$ref{not a placeholder", "$ref{not a placeholder"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(resolvePlaceholders(input, lookup)).toEqual(expected);
  });

  it("rejects a dangling reference", () => {
    expect(() => resolvePlaceholders(placeholder("urn:pulumi:dev::p::t::gone", "id"), lookup)).toThrow(
      "dangling reference $ref{urn:pulumi:dev::p::t::gone#id}",
    );
  });
});

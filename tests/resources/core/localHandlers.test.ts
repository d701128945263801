/**
 * The factory's `local` strategies (core/handlerFactory.ts): a resource that talks to no Konnect API gets its six
 * handlers from a `LocalResourceDefinition`. Create and update run its work (update with the prior outputs); read and
 * delete run nothing and resolve no transport; no handler ever asks for a Konnect transport or region, even with no
 * Konnect settings at all; outputs carry no recorded location; diff follows the rows (update and replace rows, a code
 * change); check keeps the depth bound.
 */
import type { FieldTable } from "../../../provider/konnect/fieldTable";
import * as context from "../../../provider/resources/core/context";
import { MAX_INPUT_DEPTH, checkTable, startCheck } from "../../../provider/resources/core/check";
import { tableRules } from "../../../provider/resources/core/fieldRules";
import {
  resourceHandlers,
  type LocalResourceDefinition,
  type RunStep,
} from "../../../provider/resources/core/handlerFactory";

const TABLE = {
  /** Re-runs. */
  target: { value: { kind: "text", max: 64 }, required: "required: a target", effect: "update" },
  /** Replaces. */
  place: { value: { kind: "text", max: 64 }, effect: "replace" },
  /** Re-runs. */
  triggers: { value: { kind: "json" }, effect: "update" },
} as const satisfies FieldTable;

interface ToyInputs {
  target: string;
  place?: string;
  triggers?: unknown;
}
interface ToyOutputs extends ToyInputs {
  runs: number;
  lastStep: string;
}

const runs: { inputs: ToyInputs; step: RunStep<ToyOutputs> }[] = [];
let failNext: string | undefined;

const definition: LocalResourceDefinition<ToyInputs, ToyOutputs, { at: number }> = {
  noun: "toy",
  inputs: TABLE,
  subject: (props) => `toy ${props.target}`,
  check(news) {
    const { f, props, inputs } = startCheck(news);
    checkTable(f, TABLE, props);
    return { inputs, failures: f.failures };
  },
  rules: () => tableRules<ToyOutputs, ToyInputs, object>(TABLE),
  outputs: (declared, result, step) => ({
    ...declared,
    runs: result.at,
    lastStep: step.kind === "update" ? `update after ${step.olds.lastStep}` : "create",
  }),
  create: {
    kind: "local",
    idOf: (inputs) => `toy-${inputs.target}`,
    run(inputs, step) {
      runs.push({ inputs, step });
      if (failNext !== undefined) {
        const message = failNext;
        failNext = undefined;
        return Promise.reject(new Error(message));
      }
      return Promise.resolve({ at: runs.length });
    },
  },
  delete: { kind: "local" },
};
const handlers = resourceHandlers(definition);
const logs: string[] = [];

let transportFor: jest.SpyInstance;
let effectiveRegion: jest.SpyInstance;
beforeAll(() => {
  // No Konnect settings at all: a handler that resolved a transport or a region would have nothing to go on.
  context.setStackSettings({});
  context.setProviderLogSink((line) => logs.push(line));
  transportFor = jest.spyOn(context, "transportFor");
  effectiveRegion = jest.spyOn(context, "effectiveRegion");
});
afterAll(() => jest.restoreAllMocks());
beforeEach(() => {
  transportFor.mockClear();
  effectiveRegion.mockClear();
  runs.splice(0);
  logs.splice(0);
  failNext = undefined;
});
afterEach(() => {
  expect(transportFor).not.toHaveBeenCalled();
  expect(effectiveRegion).not.toHaveBeenCalled();
});

it("create runs the work once and returns outputs without a recorded location or creation key", async () => {
  const created = await handlers.create({ target: "a" });
  expect(created).toEqual({ id: "toy-a", outs: { target: "a", runs: 1, lastStep: "create" } });
  expect(runs).toEqual([{ inputs: { target: "a" }, step: { kind: "create" } }]);
  expect(logs).toEqual(["konnect: running toy a"]);
});

it("update runs the work again with the new inputs and the prior outputs", async () => {
  const olds: ToyOutputs = { target: "a", runs: 1, lastStep: "create" };
  const { outs } = await handlers.update("toy-a", olds, { target: "b", triggers: [1] });
  expect(outs).toEqual({ target: "b", triggers: [1], runs: 1, lastStep: "update after create" });
  expect(runs).toEqual([{ inputs: { target: "b", triggers: [1] }, step: { kind: "update", olds } }]);
});

it("a failing run fails create and update with its own error", async () => {
  failNext = "the work failed";
  await expect(handlers.create({ target: "a" })).rejects.toThrow("the work failed");
  failNext = "again";
  await expect(
    handlers.update("toy-a", { target: "a", runs: 1, lastStep: "create" }, { target: "a", triggers: 2 }),
  ).rejects.toThrow("again");
});

it("read hands back the stored outputs and their declared-input view, running nothing", async () => {
  const props: ToyOutputs = { target: "a", place: "p", triggers: { v: 1 }, runs: 3, lastStep: "create" };
  expect(await handlers.read("toy-a", props)).toEqual({
    id: "toy-a",
    props,
    inputs: { target: "a", place: "p", triggers: { v: 1 } },
  });
  expect(runs).toEqual([]);
  expect(() => handlers.read("toy-a")).toThrow(/pulumi import is not supported for this resource/);
});

it("delete runs nothing and says so in the log", async () => {
  await handlers.delete("toy-a", { target: "a", runs: 1, lastStep: "create" });
  expect(runs).toEqual([]);
  expect(logs).toEqual(["konnect: forgetting toy a: nothing outside Pulumi to delete"]);
});

describe("diff follows the rows", () => {
  const olds = { target: "a", place: "p", triggers: [1, { x: "y" }], runs: 1, lastStep: "create", __provider: "code" };
  const diff = (news: Record<string, unknown>) =>
    handlers.diff("toy-a", olds, { __provider: "code", ...news } as unknown as ToyInputs);

  it("no change", async () => {
    expect(await diff({ target: "a", place: "p", triggers: [1, { x: "y" }] })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("an update row changes in place; a replace row replaces", async () => {
    expect(await diff({ target: "b", place: "p", triggers: [1, { x: "y" }] })).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(await diff({ target: "a", place: "p", triggers: [1, { x: "z" }] })).toMatchObject({
      changes: true,
      replaces: [],
    });
    expect(await diff({ target: "a", place: "q", triggers: [1, { x: "y" }] })).toMatchObject({
      changes: true,
      replaces: ["place"],
    });
  });

  it("a code change alone is a change", async () => {
    const news = { __provider: "new code", target: "a", place: "p", triggers: [1, { x: "y" }] };
    expect(await handlers.diff("toy-a", olds, news as unknown as ToyInputs)).toMatchObject({
      changes: true,
      replaces: [],
    });
  });
});

it("check runs the definition's rules after the input depth bound", async () => {
  const check = (news: Record<string, unknown>) => handlers.check({} as ToyInputs, news as unknown as ToyInputs);
  expect(await check({ target: "a", __provider: "code" })).toEqual({
    inputs: { target: "a", __provider: "code" },
    failures: [],
  });
  expect((await check({})).failures).toEqual([{ property: "target", reason: "required: a target" }]);
  let deep: unknown = "leaf";
  for (let i = 0; i <= MAX_INPUT_DEPTH; i++) deep = [deep];
  expect((await check({ target: "a", triggers: deep })).failures).toEqual([
    {
      property: expect.stringMatching(/^triggers/) as unknown,
      reason: expect.stringMatching(/nested more than 32 levels deep/) as unknown,
    },
  ]);
});

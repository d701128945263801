/** examples/multi-region under mocks: one Azure app, a DCR provider and auth strategy per region, same credentials. */
import * as pulumi from "@pulumi/pulumi";
import { guidFrom, reveal, TYPES, type AzureMocks } from "./azureMocks";
import { valueOf } from "./helpers";
import { runExample } from "./rootProgram";

let mocks: AzureMocks;
let outputs: Record<string, unknown>;

beforeAll(async () => {
  ({ mocks, outputs } = await runExample("multi-region", "konnect-dcr-multi-region"));
  const ids = await valueOf(pulumi.output(outputs.authStrategyIds as Record<string, pulumi.Output<string>>));
  expect(Object.keys(ids)).toEqual(["us", "eu"]);
});

test("one Azure app with consent, a DCR provider and an auth strategy in us and in eu", () => {
  expect(mocks.errors).toEqual([]);
  expect(mocks.ofType(TYPES.application)).toHaveLength(1);
  expect(mocks.ofType(TYPES.appRoleAssignment)).toHaveLength(1);
  const providers = mocks.ofType(TYPES.dcrProvider).map((r) => reveal<Record<string, unknown>>(r.inputs));
  expect(providers.map((p) => [p.name, p.region, p.labels]).sort()).toEqual([
    ["azure-dcr-eu", "eu", { "managed-by": "pulumi", region: "eu" }],
    ["azure-dcr-us", "us", { "managed-by": "pulumi", region: "us" }],
  ]);
  const secret = mocks.get(TYPES.applicationPassword, "konnect-dcr-secret").state.value;
  for (const p of providers) {
    expect(p.dcrConfig).toEqual({ initialClientId: guidFrom("client:konnect-dcr-app"), initialClientSecret: secret });
  }
  expect(
    mocks
      .ofType(TYPES.authStrategy)
      .map((r) => r.inputs.region)
      .sort(),
  ).toEqual(["eu", "us"]);
});

/**
 * The root stack with Dev Portal config: `publications` entries and `defaultForPortals` reach the component, the
 * children use the stack's strategy, and `nextSteps` no longer asks for a publication by hand.
 */
import type * as pulumi from "@pulumi/pulumi";
import { guidFrom, reveal, TYPES, type AzureMocks } from "./azureMocks";
import { valueOf } from "./helpers";
import { runRootProgram, type RootOutputs } from "./rootProgram";

const API = "9f5061ce-78f6-4452-9108-ad7c02821fd5";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const PORTAL_2 = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f70819";
let outputs: RootOutputs;
let mocks: AzureMocks;

beforeAll(async () => {
  ({ outputs, mocks } = await runRootProgram({
    "konnect:token": "kpat_test",
    "konnect:region": "eu",
    publications: JSON.stringify([
      `${API}/${PORTAL}?visibility=public&autoApproveRegistrations=true`,
      `${API}/${PORTAL_2}`,
    ]),
    defaultForPortals: JSON.stringify([PORTAL]),
  }));
  await Promise.all(Object.values(outputs).map((o) => valueOf(o as pulumi.Output<unknown>)));
});

test("publications and the portal default use the stack's strategy", async () => {
  expect(mocks.errors).toEqual([]);
  const strategyId = guidFrom(`${TYPES.authStrategy}:azure-dcr-auth-strategy`);
  const inputs = (type: string, name: string) => {
    const { __provider, ...rest } = reveal<Record<string, unknown>>(mocks.get(type, name).inputs);
    expect(typeof __provider).toBe("string");
    return rest;
  };
  expect(inputs(TYPES.apiPublication, `azure-dcr-publication-${API}-${PORTAL}`)).toEqual({
    apiId: API,
    portalId: PORTAL,
    authStrategyIds: [strategyId],
    visibility: "public",
    autoApproveRegistrations: true,
  });
  expect(inputs(TYPES.apiPublication, `azure-dcr-publication-${API}-${PORTAL_2}`)).toEqual({
    apiId: API,
    portalId: PORTAL_2,
    authStrategyIds: [strategyId],
  });
  expect(inputs(TYPES.portalDefault, `azure-dcr-portal-default-${PORTAL}`)).toEqual({
    portalId: PORTAL,
    authStrategyId: strategyId,
  });
  expect(await valueOf(outputs.publicationIds)).toEqual([`${API}/${PORTAL}`, `${API}/${PORTAL_2}`]);
});

test("next steps start in the Dev Portal: nothing left to publish by hand", async () => {
  const steps = (await valueOf(outputs.nextSteps)).split("\n");
  expect(steps).toHaveLength(2);
  expect(steps[0]).toBe(
    "1. In the Dev Portal, open a published API, choose Use this API and create an application with this auth strategy; Konnect registers it in Azure AD.",
  );
  expect(steps.join("\n")).not.toMatch(/PUT|publications\[0\]/);
});

/**
 * The stacks the upgrade recorder writes, each a frozen program of its own under tests/upgrade/programs/<scenario>/
 * (importing only the package's public entry, `pulumi-konnect-dcr`), its stack config (with placeholders, see
 * placeholders.ts),
 * the secrets it handles and what Konnect holds before the stack exists (portals, APIs, a previous portal default:
 * managed elsewhere, fixed ids). Together they cover every resource and the component:
 *
 * | scenario | program | covers |
 * |---|---|---|
 * | root-stack | root-stack/ (the root program examples/azure-dcr as of 0.1.0, its config parsing and Azure mocks) | AzureKonnectDcr: Azure app (mocked), azureAd DCR provider, OIDC strategy with dcrProviderId, a public publication, a portal default over a previous one |
 * | azure-dcr-eu | azure-dcr-eu/ | azureAd with initialClientId/Secret, verify on, region set (eu), OIDC strategy with additionalProperties |
 * | dev-portal | dev-portal/ | two key_auth strategies, a publication with `[id]`, PortalDefaultAuthStrategy declared directly |
 * | resource-variants | resource-variants/ | okta with dcrToken; http with dcrBaseUrl, apiKey and flags; kongIdentity; labels; OIDC strategies with dcrProviderId, `scopes: []`, additionalProperties; key_auth with keyNames and ttl; publications with `[id]` + visibility + autoApproveRegistrations, `[]`, and authStrategyIds absent |
 *
 * Scenario programs are frozen once recorded (replay checks their sha256): they are copies, never the examples or the
 * engine scenarios, which evolve with the code; a program a recording uses is never edited (a new variant gets a new
 * program). Each scenario is a stack of its own and costs
 * a program run and four plugin hosts per replay, so new variants go into an existing program's successor rather than
 * into new small stacks.
 */
import type { StackConfig } from "../engine/providerClient";
import type { EmulatorControl } from "../emulator/emulator";
import { KEY_AUTH_BODY } from "../emulator/sampleBodies";
import { AZURE_REPLACE_KEYS, ROOT_PROJECT } from "../demo/rootStack";
import { DEMO_API_ID, DEMO_PORTAL_ID } from "../demo/demo";
import type { SecretSpec } from "./fixture";
import { EMULATOR_URL, secretPlaceholder } from "./placeholders";

/** One stack the recorder writes. */
export interface ScenarioDefinition {
  /** Directory name (kebab-case). */
  name: string;
  /** What it covers, for people (also written to scenario.json). */
  covers: string[];
  /** The program, relative to the repository root. */
  program: string;
  project: string;
  /** Stack config with placeholders (`<emulator-url>`, `<secret:NAME>`). */
  config: StackConfig;
  /** Mocks of the non-Konnect resources (repository-relative module). */
  mocks?: { module: string; exportName?: string };
  simulatedReplaceKeys?: Record<string, string[] | "*">;
  secrets: SecretSpec[];
  /** Stores what exists in Konnect before the stack does. */
  seed?(emulator: EmulatorControl): void;
}

/** A scenario's frozen program directory, relative to the repository root. */
const programs = (scenario: string, file = "index.ts"): string => `tests/upgrade/programs/${scenario}/${file}`;

/** The Konnect connection every scenario uses: the emulator (every region under its URL) and a secret token. */
const KONNECT: StackConfig = {
  "konnect:token": { secret: secretPlaceholder("konnect:token") },
  "konnect:serverUrl": `${EMULATOR_URL}/{region}`,
};
const TOKEN_SECRET: SecretSpec = { name: "konnect:token", source: { sample: "konnect:token" } };

/** A Dev Portal whose default strategy is a key-auth strategy made outside the stack (what destroy restores). */
function seedPortalWithDefault(emulator: EmulatorControl, portalId: string, strategyId: string): void {
  emulator.seedAuthStrategy({ ...KEY_AUTH_BODY, name: "portal-key-auth" }, { id: strategyId });
  emulator.seedPortal({ name: "developer-portal", default_application_auth_strategy_id: strategyId }, { id: portalId });
}

const ROOT_PREVIOUS_DEFAULT = "3b8e2f41-6c1d-4a7e-9f20-5d4c3b2a1f00";
const PORTAL = "7710d5c4-d902-410b-992f-18b814155b53";
const PORTAL_PREVIOUS_DEFAULT = "c41e7a2b-93d5-4f86-a1b0-2e3f4a5b6c7d";
const APIS = [
  "9f5061ce-78f6-4452-9108-ad7c02821fd5",
  "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
  "e2a7c9d1-5b3f-4e8a-9c6d-1f0e2d3c4b5a",
] as const;

/** Every scenario, in recording order. */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  {
    name: "root-stack",
    covers: [
      "AzureKonnectDcr component through the root program examples/azure-dcr (Azure answered by the demo's mocks)",
      "azureAd DcrProvider from the Azure app's client id and secret, verify off, region unset",
      "openid_connect AuthStrategy with dcrProviderId",
      "ApiPublication (visibility public) and PortalDefaultAuthStrategy replacing a previous portal default",
      "a fixed secretEndDate: the default rotation schedule follows today's date, which a replay must not",
    ],
    program: programs("root-stack"),
    project: ROOT_PROJECT,
    config: {
      ...KONNECT,
      [`${ROOT_PROJECT}:publications`]: JSON.stringify([`${DEMO_API_ID}/${DEMO_PORTAL_ID}?visibility=public`]),
      [`${ROOT_PROJECT}:defaultForPortals`]: JSON.stringify([DEMO_PORTAL_ID]),
      [`${ROOT_PROJECT}:secretEndDate`]: "2031-01-31T00:00:00Z",
    },
    mocks: { module: programs("root-stack", "azureMocks.ts"), exportName: "createAzureMocks" },
    simulatedReplaceKeys: AZURE_REPLACE_KEYS,
    secrets: [
      TOKEN_SECRET,
      { name: "azure:clientSecret", source: { simulated: { resource: "azure-dcr-azure-secret", output: "value" } } },
    ],
    seed(emulator) {
      seedPortalWithDefault(emulator, DEMO_PORTAL_ID, ROOT_PREVIOUS_DEFAULT);
      emulator.seedApi({ name: "Orders API", version: "v1" }, { id: DEMO_API_ID });
    },
  },
  {
    name: "azure-dcr-eu",
    covers: [
      "azureAd DcrProvider with initialClientId and initialClientSecret, verify on, region eu",
      "openid_connect AuthStrategy with additionalProperties, no DCR provider link",
    ],
    program: programs("azure-dcr-eu"),
    project: "scenario",
    config: {
      ...KONNECT,
      "scenario:verify": "true",
      "scenario:region": "eu",
      "scenario:withStrategy": "true",
      "scenario:clientSecret": { secret: secretPlaceholder("scenario:clientSecret") },
    },
    secrets: [TOKEN_SECRET, { name: "scenario:clientSecret", source: { sample: "scenario:clientSecret" } }],
  },
  {
    name: "dev-portal",
    covers: [
      "two key_auth AuthStrategies (keyNames)",
      "ApiPublication with authStrategyIds [id]",
      "PortalDefaultAuthStrategy declared directly, replacing a previous portal default",
    ],
    program: programs("dev-portal"),
    project: "scenario",
    config: { ...KONNECT, "scenario:apiId": APIS[0], "scenario:portalId": PORTAL },
    secrets: [TOKEN_SECRET],
    seed(emulator) {
      seedPortalWithDefault(emulator, PORTAL, PORTAL_PREVIOUS_DEFAULT);
      emulator.seedApi({ name: "Orders API", version: "v1" }, { id: APIS[0] });
    },
  },
  {
    name: "resource-variants",
    covers: [
      "okta DcrProvider with dcrToken (secret stack config) and labels, region unset",
      "http DcrProvider with dcrBaseUrl, apiKey (secret stack config), disableEventHooks, allowMultipleCredentials, labels, verify false",
      "kongIdentity DcrProvider without dcrConfig",
      "openid_connect AuthStrategies with dcrProviderId: scopes [] (okta); additionalProperties and labels (http)",
      "key_auth AuthStrategy with keyNames, ttl and labels",
      "ApiPublication with [id] + visibility public + autoApproveRegistrations, with [], and with authStrategyIds absent",
    ],
    program: programs("resource-variants"),
    project: "upgrade-variants",
    config: {
      ...KONNECT,
      "variants:portalId": PORTAL,
      "variants:apiIds": JSON.stringify(APIS),
      "variants:oktaApiToken": { secret: secretPlaceholder("okta:apiToken") },
      "variants:httpApiKey": { secret: secretPlaceholder("http:apiKey") },
    },
    secrets: [
      TOKEN_SECRET,
      { name: "okta:apiToken", source: { sample: "okta:apiToken" } },
      { name: "http:apiKey", source: { sample: "http:apiKey" } },
    ],
    seed(emulator) {
      seedPortalWithDefault(emulator, PORTAL, PORTAL_PREVIOUS_DEFAULT);
      const names = ["Orders API", "Billing API", "Status API"];
      APIS.forEach((id, i) => emulator.seedApi({ name: names[i], version: "v1" }, { id }));
    },
  },
];

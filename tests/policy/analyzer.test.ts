/**
 * Loads the policy pack the way the Pulumi CLI loads it (child process running @pulumi/pulumi's run-policy-pack in
 * the pack directory) and talks to it over the Analyzer gRPC protocol: GetAnalyzerInfo, Configure, Analyze and
 * AnalyzeStack with non-compliant resources, asserting the diagnostics the CLI would print.
 */
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { unary, startPack, type RunningPack } from "./analyzerProcess";
import { ISSUER, TENANT } from "./fixtures";
import { UNKNOWN_STRING } from "./harness";

const DCR = "pulumi-nodejs:dynamic/konnect:DcrProvider";
const STRATEGY = "pulumi-nodejs:dynamic/konnect:AuthStrategy";
const PUBLICATION = "pulumi-nodejs:dynamic/konnect:ApiPublication";
const PORTAL_DEFAULT = "pulumi-nodejs:dynamic/konnect:PortalDefaultAuthStrategy";
const urn = (stack: string, type: string, name: string) => `urn:pulumi:${stack}::konnect-dcr::${type}::${name}`;
const L = pb.EnforcementLevel;

let pack: RunningPack;

beforeAll(async () => {
  pack = await startPack();
}, 180_000);

afterAll(async () => {
  await pack?.stop();
});

function options(protect: boolean): pb.AnalyzerResourceOptions {
  return new pb.AnalyzerResourceOptions().setProtect(protect);
}

/** A resource of the `dev` stack as AnalyzeStack receives it (unprotected, with these properties). */
function stackResource(type: string, name: string, properties: Record<string, unknown>): pb.AnalyzerResource {
  return new pb.AnalyzerResource()
    .setType(type)
    .setName(name)
    .setUrn(urn("dev", type, name))
    .setOptions(options(false))
    .setProperties(Struct.fromJavaScript(properties as Parameters<typeof Struct.fromJavaScript>[0]));
}

function diagnostics(res: pb.AnalyzeResponse) {
  return res
    .getDiagnosticsList()
    .map((d) => ({
      policy: d.getPolicyname(),
      level: d.getEnforcementlevel(),
      message: d.getMessage(),
      urn: d.getUrn(),
      pack: `${d.getPolicypackname()}@${d.getPolicypackversion()}`,
    }))
    .sort((a, b) => a.policy.localeCompare(b.policy));
}

const badProvider = () =>
  new pb.AnalyzeRequest()
    .setType(DCR)
    .setName("portal-dcr")
    .setUrn(urn("prod", DCR, "portal-dcr"))
    .setOptions(options(false))
    .setProperties(
      Struct.fromJavaScript({
        name: "Azure DCR",
        providerType: "azureAd",
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        dcrConfig: { initialClientId: "c1", initialClientSecret: "s" },
        __provider: "exports.handler = ...",
      }),
    );

describe("policy pack loaded like the Pulumi CLI loads it", () => {
  it("GetAnalyzerInfo lists the pack and every policy with its enforcement level", async () => {
    const info = await unary<pb.AnalyzerInfo>((cb) => pack.client.getAnalyzerInfo(new Empty(), cb));
    expect(info.getName()).toBe("konnect-azure-dcr");
    expect(info.getVersion()).toBe("0.1.0");
    expect(info.getSupportsconfig()).toBe(true);
    expect(info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()])).toEqual([
      ["konnect-dcr-issuer-v1", L.MANDATORY],
      ["konnect-strategy-azure-claims", L.MANDATORY],
      ["azure-graph-no-readwrite-all", L.ADVISORY],
      ["azure-graph-ownedby-required", L.MANDATORY],
      ["azure-secret-expiry-rotation", L.MANDATORY],
      ["azure-admin-app-token-v1", L.MANDATORY],
      ["konnect-ownership-label", L.ADVISORY],
      ["konnect-dcr-protect-production", L.MANDATORY],
      ["konnect-strategy-same-region", L.MANDATORY],
      ["konnect-publication-public-auth", L.ADVISORY],
      ["konnect-test-client-owned-by-dcr-admin", L.MANDATORY],
      ["konnect-test-application-production", L.ADVISORY],
    ]);
    const secret = info.getPoliciesList().find((p) => p.getName() === "azure-secret-expiry-rotation");
    expect(Object.keys(secret?.getConfigschema()?.getProperties()?.toJavaScript() ?? {}).sort()).toEqual([
      "maxValidityDays",
      "suppressions",
    ]);
    const region = info.getPoliciesList().find((p) => p.getName() === "konnect-strategy-same-region");
    expect(region?.getConfigschema()?.getProperties()?.toJavaScript()?.["defaultRegion"]).toEqual({
      type: "string",
      enum: ["us", "eu", "au", "me", "in", "sg"],
      description:
        "The stack's default Konnect region (konnect:region, else KONNECT_REGION, else us), for resources that do not set region.",
    });
  });

  it("Analyze reports every violation of a non-compliant DCR provider", async () => {
    const res = await unary<pb.AnalyzeResponse>((cb) => pack.client.analyze(badProvider(), cb));
    expect(diagnostics(res)).toEqual([
      {
        policy: "konnect-dcr-issuer-v1",
        level: L.MANDATORY,
        message: `Azure DCR providers use the Azure v1 issuer https://sts.windows.net/<tenant GUID> without a trailing slash: Konnect DCR accepts v1 tokens only.\nissuer "https://login.microsoftonline.com/${TENANT}/v2.0" is the Azure v2 issuer: Konnect DCR supports v1 tokens only, use "https://sts.windows.net/${TENANT}".`,
        urn: "",
        pack: "konnect-azure-dcr@0.1.0",
      },
      {
        policy: "konnect-dcr-protect-production",
        level: L.MANDATORY,
        message:
          'In production stacks, Konnect DCR providers set the resource option protect: true: deleting one breaks every developer application registered through it.\nstack "prod" matches the production pattern /prod/ but this DCR provider is not protected: set the resource option protect: true.',
        urn: "",
        pack: "konnect-azure-dcr@0.1.0",
      },
      {
        policy: "konnect-ownership-label",
        level: L.ADVISORY,
        message:
          'Konnect DCR providers and auth strategies carry an ownership label: Konnect has no owner field and names are not unique.\nlabels has no "managed-by" label: add one naming the stack or team that owns this object.',
        urn: "",
        pack: "konnect-azure-dcr@0.1.0",
      },
    ]);
  });

  it("Analyze of a compliant, protected provider reports nothing", async () => {
    const req = badProvider()
      .setOptions(options(true))
      .setProperties(
        Struct.fromJavaScript({
          name: "Azure DCR",
          providerType: "azureAd",
          issuer: ISSUER,
          labels: { "managed-by": "ci" },
        }),
      );
    expect(diagnostics(await unary<pb.AnalyzeResponse>((cb) => pack.client.analyze(req, cb)))).toEqual([]);
  });

  it("AnalyzeStack ties a strategy to its provider through property dependencies (id unknown in preview)", async () => {
    const provider = stackResource(DCR, "portal-dcr", { providerType: "azureAd", issuer: ISSUER });
    const strategy = stackResource(STRATEGY, "portal-strategy", {
      strategyType: "openid_connect",
      dcrProviderId: UNKNOWN_STRING,
      openidConnect: { issuer: ISSUER, credentialClaim: ["azp"], scopes: ["openid"], authMethods: ["bearer"] },
    });
    strategy
      .getPropertydependenciesMap()
      .set("dcrProviderId", new pb.AnalyzerPropertyDependencies().setUrnsList([provider.getUrn()]));
    const res = await unary<pb.AnalyzeResponse>((cb) =>
      pack.client.analyzeStack(new pb.AnalyzeStackRequest().setResourcesList([provider, strategy]), cb),
    );
    expect(diagnostics(res)).toEqual([
      {
        policy: "konnect-strategy-azure-claims",
        level: L.MANDATORY,
        message:
          'Auth strategies that use an Azure DCR provider set credentialClaim ["appid"] and the same issuer as the provider: Azure v1 tokens carry the client id in appid.\nauth strategy "portal-strategy" uses Azure DCR provider "portal-dcr" but openidConnect.credentialClaim is ["azp"]: set it to ["appid"].',
        urn: strategy.getUrn(),
        pack: "konnect-azure-dcr@0.1.0",
      },
    ]);
  });

  it("AnalyzeStack checks a publication's region against its strategy's and a public publication without auth", async () => {
    const strategy = stackResource(STRATEGY, "portal-strategy", {
      strategyType: "openid_connect",
      region: "us",
      labels: { "managed-by": "ci" },
      openidConnect: { issuer: ISSUER, credentialClaim: ["appid"], scopes: ["openid"], authMethods: ["bearer"] },
    });
    const publication = (name: string, props: Record<string, unknown>) =>
      stackResource(PUBLICATION, name, { apiId: "api-1", portalId: "portal-1", visibility: "public", ...props });
    const withStrategy = publication("orders-in-portal", { authStrategyIds: [UNKNOWN_STRING], region: "eu" });
    withStrategy
      .getPropertydependenciesMap()
      .set("authStrategyIds", new pb.AnalyzerPropertyDependencies().setUrnsList([strategy.getUrn()]));
    const open = publication("status-in-portal", { authStrategyIds: [] });
    const res = await unary<pb.AnalyzeResponse>((cb) =>
      pack.client.analyzeStack(new pb.AnalyzeStackRequest().setResourcesList([strategy, withStrategy, open]), cb),
    );
    expect(diagnostics(res)).toEqual([
      {
        policy: "konnect-publication-public-auth",
        level: L.ADVISORY,
        message:
          'Public API publications require application auth: with no auth strategy, anyone who can open the portal uses the API without registering an application.\nAPI publication "status-in-portal" is public and has authStrategyIds []: the API requires no application auth, so developers use it without registering an application. Set authStrategyIds to the DCR strategy, make it private, or suppress this rule with the reason the API is open.',
        urn: open.getUrn(),
        pack: "konnect-azure-dcr@0.1.0",
      },
      {
        policy: "konnect-strategy-same-region",
        level: L.MANDATORY,
        message:
          'API publications and portal defaults are in the same Konnect region as the auth strategy they use: Konnect objects are regional and a strategy from another region does not exist there.\nAPI publication "orders-in-portal" is in region "eu" but its auth strategy "portal-strategy" is in region "us": Konnect objects are regional, so the strategy does not exist there; use the same region for both.',
        urn: withStrategy.getUrn(),
        pack: "konnect-azure-dcr@0.1.0",
      },
    ]);
  });

  it("AnalyzeStack passes dependsOn through: a publication on the portal default is checked for ordering", async () => {
    const portalDefault = stackResource(PORTAL_DEFAULT, "portal-default", {
      portalId: "portal-1",
      authStrategyId: "strategy-1",
    });
    const publication = (name: string) =>
      stackResource(PUBLICATION, name, { apiId: "api-1", portalId: "portal-1", visibility: "public" });
    const ordered = publication("ordered-in-portal").setDependenciesList([portalDefault.getUrn()]);
    const racing = publication("racing-in-portal");
    const res = await unary<pb.AnalyzeResponse>((cb) =>
      pack.client.analyzeStack(new pb.AnalyzeStackRequest().setResourcesList([portalDefault, ordered, racing]), cb),
    );
    expect(diagnostics(res).map((d) => [d.policy, d.level, d.urn])).toEqual([
      ["konnect-publication-public-auth", L.ADVISORY, racing.getUrn()],
    ]);
  });

  it("Configure applies policy config: label key, enforcement level and a suppression with a reason", async () => {
    const config = new pb.ConfigureAnalyzerRequest();
    config
      .getPolicyconfigMap()
      .set(
        "konnect-ownership-label",
        new pb.PolicyConfig()
          .setEnforcementlevel(L.MANDATORY)
          .setProperties(Struct.fromJavaScript({ labelKey: "owner" })),
      )
      .set(
        "konnect-dcr-protect-production",
        new pb.PolicyConfig().setEnforcementlevel(L.MANDATORY).setProperties(
          Struct.fromJavaScript({
            suppressions: [{ resource: "portal-dcr", reason: "Short-lived prod rehearsal stack." }],
          }),
        ),
      );
    await unary<Empty>((cb) => pack.client.configure(config, cb));
    const res = diagnostics(await unary<pb.AnalyzeResponse>((cb) => pack.client.analyze(badProvider(), cb)));
    expect(res.map((d) => [d.policy, d.level, d.message.split("\n")[1]])).toEqual([
      [
        "konnect-dcr-issuer-v1",
        L.MANDATORY,
        `issuer "https://login.microsoftonline.com/${TENANT}/v2.0" is the Azure v2 issuer: Konnect DCR supports v1 tokens only, use "https://sts.windows.net/${TENANT}".`,
      ],
      [
        "konnect-ownership-label",
        L.MANDATORY,
        'labels has no "owner" label: add one naming the stack or team that owns this object.',
      ],
    ]);
  });
});

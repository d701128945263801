/**
 * Docs reach the IDE: the TypeScript checker is driven over every exported argument type of the package (each
 * resource's and component's `…Args`, and every object type nested in them), and every property must carry
 * documentation, as an IDE hover shows it. For the resources, whose properties come from their input tables, the text
 * must also say what a change does, as the row's effect has it.
 */
import * as path from "node:path";
import * as ts from "typescript";
import type { FieldTable } from "../../provider/konnect/fieldTable";
import { API_PUBLICATION_INPUTS } from "../../provider/resources/apiPublication/inputs";
import { APPLICATION_REGISTRATION_INPUTS } from "../../provider/resources/applicationRegistration/inputs";
import { AUTH_STRATEGY_INPUTS } from "../../provider/resources/authStrategy/inputs";
import { DCR_PROVIDER_INPUTS } from "../../provider/resources/dcrProvider/inputs";
import { DCR_REQUEST_CHECK_INPUTS } from "../../provider/resources/dcrRequestCheck/inputs";
import { PORTAL_APPLICATION_INPUTS } from "../../provider/resources/portalApplication/inputs";
import { PORTAL_DEFAULT_INPUTS } from "../../provider/resources/portalDefaultAuthStrategy/inputs";
import { PORTAL_TEAM_INPUTS } from "../../provider/resources/portalTeam/inputs";

const ROOT = path.resolve(__dirname, "../..");
const INDEX = path.join(ROOT, "provider/index.ts");

/** The input table behind each resource's arguments. */
const RESOURCE_TABLES: Record<string, FieldTable> = {
  DcrProviderArgs: DCR_PROVIDER_INPUTS,
  AuthStrategyArgs: AUTH_STRATEGY_INPUTS,
  ApiPublicationArgs: API_PUBLICATION_INPUTS,
  PortalDefaultAuthStrategyArgs: PORTAL_DEFAULT_INPUTS,
  PortalTeamArgs: PORTAL_TEAM_INPUTS,
  PortalApplicationArgs: PORTAL_APPLICATION_INPUTS,
  ApplicationRegistrationArgs: APPLICATION_REGISTRATION_INPUTS,
  DcrRequestCheckArgs: DCR_REQUEST_CHECK_INPUTS,
};

/** What the docs of an input with each effect must say. */
const EFFECT_WORDS = {
  replace: /replace/i,
  update: /in place|updates|PATCH|PUT/i,
  local: /changes nothing|nothing in Konnect/i,
};

/** The checker over the package entry, and its exports (built once, when the test file loads). */
const { checker, exported } = (() => {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const program = ts.createProgram([INDEX], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!;
  const exported = new Map(checker.getExportsOfModule(module).map((s) => [s.getName(), s]));
  return { checker, exported };
})();

/** The documentation an IDE hover shows for a property. */
function docsOf(property: ts.Symbol): string {
  return ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
}

/** Object types declared in this repository that a property type leads to (through Inputs, Outputs, arrays, unions). */
function nestedTypes(type: ts.Type, seen: Set<ts.Type>): ts.Type[] {
  if (seen.has(type)) return [];
  seen.add(type);
  if (type.isUnion() || type.isIntersection()) return type.types.flatMap((t) => nestedTypes(t, seen));
  const typeArguments = checker.getTypeArguments(type as ts.TypeReference) ?? [];
  const aliasArguments = type.aliasTypeArguments ?? [];
  const own = ownObject(type) ? [type] : [];
  return [...own, ...[...typeArguments, ...aliasArguments].flatMap((t) => nestedTypes(t, seen))];
}

/** True for an object type with properties declared in this repository (not the SDK's Output or Promise). */
function ownObject(type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  const properties = checker.getPropertiesOfType(type);
  return (
    properties.length > 0 &&
    properties.every((p) =>
      (p.getDeclarations() ?? []).some((d) => !d.getSourceFile().fileName.includes("node_modules")),
    )
  );
}

/** Every property path under an exported type, with its docs. */
function documentedProperties(name: string): { path: string; docs: string }[] {
  const symbol = exported.get(name);
  if (!symbol) throw new Error(`${name} is not exported by the package`);
  const found: { path: string; docs: string }[] = [];
  const seen = new Set<ts.Type>();
  const pending: { type: ts.Type; prefix: string }[] = [{ type: checker.getDeclaredTypeOfSymbol(symbol), prefix: "" }];
  while (pending.length > 0) {
    const { type, prefix } = pending.pop()!;
    for (const property of checker.getPropertiesOfType(type)) {
      const path = `${prefix}${property.getName()}`;
      found.push({ path, docs: docsOf(property) });
      const propertyType = checker.getTypeOfSymbol(property);
      for (const nested of nestedTypes(propertyType, seen)) pending.push({ type: nested, prefix: `${path}.` });
    }
  }
  return found;
}

/** Every exported argument type of a resource or component. */
function argumentTypes(): string[] {
  return [...exported.keys()].filter((name) => /Args$/.test(name) || name === "AzureKonnectDcrPublication").sort();
}

describe("every exported argument type documents every property, nested objects included", () => {
  it("finds the argument types of every resource and component", () => {
    expect(argumentTypes()).toEqual(
      expect.arrayContaining([
        "ApiPublicationArgs",
        "AuthStrategyArgs",
        "AzureDcrAdminAppArgs",
        "AzureKonnectDcrArgs",
        "AzureKonnectDcrPublication",
        "DcrConfigArgs",
        "DcrProviderArgs",
        "DcrRequestCheckArgs",
        "KeyAuthArgs",
        "KeyAuthTtlArgs",
        "OpenIdConnectArgs",
        "PortalDefaultAuthStrategyArgs",
        "PortalTeamArgs",
        "PortalApplicationArgs",
        "ApplicationRegistrationArgs",
      ]),
    );
  });

  it.each(argumentTypes())("%s", (name) => {
    const properties = documentedProperties(name);
    expect(properties.length).toBeGreaterThan(0);
    expect(properties.filter((p) => p.docs === "").map((p) => p.path)).toEqual([]);
  });

  it("reaches nested objects (dcrConfig, openidConnect, keyAuth.ttl, a choice such as owner)", () => {
    const paths = documentedProperties("DcrProviderArgs").map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["dcrConfig.initialClientId", "dcrConfig.apiKey"]));
    const strategy = documentedProperties("AuthStrategyArgs").map((p) => p.path);
    expect(strategy).toEqual(expect.arrayContaining(["openidConnect.credentialClaim", "keyAuth.ttl.unit"]));
    const application = documentedProperties("PortalApplicationArgs").map((p) => p.path);
    expect(application).toEqual(expect.arrayContaining(["owner.teamId", "owner.developerId"]));
  });
});

describe("a resource input's docs say what changing it does (its row's effect)", () => {
  it.each(Object.keys(RESOURCE_TABLES))("%s", (name) => {
    const table = RESOURCE_TABLES[name]!;
    const docs = new Map(documentedProperties(name).map((p) => [p.path, p.docs]));
    const silent = Object.entries(table)
      .filter(([input, row]) => !EFFECT_WORDS[row.effect].test(docs.get(input) ?? ""))
      .map(([input, row]) => `${input} (${row.effect})`);
    expect(silent).toEqual([]);
  });
});

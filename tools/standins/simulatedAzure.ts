/**
 * Simulated Azure AD, tied to the emulator: engine-lite hooks (`EngineOptions.simulated`) that mirror a stack's mocked
 * `@pulumi/azuread` resources into the emulator's identity provider, so Konnect's DCR link check and the stand-in
 * token endpoint see the applications and secrets the stack made, as a real tenant would hold them.
 *
 * - `Application` create / replace: an IdP client with the application's `clientId`, `displayName`, the tenant, and
 *   its owners. Azure owners are object ids (users, service principals); the emulated IdP keeps the client ids of the
 *   applications that own a client, so an owner that is a service principal of the stack becomes its application's
 *   client id, and any other owner (the deployer) stays as it is. Only create and replace register: an application
 *   that is gone from the IdP (Konnect deleted it) is not brought back by a later `up`, as in Azure.
 * - `ApplicationPassword` create / replace: the secret value added to its application's client (the old one stays
 *   usable, as a replaced password until its delete: the IdP keeps no per-secret delete).
 * - Deletes of an `Application`, `ServicePrincipal` or `ApplicationPassword` whose client is already gone fail as
 *   azuread's do: its deletes read the object first and answer a 404 with "... was not found" (the provider's read is
 *   the one that treats 404 as gone). `refresh` then finds them gone ({@link SimulatedHooks.read}).
 * Other azuread resources (consent) have no IdP side and pass.
 */
import { stripSecrets, type JsonValue, type PropertyMap } from "../engine/encoding";
import type { SimulatedHooks, SimulatedStep } from "../engine/engineLite";
import type { EmulatorControl } from "../emulator/control";

/** Type tokens mirrored. */
const APPLICATION = "azuread:index/application:Application";
const SERVICE_PRINCIPAL = "azuread:index/servicePrincipal:ServicePrincipal";
const PASSWORD = "azuread:index/applicationPassword:ApplicationPassword";

/** What the mirror needs from the emulator (an in-process `KonnectEmulator`). */
export type IdpSide = Pick<
  EmulatorControl,
  "registerIdpClient" | "addIdpClientSecret" | "deleteIdpClient" | "getIdpClient"
>;

/** Options of {@link simulatedAzure}. */
export interface SimulatedAzureOptions {
  /** The tenant the mocked deployer lives in (`getClientConfig().tenantId` of the mocks). */
  tenantId: string;
}

/** The hooks, and what they did (for demo output and tests; never a secret). */
export interface SimulatedAzure extends SimulatedHooks {
  /** One line per IdP change: `registered <clientId>`, `secret added to <clientId>`, `deleted <clientId>`. */
  events: string[];
}

function text(value: JsonValue | undefined): string | undefined {
  const plain = value === undefined ? undefined : stripSecrets(value);
  return typeof plain === "string" ? plain : undefined;
}

/** The object id in an `ApplicationPassword.applicationId` (`/applications/<objectId>`). */
function applicationObjectId(inputs: PropertyMap): string | undefined {
  return /^\/applications\/([0-9a-f-]{36})$/i.exec(text(inputs.applicationId) ?? "")?.[1];
}

/** Mirrors simulated azuread resources into the emulator's IdP; see the module comment. */
export function simulatedAzure(idp: IdpSide, options: SimulatedAzureOptions): SimulatedAzure {
  const events: string[] = [];
  /** Application object id → client id, and service principal object id → its application's client id. */
  const clientOfApplication = new Map<string, string>();
  const clientOfServicePrincipal = new Map<string, string>();

  const learn = (type: string, inputs: PropertyMap, outputs: PropertyMap): void => {
    if (type === APPLICATION) {
      const objectId = text(outputs.objectId);
      const clientId = text(outputs.clientId);
      if (objectId !== undefined && clientId !== undefined) clientOfApplication.set(objectId, clientId);
    } else if (type === SERVICE_PRINCIPAL) {
      const objectId = text(outputs.objectId);
      const clientId = text(inputs.clientId);
      if (objectId !== undefined && clientId !== undefined) clientOfServicePrincipal.set(objectId, clientId);
    }
  };
  /** The IdP client a resource belongs to. */
  const clientOf = (type: string, inputs: PropertyMap, outputs: PropertyMap): string | undefined => {
    if (type === APPLICATION) return text(outputs.clientId);
    if (type === SERVICE_PRINCIPAL) return text(inputs.clientId);
    if (type === PASSWORD) {
      const objectId = applicationObjectId(inputs);
      return objectId === undefined ? undefined : clientOfApplication.get(objectId);
    }
    return undefined;
  };
  const notFound = (step: SimulatedStep): Error => {
    const objectId = (step.type === PASSWORD ? applicationObjectId(step.inputs) : text(step.outputs.objectId)) ?? "";
    const what = step.type === SERVICE_PRINCIPAL ? "Service Principal" : "Application";
    return new Error(`Retrieving ${what} with object ID "${objectId}": ${what} was not found`);
  };

  const apply = (step: SimulatedStep): void => {
    const { type, inputs, outputs, op } = step;
    if (op !== "delete") learn(type, inputs, outputs);
    const clientId = clientOf(type, inputs, outputs);
    if (clientId === undefined) return;
    if (op === "delete") {
      if (type === APPLICATION) {
        if (!idp.deleteIdpClient(clientId)) throw notFound(step);
        events.push(`deleted ${clientId}`);
      } else if (idp.getIdpClient(clientId) === undefined) {
        throw notFound(step);
      }
      return;
    }
    if (op !== "create" && op !== "replace") return;
    if (type === APPLICATION) {
      const owners = ((stripSecrets(inputs.owners ?? []) as JsonValue[]) ?? []).map((owner) => {
        const id = typeof owner === "string" ? owner : "";
        return clientOfServicePrincipal.get(id) ?? id;
      });
      idp.registerIdpClient({
        client_id: clientId,
        tenant_id: options.tenantId,
        display_name: text(inputs.displayName) ?? clientId,
        owners,
      });
      events.push(`registered ${clientId}`);
    } else if (type === PASSWORD) {
      const value = text(outputs.value);
      if (value === undefined) return;
      if (idp.getIdpClient(clientId) === undefined) throw notFound(step);
      idp.addIdpClientSecret(clientId, value);
      events.push(`secret added to ${clientId}`);
    }
  };

  const read: NonNullable<SimulatedHooks["read"]> = (resource) => {
    learn(resource.type, resource.inputs, resource.outputs);
    const clientId = clientOf(resource.type, resource.inputs, resource.outputs);
    return clientId !== undefined && idp.getIdpClient(clientId) === undefined ? "gone" : "exists";
  };

  return { apply, read, events };
}

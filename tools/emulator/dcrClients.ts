/**
 * What a DCR application does to the emulated IdP: on create, Konnect either creates a client through the DCR
 * provider or links an existing one (`dcr_client_id`); on delete, it deletes or keeps that client
 * (`createdClientOnDelete`, `linkedClientOnDelete`).
 *
 * - [DOC] Without `dcr_client_id`, Konnect creates the client in the IdP and returns its `client_id`. For Azure the
 *   new app is owned by the DCR admin app (Graph makes the caller an owner) and lives in the issuer's tenant.
 * - [SPEC] With `dcr_client_id` and an Azure provider, "the client ID must resolve to an accessible Microsoft Entra
 *   application using the configured DCR provider credentials. Otherwise, application creation fails": the client
 *   must exist, be owned by the provider's `initial_client_id` (`Application.ReadWrite.OwnedBy` reaches only owned
 *   apps [INF]) and live in the issuer's tenant. The answer is 400 naming `dcr_client_id` [INF: status and wording
 *   unstated]. Other provider types accept any id ("the application may still be created but will not function
 *   properly" [SPEC]).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { invalidRequest } from "./problem";
import { type EmulatorState } from "./state";
import { type StoredApplication, type StoredDcrProvider } from "./types";

/** How an application got its IdP client. */
export interface DcrClient {
  client_id: string;
  idp_client: "created" | "linked";
}

/**
 * The tenant of an Azure issuer (`https://sts.windows.net/<tenant>[/]` or
 * `https://login.microsoftonline.com/<tenant>/v2.0`); null for anything else.
 */
export function azureTenantOf(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return null;
  }
  const first = url.pathname.split("/").find((part) => part !== "");
  const azureHost = url.hostname === "sts.windows.net" || url.hostname === "login.microsoftonline.com";
  return azureHost && first !== undefined ? first : null;
}

/** The admin client id a provider's DCR calls authenticate as (none for okta, http and kongIdentity). */
function adminClientId(provider: StoredDcrProvider): string | undefined {
  const id = provider.dcr_config.initial_client_id;
  return typeof id === "string" ? id : undefined;
}

/** [INF] Azure client ids are GUIDs; other IdPs get a 20-character id like the spec's example `yr1k0d9kj3l0cl01hp4o0`. */
function newClientId(provider: StoredDcrProvider): string {
  if (provider.provider_type === "azureAd") return randomUUID();
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(20)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

function checkLinkable(state: EmulatorState, provider: StoredDcrProvider, clientId: string): void {
  if (provider.provider_type !== "azureAd") return;
  const client = state.idp.get(clientId, state.options.idpSecretActivationMs);
  const admin = adminClientId(provider);
  const tenant = azureTenantOf(provider.issuer);
  const accessible =
    client !== undefined &&
    admin !== undefined &&
    client.owners.includes(admin) &&
    (client.tenant_id === null || tenant === null || client.tenant_id === tenant);
  if (accessible) return;
  throw invalidRequest([
    {
      field: "dcr_client_id",
      rule: "invalid",
      reason:
        `client [${clientId}] does not resolve to a Microsoft Entra application that ` +
        `DCR provider [${provider.id}] can access with its credentials`,
      source: "body",
    },
  ]);
}

/** Creates or links the IdP client of a new DCR application; throws the 400 for a client the provider cannot reach. */
export function provideDcrClient(
  state: EmulatorState,
  provider: StoredDcrProvider,
  applicationName: string,
  dcrClientId: string | undefined,
): DcrClient {
  if (dcrClientId !== undefined) {
    checkLinkable(state, provider, dcrClientId);
    return { client_id: dcrClientId, idp_client: "linked" };
  }
  const admin = adminClientId(provider);
  const client = state.idp.register(
    {
      client_id: newClientId(provider),
      tenant_id: provider.provider_type === "azureAd" ? azureTenantOf(provider.issuer) : null,
      display_name: applicationName === "" ? "Konnect application" : applicationName,
      owners: admin === undefined ? [] : [admin],
    },
    Date.now(),
    state.options.idpSecretActivationMs,
    { dcrProviderId: provider.id },
  );
  return { client_id: client.client_id, idp_client: "created" };
}

/** On application delete: deletes its IdP client or keeps it, by the option for how the client came about. */
export function releaseDcrClient(state: EmulatorState, application: StoredApplication): void {
  if (application.idp_client === null || application.client_id === null) return;
  const rule =
    application.idp_client === "created" ? state.options.createdClientOnDelete : state.options.linkedClientOnDelete;
  if (rule === "delete") state.idp.delete(application.client_id);
}

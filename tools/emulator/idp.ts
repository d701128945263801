/**
 * The emulated identity provider behind DCR (one for the whole emulator: an Azure tenant is not a Konnect region).
 * It holds clients (applications), who owns them, which tenant they live in and their secrets, **hashed** (SHA-256):
 * nothing here can hand a secret back. Konnect's DCR application create registers clients here; tests register their
 * own (as a stack's azuread Application would) through the control API; the stand-in Azure token endpoint asks
 * {@link IdpRegistry.checkSecret} whether a client id and secret may have a token.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { ControlError } from "./control";
import { type IdpClientInput, type IdpClientView, type IdpSecretCheck } from "./types";

interface StoredSecret {
  hash: Buffer;
  addedAtMs: number;
}

interface StoredIdpClient {
  client_id: string;
  tenant_id: string | null;
  display_name: string;
  owners: string[];
  created_by: "konnect" | "control";
  dcr_provider_id: string | null;
  secrets: StoredSecret[];
  createdAtMs: number;
}

function hashSecret(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

/** Where a client registered by Konnect comes from. */
export interface KonnectClientOrigin {
  dcrProviderId: string;
}

/** Every client of the emulated IdP. */
export class IdpRegistry {
  private readonly clients = new Map<string, StoredIdpClient>();

  /** Forgets every client. */
  reset(): void {
    this.clients.clear();
  }

  /**
   * Registers a client; throws a 409 `ControlError` when the client id is taken (a GUID is chosen when none is
   * given). `origin` marks a client Konnect created through DCR.
   */
  register(input: IdpClientInput, nowMs: number, activationMs: number, origin?: KonnectClientOrigin): IdpClientView {
    const clientId = input.client_id ?? randomUUID();
    if (clientId === "") throw new ControlError(400, "client_id must not be empty");
    if (this.clients.has(clientId)) throw new ControlError(409, `IdP client ${clientId} already exists`);
    const client: StoredIdpClient = {
      client_id: clientId,
      tenant_id: input.tenant_id ?? null,
      display_name: input.display_name ?? clientId,
      owners: [...(input.owners ?? [])],
      created_by: origin === undefined ? "control" : "konnect",
      dcr_provider_id: origin?.dcrProviderId ?? null,
      secrets: [],
      createdAtMs: nowMs,
    };
    if (input.secret !== undefined) client.secrets.push({ hash: hashSecret(input.secret), addedAtMs: nowMs });
    this.clients.set(clientId, client);
    return this.view(client, activationMs);
  }

  /** Adds a secret to a client (as a new Azure ApplicationPassword); throws a 404 `ControlError` for no client. */
  addSecret(clientId: string, secret: string, nowMs: number, activationMs: number): IdpClientView {
    const client = this.require(clientId);
    if (secret === "") throw new ControlError(400, "secret must not be empty");
    client.secrets.push({ hash: hashSecret(secret), addedAtMs: nowMs });
    return this.view(client, activationMs);
  }

  /** Removes a client; false when there was none. */
  delete(clientId: string): boolean {
    return this.clients.delete(clientId);
  }

  /** Whether a client exists. */
  has(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  /** A client as the control API shows it (no secrets), or undefined. */
  get(clientId: string, activationMs: number): IdpClientView | undefined {
    const client = this.clients.get(clientId);
    return client === undefined ? undefined : this.view(client, activationMs);
  }

  /** Every client, oldest first. */
  list(activationMs: number): IdpClientView[] {
    return [...this.clients.values()].map((client) => this.view(client, activationMs));
  }

  /**
   * Whether `clientId` + `secret` may get a token in `tenant` (any tenant when undefined) at `nowMs`: the client
   * exists in that tenant (a client without a tenant is found in any) and one of its secrets matches and has been
   * usable for `activationMs`.
   */
  checkSecret(
    clientId: string,
    secret: string,
    tenant: string | undefined,
    nowMs: number,
    activationMs: number,
  ): IdpSecretCheck {
    const client = this.clients.get(clientId);
    if (client === undefined || (tenant !== undefined && client.tenant_id !== null && client.tenant_id !== tenant)) {
      return { ok: false, reason: "unknown-client" };
    }
    const hash = hashSecret(secret);
    const usable = client.secrets.some((s) => timingSafeEqual(s.hash, hash) && nowMs >= s.addedAtMs + activationMs);
    return usable ? { ok: true, client: this.view(client, activationMs) } : { ok: false, reason: "invalid-secret" };
  }

  private require(clientId: string): StoredIdpClient {
    const client = this.clients.get(clientId);
    if (client === undefined) throw new ControlError(404, `IdP client ${clientId} not found`);
    return client;
  }

  private view(client: StoredIdpClient, activationMs: number): IdpClientView {
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      client_id: client.client_id,
      tenant_id: client.tenant_id,
      display_name: client.display_name,
      owners: [...client.owners],
      created_by: client.created_by,
      dcr_provider_id: client.dcr_provider_id,
      secrets: client.secrets.map((s) => ({
        added_at: iso(s.addedAtMs),
        usable_from: iso(s.addedAtMs + activationMs),
      })),
      created_at: iso(client.createdAtMs),
    };
  }
}

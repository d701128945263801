/**
 * The in-process control surface (`EmulatorControl`) over the emulator's state, faults and request log. The HTTP
 * control API in control.ts calls the same object, so both behave alike.
 */
import { ControlError, type EmulatorControl, type SeedOptions, type StoredObject } from "./control";
import { secretFieldNames } from "./dcrConfigFields";
import { type FaultQueue } from "./faults";
import { mergeOptions } from "./options";
import { type RequestLog } from "./requestLog";
import { gatewayAccess } from "./gatewayAccess";
import { createApi } from "./routes/apis";
import { createApplication } from "./routes/applications";
import { createDeveloper } from "./routes/developers";
import { createAuthStrategy } from "./routes/authStrategies";
import { createPortal } from "./routes/portals";
import { publishApi } from "./routes/publications";
import { createDcrProvider } from "./routes/dcrProviders";
import { createRegistration, withStatus } from "./routes/registrations";
import { createTeam } from "./routes/teams";
import { type EmulatorState } from "./state";
import { type PortalObjectKind, type StoredKinds } from "./store";
import {
  type ObjectKind,
  type Region,
  type RegistrationStatus,
  type StoredApi,
  type StoredAuthStrategy,
  type StoredDcrProvider,
  type StoredPortal,
  type StoredPublication,
  type StoredRegistration,
} from "./types";

/** Builds the control surface; every object it hands out is a copy, so tests cannot change the store by accident. */
export function createEmulatorControl(state: EmulatorState, faults: FaultQueue, log: RequestLog): EmulatorControl {
  function findStrategy(id: string): StoredAuthStrategy {
    const strategy = state.store.find("application-auth-strategies", id);
    if (strategy === undefined) throw new ControlError(404, `auth strategy ${id} not found`);
    return strategy;
  }

  function findPublication(apiId: string, portalId: string): StoredPublication | undefined {
    return state.store.allPublications().find((p) => p.api_id === apiId && p.portal_id === portalId);
  }

  return {
    reset() {
      state.store.reset();
      state.idp.reset();
      state.verifyCalls.clear();
      log.clear();
      faults.clear();
    },
    seedDcrProvider(body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createDcrProvider(state, seedOptions.region ?? "us", body, seedOptions.id));
    },
    seedAuthStrategy(body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createAuthStrategy(state, seedOptions.region ?? "us", body, seedOptions.id));
    },
    seedPortal(body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createPortal(state, seedOptions.region ?? "us", body, seedOptions.id));
    },
    seedApi(body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createApi(state, seedOptions.region ?? "us", body, seedOptions.id));
    },
    seedTeam(portalId: string, body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createTeam(state, seedOptions.region ?? "us", portalId, body, seedOptions.id));
    },
    seedDeveloper(portalId: string, body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createDeveloper(state, seedOptions.region ?? "us", portalId, body, seedOptions.id));
    },
    seedApplication(portalId: string, body: unknown, seedOptions: SeedOptions = {}) {
      return structuredClone(createApplication(state, seedOptions.region ?? "us", portalId, body, seedOptions.id));
    },
    seedRegistration(portalId: string, applicationId: string, body: unknown, seedOptions: SeedOptions = {}) {
      const region = seedOptions.region ?? "us";
      return structuredClone(createRegistration(state, region, portalId, applicationId, body, seedOptions.id));
    },
    registerIdpClient: (input = {}) => state.idp.register(input, Date.now(), state.options.idpSecretActivationMs),
    addIdpClientSecret: (clientId, secret) =>
      state.idp.addSecret(clientId, secret, Date.now(), state.options.idpSecretActivationMs),
    idpClients: () => state.idp.list(state.options.idpSecretActivationMs),
    getIdpClient: (clientId) => state.idp.get(clientId, state.options.idpSecretActivationMs),
    deleteIdpClient: (clientId) => state.idp.delete(clientId),
    checkIdpSecret: (clientId, secret, tenant) =>
      state.idp.checkSecret(clientId, secret, tenant, Date.now(), state.options.idpSecretActivationMs),
    gatewayAccess: (query) => gatewayAccess(state, query),
    seedPublication(apiId: string, portalId: string, body: unknown = {}, seedOptions: SeedOptions = {}) {
      const region = seedOptions.region ?? "us";
      return structuredClone(publishApi(state, region, apiId, portalId, body).publication);
    },
    publications: (region?: Region) =>
      structuredClone(region === undefined ? state.store.allPublications() : state.store.publications(region)),
    getPublication: (apiId: string, portalId: string) => structuredClone(findPublication(apiId, portalId)),
    updateStoredPublication(apiId: string, portalId: string, patch: Record<string, unknown>) {
      const current = findPublication(apiId, portalId);
      if (current === undefined)
        throw new ControlError(404, `publication of API ${apiId} in portal ${portalId} not found`);
      for (const key of ["api_id", "portal_id", "region"] as const) {
        if (patch[key] !== undefined && patch[key] !== current[key]) {
          throw new ControlError(400, "updateStoredPublication cannot change api_id, portal_id or region");
        }
      }
      const next = { ...current, updated_at: state.clock.nowIso(), ...structuredClone(patch) };
      state.store.putPublication(next);
      return structuredClone(next);
    },
    portalDefault(portalId: string) {
      const portal = state.store.find("portals", portalId);
      return portal?.default_application_auth_strategy_id;
    },
    storedSecrets(id: string) {
      const provider = state.store.find("dcr-providers", id);
      if (provider === undefined) return undefined;
      const secrets: Record<string, string> = {};
      for (const name of secretFieldNames(provider.provider_type)) {
        const value = provider.dcr_config[name];
        if (typeof value === "string") secrets[name] = value;
      }
      return secrets;
    },
    requestLog: () => log.list(),
    clearRequestLog: () => log.clear(),
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    options: () => structuredClone(state.options),
    setOptions(partial) {
      const next = mergeOptions(state.options, partial);
      if (partial.verifyResult !== undefined || partial.verifyResultById !== undefined) state.verifyCalls.clear();
      state.options = next;
    },
    markStrategyInUse(id, inUse = true) {
      state.store.putAuthStrategy({ ...findStrategy(id), in_use: inUse });
    },
    get: <K extends ObjectKind>(kind: K, id: string) => structuredClone(state.store.find(kind, id)),
    list: <K extends ObjectKind>(kind: K, region?: Region) => structuredClone(state.store.all(kind, region)),
    updateStored<K extends ObjectKind>(kind: K, id: string, patch: Record<string, unknown>): StoredKinds[K] {
      const current: StoredObject | undefined = state.store.find(kind, id);
      if (current === undefined) throw new ControlError(404, `${kind} ${id} not found`);
      if (
        (patch.id !== undefined && patch.id !== id) ||
        (patch.region !== undefined && patch.region !== current.region)
      ) {
        throw new ControlError(400, "updateStored cannot change id or region");
      }
      const now = state.clock.nowIso();
      let base: StoredObject = current;
      if (kind === "application-registrations" && typeof patch.status === "string") {
        // A status edited "in the UI" moves approved_at as a PATCH would (unless the patch sets it).
        base = withStatus(current as StoredRegistration, patch.status as RegistrationStatus, now);
      }
      const next: StoredObject = { ...base, updated_at: now, ...structuredClone(patch) };
      if (kind === "dcr-providers") state.store.putDcrProvider(next as StoredDcrProvider);
      else if (kind === "application-auth-strategies") state.store.putAuthStrategy(next as StoredAuthStrategy);
      else if (kind === "portals") state.store.putPortal(next as StoredPortal);
      else if (kind === "apis") state.store.putApi(next as StoredApi);
      else state.store.putItem(kind, next as StoredKinds[PortalObjectKind]);
      return structuredClone(next) as StoredKinds[K];
    },
  };
}

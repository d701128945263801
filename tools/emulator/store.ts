/**
 * The in-memory data: one store per region, objects kept in insertion (= creation) order, plus an index of which
 * strategies reference each DCR provider so `active` and delete checks are O(1). Stored objects are replaced, never
 * mutated in place, so the index stays right: always write through `putDcrProvider` / `putAuthStrategy`.
 */
import {
  type ObjectKind,
  type Region,
  type StoredApi,
  type StoredApplication,
  type StoredAuthStrategy,
  type StoredDcrProvider,
  type StoredDeveloper,
  type StoredPortal,
  type StoredPublication,
  type StoredRegistration,
  type StoredTeam,
} from "./types";

/** The stored type of each object kind. */
export interface StoredKinds {
  "dcr-providers": StoredDcrProvider;
  "application-auth-strategies": StoredAuthStrategy;
  portals: StoredPortal;
  apis: StoredApi;
  teams: StoredTeam;
  developers: StoredDeveloper;
  applications: StoredApplication;
  "application-registrations": StoredRegistration;
}

/** Any object stored by id. */
export type StoredById = StoredKinds[ObjectKind];

/** The portal-owned kinds, which have no index to keep in step: written through `putItem`. */
export type PortalObjectKind = "teams" | "developers" | "applications" | "application-registrations";

function publicationKey(apiId: string, portalId: string): string {
  return `${apiId}/${portalId}`;
}

/** The objects of one region. */
class RegionData {
  readonly dcrProviders = new Map<string, StoredDcrProvider>();
  readonly authStrategies = new Map<string, StoredAuthStrategy>();
  /** DCR provider id → ids of the strategies whose `dcr_provider_id` points at it. */
  readonly strategiesByDcrProvider = new Map<string, Set<string>>();
  readonly portals = new Map<string, StoredPortal>();
  readonly apis = new Map<string, StoredApi>();
  /** `apiId/portalId` → publication, in creation order. */
  readonly publications = new Map<string, StoredPublication>();
  readonly teams = new Map<string, StoredTeam>();
  readonly developers = new Map<string, StoredDeveloper>();
  readonly applications = new Map<string, StoredApplication>();
  readonly registrations = new Map<string, StoredRegistration>();

  /** The map holding a kind of object stored by id. */
  byKind<K extends ObjectKind>(kind: K): Map<string, StoredKinds[K]> {
    const maps: { [P in ObjectKind]: Map<string, StoredKinds[P]> } = {
      "dcr-providers": this.dcrProviders,
      "application-auth-strategies": this.authStrategies,
      portals: this.portals,
      apis: this.apis,
      teams: this.teams,
      developers: this.developers,
      applications: this.applications,
      "application-registrations": this.registrations,
    };
    return maps[kind];
  }
}

/** Timestamps that are ISO with milliseconds and strictly increase, so every write changes `updated_at`. */
export class MonotonicClock {
  private last = 0;

  /** The current time in ms, never before the last timestamp handed out (which can run ahead of the wall clock). */
  nowMs(): number {
    return Math.max(Date.now(), this.last);
  }

  /** The next timestamp. */
  nowIso(): string {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last).toISOString();
  }
}

/** Every region's objects. */
export class EmulatorStore {
  private readonly regions = new Map<Region, RegionData>();

  private data(region: Region): RegionData {
    let data = this.regions.get(region);
    if (data === undefined) {
      data = new RegionData();
      this.regions.set(region, data);
    }
    return data;
  }

  /** Forgets every object in every region. */
  reset(): void {
    this.regions.clear();
  }

  /** A DCR provider of a region. */
  getDcrProvider(region: Region, id: string): StoredDcrProvider | undefined {
    return this.regions.get(region)?.dcrProviders.get(id);
  }

  /** All DCR providers of a region, oldest first. */
  dcrProviders(region: Region): StoredDcrProvider[] {
    return [...(this.regions.get(region)?.dcrProviders.values() ?? [])];
  }

  /** Inserts or replaces a DCR provider (a replaced one keeps its place in the creation order). */
  putDcrProvider(provider: StoredDcrProvider): void {
    this.data(provider.region).dcrProviders.set(provider.id, provider);
  }

  /** Removes a DCR provider. */
  deleteDcrProvider(region: Region, id: string): void {
    this.regions.get(region)?.dcrProviders.delete(id);
  }

  /** Ids of the strategies that reference a DCR provider, oldest first. */
  strategiesUsing(region: Region, dcrProviderId: string): string[] {
    const data = this.regions.get(region);
    const ids = data?.strategiesByDcrProvider.get(dcrProviderId);
    if (data === undefined || ids === undefined) return [];
    return [...data.authStrategies.keys()].filter((id) => ids.has(id));
  }

  /** Whether any strategy references a DCR provider. */
  isDcrProviderReferenced(region: Region, dcrProviderId: string): boolean {
    return (this.regions.get(region)?.strategiesByDcrProvider.get(dcrProviderId)?.size ?? 0) > 0;
  }

  /** A strategy of a region. */
  getAuthStrategy(region: Region, id: string): StoredAuthStrategy | undefined {
    return this.regions.get(region)?.authStrategies.get(id);
  }

  /** All strategies of a region, oldest first. */
  authStrategies(region: Region): StoredAuthStrategy[] {
    return [...(this.regions.get(region)?.authStrategies.values() ?? [])];
  }

  /** Inserts or replaces a strategy and keeps the reference index in step. */
  putAuthStrategy(strategy: StoredAuthStrategy): void {
    const data = this.data(strategy.region);
    const previous = data.authStrategies.get(strategy.id);
    if (previous !== undefined && previous.dcr_provider_id !== null) {
      this.unlink(data, previous.dcr_provider_id, strategy.id);
    }
    data.authStrategies.set(strategy.id, strategy);
    if (strategy.dcr_provider_id !== null) {
      let ids = data.strategiesByDcrProvider.get(strategy.dcr_provider_id);
      if (ids === undefined) {
        ids = new Set();
        data.strategiesByDcrProvider.set(strategy.dcr_provider_id, ids);
      }
      ids.add(strategy.id);
    }
  }

  /** Removes a strategy and its reference. */
  deleteAuthStrategy(region: Region, id: string): void {
    const data = this.regions.get(region);
    const previous = data?.authStrategies.get(id);
    if (data === undefined || previous === undefined) return;
    if (previous.dcr_provider_id !== null) this.unlink(data, previous.dcr_provider_id, id);
    data.authStrategies.delete(id);
  }

  private unlink(data: RegionData, dcrProviderId: string, strategyId: string): void {
    const ids = data.strategiesByDcrProvider.get(dcrProviderId);
    ids?.delete(strategyId);
    if (ids?.size === 0) data.strategiesByDcrProvider.delete(dcrProviderId);
  }

  /** A portal of a region. */
  getPortal(region: Region, id: string): StoredPortal | undefined {
    return this.regions.get(region)?.portals.get(id);
  }

  /** All portals of a region, oldest first. */
  portals(region: Region): StoredPortal[] {
    return [...(this.regions.get(region)?.portals.values() ?? [])];
  }

  /** Inserts or replaces a portal. */
  putPortal(portal: StoredPortal): void {
    this.data(portal.region).portals.set(portal.id, portal);
  }

  /** An API of a region. */
  getApi(region: Region, id: string): StoredApi | undefined {
    return this.regions.get(region)?.apis.get(id);
  }

  /** All APIs of a region, oldest first. */
  apis(region: Region): StoredApi[] {
    return [...(this.regions.get(region)?.apis.values() ?? [])];
  }

  /** Inserts or replaces an API. */
  putApi(api: StoredApi): void {
    this.data(api.region).apis.set(api.id, api);
  }

  /** The publication of an API in a portal. */
  getPublication(region: Region, apiId: string, portalId: string): StoredPublication | undefined {
    return this.regions.get(region)?.publications.get(publicationKey(apiId, portalId));
  }

  /** All publications of a region, oldest first. */
  publications(region: Region): StoredPublication[] {
    return [...(this.regions.get(region)?.publications.values() ?? [])];
  }

  /** All publications of every region. */
  allPublications(): StoredPublication[] {
    return [...this.regions.keys()].flatMap((region) => this.publications(region));
  }

  /** Inserts or replaces a publication (a replaced one keeps its place). */
  putPublication(publication: StoredPublication): void {
    this.data(publication.region).publications.set(
      publicationKey(publication.api_id, publication.portal_id),
      publication,
    );
  }

  /** Removes a publication. */
  deletePublication(region: Region, apiId: string, portalId: string): void {
    this.regions.get(region)?.publications.delete(publicationKey(apiId, portalId));
  }

  /** The publications of a region whose `auth_strategy_ids` name a strategy. */
  publicationsUsing(region: Region, strategyId: string): StoredPublication[] {
    return this.publications(region).filter((p) => p.auth_strategy_ids?.includes(strategyId) === true);
  }

  /** The portals of a region whose default strategy is this one. */
  portalsDefaulting(region: Region, strategyId: string): StoredPortal[] {
    return this.portals(region).filter((p) => p.default_application_auth_strategy_id === strategyId);
  }

  /** A portal-owned object (team, developer, application, registration) of a region. */
  getItem<K extends PortalObjectKind>(kind: K, region: Region, id: string): StoredKinds[K] | undefined {
    return this.regions.get(region)?.byKind(kind).get(id);
  }

  /** The portal-owned objects of a kind in a region, oldest first; with `portalId`, only that portal's. */
  items<K extends PortalObjectKind>(kind: K, region: Region, portalId?: string): StoredKinds[K][] {
    const all = [...(this.regions.get(region)?.byKind(kind).values() ?? [])];
    return portalId === undefined ? all : all.filter((item) => item.portal_id === portalId);
  }

  /** Inserts or replaces a portal-owned object (a replaced one keeps its place). */
  putItem<K extends PortalObjectKind>(kind: K, item: StoredKinds[K]): void {
    this.data(item.region).byKind(kind).set(item.id, item);
  }

  /** Removes a portal-owned object. */
  deleteItem(kind: PortalObjectKind, region: Region, id: string): void {
    this.regions.get(region)?.byKind(kind).delete(id);
  }

  /** The registrations of an application, oldest first. */
  registrationsOf(region: Region, applicationId: string): StoredRegistration[] {
    return this.items("application-registrations", region).filter((r) => r.application_id === applicationId);
  }

  /** The applications of a region that use a strategy. */
  applicationsUsing(region: Region, strategyId: string): StoredApplication[] {
    return this.items("applications", region).filter((a) => a.auth_strategy_id === strategyId);
  }

  /** Finds an object by id in any region. */
  find<K extends ObjectKind>(kind: K, id: string): StoredKinds[K] | undefined {
    for (const data of this.regions.values()) {
      const found = data.byKind(kind).get(id);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** All objects of a kind, in one region or (without `region`) in every region. */
  all<K extends ObjectKind>(kind: K, region?: Region): StoredKinds[K][] {
    const regions = region === undefined ? [...this.regions.keys()] : [region];
    return regions.flatMap((r) => [...(this.regions.get(r)?.byKind(kind).values() ?? [])]);
  }
}

/**
 * The Konnect client (axios + zod; no Pulumi imports): the connection and retrying transport, errors, and per
 * collection (one folder each) its field table, schemas and typed operations. Runtime side only: the program side
 * reads the plain-data modules (`fieldTable.ts`, `regions.ts`, `ids.ts`, `labelRules.ts`, `<collection>/fields.ts`)
 * by path, never this barrel.
 */
export * from "./apiPublications/operations";
export * from "./applications/operations";
export * from "./authStrategies/operations";
export * from "./authStrategies/schemas";
export * from "./connection";
export * from "./dcrProviders/operations";
export * from "./dcrProviders/schemas";
export * from "./errors";
export * from "./http";
export * from "./portals/operations";
export * from "./registrations/operations";
export * from "./retryPolicy";
export * from "./schemas";
export * from "./teams/operations";

/** The Konnect v2 client for DCR providers and application auth strategies (axios + zod; no Pulumi imports). */
export * from "./authStrategies/operations";
export * from "./connection";
export * from "./dcrProviders/operations";
export * from "./errors";
export * from "./http";
export type { FieldFilter, ListOptions, SortSpec } from "./operation";
export * from "./retryPolicy";
export * from "./authStrategies/schemas";
export * from "./schemas";
export * from "./dcrProviders/schemas";

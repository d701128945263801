/** The Konnect v2 client for DCR providers and application auth strategies (axios + zod; no Pulumi imports). */
export * from "./authStrategies";
export * from "./connection";
export * from "./dcrProviders";
export * from "./errors";
export * from "./http";
export type { FieldFilter, ListOptions, SortSpec } from "./operation";
export * from "./retryPolicy";
export * from "./schemas/authStrategy";
export * from "./schemas/common";
export * from "./schemas/dcrProvider";

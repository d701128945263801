/** Konnect object ids are UUIDs: the one GUID pattern of the package (zod-free, so any layer may load it). */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

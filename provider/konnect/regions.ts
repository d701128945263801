/** Konnect's regions, plain data (no zod, no axios): the program side and every layer read them from here. */

/** Konnect regions with their own API host. */
export const REGIONS = ["us", "eu", "au", "me", "in", "sg"] as const;
/** One Konnect region. */
export type Region = (typeof REGIONS)[number];

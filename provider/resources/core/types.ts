/** Types every resource shares. Types only. */
import type { Region } from "../../konnect/regions";

/** One Konnect region (`us`, `eu`, `au`, `me`, `in`, `sg`), each with its own API host. */
export type KonnectRegion = Region;

/**
 * Labels on a Konnect object: at most 49 keys (Konnect's 50 minus one kept for the creation label); keys 1-63
 * characters not starting with kong, konnect, mesh, kic or _; values 1-63 characters of letters, digits, `-`, `.`, `_`.
 */
export type Labels = Record<string, string>;

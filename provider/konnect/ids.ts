/**
 * The one GUID pattern of the package (zod-free, so any layer may load it). Konnect object ids are UUIDs; Azure
 * tenant, client and permission ids are GUIDs of the same form.
 */

/** The text of one GUID in lower-case hex, for patterns that embed it (add the `i` flag to accept either case). */
export const GUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A whole GUID in either case, e.g. `18a4783c-866b-4cc7-a460-3d5e5662c884`. */
export const UUID_PATTERN = new RegExp(`^${GUID_TEXT}$`, "i");

/**
 * What the handler tests of ApiPublication and PortalDefaultAuthStrategy share (the Dev Portal resources that publish
 * an API and set a portal's default): the serialized provider code, a timestamp matcher, an id no object has.
 */

/** The provider code Pulumi hands to check with the inputs. */
export const CODE = { __provider: "code-v1" };

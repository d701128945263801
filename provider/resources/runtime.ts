/**
 * The implementation behind the serialized dynamic providers, loaded at call time as
 * `require("pulumi-konnect-dcr/runtime")` (inside the Pulumi plugin host, or in-process when `providers.*` are
 * called directly). Exports exactly what the serialized providers load: `configureFromStack` and the handlers of
 * each resource by name. Test and benchmark hooks live in `./testHooks`, outside the package's exports.
 */
export { configureFromStack } from "./core/context";
export { handlers } from "./handlers";

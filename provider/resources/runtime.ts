/**
 * The implementation behind the serialized dynamic providers, loaded at call time as
 * `require("pulumi-konnect-dcr/runtime")` (inside the Pulumi plugin host, or in-process when `providers.*` are
 * called directly). Never captured by serialization, so it may hold module state and build schemas freely.
 */
export { configureFromStack, setProviderLogSink, setStackSettings, setTransportOptions } from "./context";
export { dcrProviderHandlers } from "./dcrProviderHandlers";
export { authStrategyHandlers } from "./authStrategyHandlers";
export { setVerifySchedule } from "./verify";
export { devPortalHandlers } from "./devPortalHandlers";

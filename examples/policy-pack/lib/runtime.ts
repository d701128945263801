/**
 * Typed access to two runtime exports of `@pulumi/policy` whose declarations are empty in its published `.d.ts`
 * (`proxy.d.ts` is `export {}`): the preview "unknown value" error and the proxy that throws it.
 */
import * as policy from "@pulumi/policy";

/** The two untyped exports, with the types they have at run time. */
interface ProxyExports {
  UnknownValueError: new (...args: never[]) => Error;
  unknownCheckingProxy: <T extends object>(value: T) => T;
}

const exported = policy as unknown as ProxyExports;

/** Error the property proxy throws when a rule reads a value unknown during preview. */
export const UnknownValueError = exported.UnknownValueError;

/** Wraps properties the way the analyzer does (reading an unknown value throws {@link UnknownValueError}). */
export const unknownCheckingProxy = exported.unknownCheckingProxy;

/**
 * Typed access to `@pulumi/policy`'s property proxy: the preview "unknown value" error and the proxy that throws
 * it. They come from `@pulumi/policy/proxy` directly, a module without dependencies. The package index would also
 * load the gRPC server and `@pulumi/pulumi`, and the pure rules need neither. The published `proxy.d.ts` is empty
 * (`export {}`), so the types are declared here.
 */
import * as proxy from "@pulumi/policy/proxy";

/** The two untyped exports, with the types they have at run time. */
interface ProxyExports {
  UnknownValueError: new (...args: never[]) => Error;
  unknownCheckingProxy: <T extends object>(value: T) => T;
}

const exported = proxy as unknown as ProxyExports;

/** Error the property proxy throws when a rule reads a value unknown during preview. */
export const UnknownValueError = exported.UnknownValueError;

/** Wraps properties the way the analyzer does (reading an unknown value throws {@link UnknownValueError}). */
export const unknownCheckingProxy = exported.unknownCheckingProxy;

/**
 * True for the proxy's unknown-value error, also when it comes from another copy of `@pulumi/policy` (the pack's
 * own node_modules and the repository root's can both be present): that error carries `unknownTypeSentinel`.
 */
export function isUnknownValueError(e: unknown): boolean {
  return e instanceof UnknownValueError || (e instanceof Error && "unknownTypeSentinel" in e);
}

/**
 * TEMPORARY serialized providers of the two Dev Portal resources, until they are served by the generic handler
 * factory (then this file goes, and the resources use `serializedProvider(name)` from `./shim`, which has the same
 * shape). Same serialization rule as every provider: one-line methods that load the implementation by package name
 * at call time and capture nothing but the resource's name.
 *
 * The handlers are looked up under the runtime's `handlers` (the factory's table, once it serves these names) and
 * then under `devPortalHandlers` (the temporary glue in `./devPortalHandlers`). A runtime with neither fails with a
 * message that says so.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Names the runtime will serve the two resources under. */
export type DevPortalResourceName = "apiPublication" | "portalDefaultAuthStrategy";

/** The handler methods of one resource (the provider methods minus `configure`). */
type Handlers<I, O> = Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">>;

/** What this file needs of `pulumi-konnect-dcr/runtime`. */
interface RuntimeView {
  configureFromStack(config: { get(key: string): string | undefined }): Promise<void>;
  handlers?: Partial<Record<string, unknown>>;
  devPortalHandlers?: Partial<Record<string, unknown>>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- lazy require by package name is the serialization rule */
/** The dynamic provider of the resource named `resource`; usable directly with plain values. */
export function devPortalProvider<I, O>(resource: DevPortalResourceName): pulumi.dynamic.ResourceProvider<I, O> {
  const load = (): Handlers<I, O> => {
    const runtime = require("pulumi-konnect-dcr/runtime") as RuntimeView;
    const found = runtime.handlers?.[resource] ?? runtime.devPortalHandlers?.[resource];
    if (found === undefined) {
      throw new Error(`pulumi-konnect-dcr: this build of the runtime has no handlers for ${resource} yet`);
    }
    return found as Handlers<I, O>;
  };
  return {
    async configure(req) {
      return (require("pulumi-konnect-dcr/runtime") as RuntimeView).configureFromStack(req.config);
    },
    async check(olds, news) {
      return load().check(olds, news);
    },
    async diff(id, olds, news) {
      return load().diff(id, olds, news);
    },
    async create(inputs) {
      return load().create(inputs);
    },
    async read(id, props) {
      return load().read(id, props);
    },
    async update(id, olds, news) {
      return load().update(id, olds, news);
    },
    async delete(id, props) {
      return load().delete(id, props);
    },
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

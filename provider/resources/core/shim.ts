/**
 * The serialized side of every resource. Pulumi serializes the provider object, and everything it reaches, into
 * state (`__provider`), so its methods stay one line each: they load the implementation by package name at call
 * time and capture nothing but the resource's name. Nothing heavy (axios, zod) and nothing secret (the Konnect
 * token, client secrets) is ever in the serialized text.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Handlers } from "./handlerFactory";
import type * as Runtime from "../runtime";
import type { ResourceName } from "../runtime";

/* eslint-disable @typescript-eslint/no-require-imports -- lazy require by package name is the serialization rule */
/** The dynamic provider of the resource named `resource`; usable directly with plain values. */
export function serializedProvider<I, O>(resource: ResourceName): pulumi.dynamic.ResourceProvider<I, O> {
  const load = () =>
    (require("pulumi-konnect-dcr/runtime") as typeof Runtime).handlers[resource] as unknown as Handlers<I, O>;
  return {
    async configure(req) {
      return (require("pulumi-konnect-dcr/runtime") as typeof Runtime).configureFromStack(req.config);
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

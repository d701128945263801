/**
 * The implementation behind the serialized dynamic providers, loaded at call time as
 * `require("pulumi-konnect-dcr/runtime")`. WORK IN PROGRESS: handlers are being written (issue 3).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { AuthStrategyInputs, AuthStrategyOutputs, DcrProviderInputs, DcrProviderOutputs } from "./args";

type Handlers<I, O> = Required<Omit<pulumi.dynamic.ResourceProvider<I, O>, "configure">>;

/** Stack configuration the plugin host hands to `configure` (`konnect:token`, `konnect:serverUrl`, `konnect:region`). */
export function configureFromStack(_config: { get(key: string): string | undefined }): Promise<void> {
  return Promise.reject(new Error("not implemented yet"));
}

const notYet = () => Promise.reject(new Error("not implemented yet"));

/** Handlers for `konnect.DcrProvider`. */
export const dcrProviderHandlers: Handlers<DcrProviderInputs, DcrProviderOutputs> = {
  check: notYet,
  diff: notYet,
  create: notYet,
  read: notYet,
  update: notYet,
  delete: notYet,
};

/** Handlers for `konnect.AuthStrategy`. */
export const authStrategyHandlers: Handlers<AuthStrategyInputs, AuthStrategyOutputs> = {
  check: notYet,
  diff: notYet,
  create: notYet,
  read: notYet,
  update: notYet,
  delete: notYet,
};

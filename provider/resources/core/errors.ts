/**
 * Turns client errors into what a `pulumi up` user needs: the message plus the next step, and for objects that
 * exist in Konnect although a later step failed, an error carrying the id and outputs so Pulumi keeps them in state.
 */
import { isConflict } from "../../konnect";
import type { FieldTable } from "../../konnect/fieldTable";

/** An error the plugin host reports as a partial failure (`ErrorResourceInitFailed`): the object exists. */
export class ResourceInitError extends Error {
  override readonly name = "ResourceInitError";

  /** The outputs to store (not enumerable: they hold write-only secrets, kept out of logs and `util.inspect`). */
  declare readonly properties: Record<string, unknown>;

  /**
   * @param message What failed after the object was created or updated.
   * @param id The Konnect id, so the engine keeps the object in state.
   * @param properties The outputs to store.
   * @param options The underlying error as `cause`.
   */
  constructor(
    message: string,
    readonly id: string,
    properties: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    Object.defineProperty(this, "properties", { value: properties, enumerable: false });
  }

  /** Reasons, as the host forwards them to the engine. */
  get reasons(): string[] {
    return [this.message];
  }
}

/** A 409 on delete explained: what still uses the object and what to do. */
export function explainDeleteConflict(error: unknown, what: string, usedBy: string): unknown {
  if (isConflict(error)) {
    return new Error(`cannot delete ${what}: it is still used by ${usedBy}. ${error.message}`, { cause: error });
  }
  return error;
}

/**
 * Why `pulumi import` cannot work, and what to use instead, read from the resource's input table: `adopt: <Konnect id>`
 * where `adopt` names an id, `adopt: true` where it is a flag, otherwise a plain declaration (its create finds the
 * existing object by itself: a registration, a portal's default).
 */
export function importUnsupported(inputs: FieldTable): string {
  const adopt = inputs["adopt"]?.value.kind;
  const instead =
    adopt === "id"
      ? "declare the resource with `adopt: <Konnect id>` to take over an existing object"
      : adopt === "flag"
        ? "declare the resource with `adopt: true` to take over the existing object"
        : "declare the resource in the program: its create takes over the existing object";
  return `pulumi import is not supported for dynamic resources (the engine sends no provider code); ${instead}`;
}

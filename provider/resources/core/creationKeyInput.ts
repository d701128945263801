/**
 * Program side of the creation key (see `creationKey.ts`): the resource classes call {@link creationKeyInput} in their
 * constructor and pass the result as the `creationKey` input. It runs in the user's program, never in the plugin host.
 */
import * as pulumi from "@pulumi/pulumi";
import { baseCreationKey } from "./creationKey";

/** The Pulumi organization, or "" when the SDK has none (a program under `setMocks` without one). */
export function currentOrganization(): string {
  try {
    return pulumi.getOrganization();
  } catch {
    return "";
  }
}

/**
 * The base creation key of a resource about to be registered: a hash of the URN it will get (parent type chain
 * included, exactly as the engine builds it) and the organization. Known at preview: URNs never are unknown.
 *
 * @param type the resource's type token, e.g. `pulumi-nodejs:dynamic/konnect:DcrProvider`
 * @param name the resource's logical name
 * @param parent `opts.parent`, when the resource has one
 */
export function creationKeyInput(type: string, name: string, parent?: pulumi.Resource): pulumi.Output<string> {
  const organization = currentOrganization();
  // Only the URN's value is needed, never a dependency: an Output of the URN depends on `parent`, and a dependency on
  // a component is one on all of its children, this resource's siblings included, which would wait for each other.
  // URNs are always known (also at preview), so the promise always settles.
  const urn = new Promise<string>((resolve) => {
    pulumi.createUrn(name, type, parent).apply((value) => resolve(value));
  });
  return pulumi.output(urn.then((value) => baseCreationKey({ urn: value, organization })));
}

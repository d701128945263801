/**
 * Baselines made of nothing but `fetch`. `fetchOnlyProvider` (provider start-up): `create` is one POST of a key-auth
 * strategy. `fetchRequestsProvider` (plugin-host CPU): `create` makes exactly the requests its inputs list, in order
 * (the same ones ours makes, see floors.ts), and answers with the id of the POSTed object. No imports, nothing
 * captured but globals, so their serialized text and their cost are the floor any real provider is compared with.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { BaselineRequest } from "./floors";

/** Inputs of the start-up baseline provider. */
export interface FetchOnlyInputs {
  url: string;
  token: string;
  name: string;
}

/** A fetch-only dynamic provider: check echoes, create POSTs once. */
export const fetchOnlyProvider: pulumi.dynamic.ResourceProvider<FetchOnlyInputs, { name: string }> = {
  async check(_olds, news) {
    return Promise.resolve({ inputs: news });
  },
  async create(inputs) {
    const response = await fetch(`${inputs.url}/v2/application-auth-strategies`, {
      method: "POST",
      headers: { Authorization: `Bearer ${inputs.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        name: inputs.name,
        display_name: inputs.name,
        strategy_type: "key_auth",
        configs: { "key-auth": { key_names: ["apikey"] } },
      }),
    });
    if (response.status !== 201) throw new Error(`create failed: HTTP ${response.status}`);
    const body = (await response.json()) as { id: string };
    return { id: body.id, outs: { name: inputs.name } };
  },
};

/** Inputs of the request-replaying baseline provider. */
export interface FetchRequestsInputs {
  url: string;
  token: string;
  name: string;
  requests: BaselineRequest[];
}

/** A fetch-only dynamic provider that makes the listed requests; check echoes. */
export const fetchRequestsProvider: pulumi.dynamic.ResourceProvider<FetchRequestsInputs, { name: string }> = {
  async check(_olds, news) {
    return Promise.resolve({ inputs: news });
  },
  async create(inputs) {
    let id: string | undefined;
    for (const request of inputs.requests) {
      const response = await fetch(`${inputs.url}${request.path}`, {
        method: request.method,
        headers: {
          Authorization: `Bearer ${inputs.token}`,
          Accept: "application/json",
          ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      if (response.status < 200 || response.status >= 300) {
        throw new Error(`${request.method} failed: HTTP ${response.status}`);
      }
      const body = (await response.json()) as { id?: string };
      if (request.method === "POST") id = body.id;
    }
    if (id === undefined) throw new Error("no POST answered with an id");
    return { id, outs: { name: inputs.name } };
  },
};

/**
 * The baseline for provider start-up: a trivial dynamic provider whose `create` is one `fetch` POST of a key-auth
 * strategy to the emulator (URL and token come in the inputs). No imports, nothing captured but globals, so its
 * serialized text and start-up are the floor any real provider is compared with.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Inputs of the baseline provider. */
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

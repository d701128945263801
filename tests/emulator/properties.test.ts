import fc from "fast-check";
import { applyLabelPatch } from "../../tools/emulator/labels";
import { DCR_BODIES, call, useEmulator } from "../../tools/emulator/testSupport";

const konnect = useEmulator({ resetEachTest: false });

/** Secrets long and distinctive enough that finding one in a response cannot be a coincidence. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((s) => `S3cr3t_${s}`);

/** A create body of a type with a secret, holding the given secret. */
function bodyWithSecret(type: "azureAd" | "auth0" | "curity" | "okta" | "http", value: string) {
  switch (type) {
    case "okta":
      return { ...DCR_BODIES.okta, dcr_config: { dcr_token: value } };
    case "http":
      return { ...DCR_BODIES.http, dcr_config: { ...DCR_BODIES.http.dcr_config, api_key: value } };
    default:
      return { ...DCR_BODIES[type], dcr_config: { ...DCR_BODIES[type].dcr_config, initial_client_secret: value } };
  }
}

const SECRET_FIELD = {
  azureAd: "initial_client_secret",
  auth0: "initial_client_secret",
  curity: "initial_client_secret",
  okta: "dcr_token",
  http: "api_key",
} as const;

describe("invariants", () => {
  it("no response to create, PATCH, get or list ever carries a secret, and the last one sent is stored", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("azureAd", "auth0", "curity", "okta", "http" as const),
        secret,
        fc.array(fc.option(secret, { nil: undefined }), { maxLength: 3 }),
        async (type, first, rotations) => {
          konnect.reset();
          const sent = [first];
          const created = await call(konnect, "POST", "/v2/dcr-providers", bodyWithSecret(type, first));
          const answers = [created];
          for (const rotation of rotations) {
            // undefined: a PATCH without the secret (it must be kept); otherwise a rotation.
            const patch =
              rotation === undefined ? { name: "renamed" } : { dcr_config: { [SECRET_FIELD[type]]: rotation } };
            if (rotation !== undefined) sent.push(rotation);
            answers.push(await call(konnect, "PATCH", `/v2/dcr-providers/${created.id}`, patch));
          }
          answers.push(await call(konnect, "GET", `/v2/dcr-providers/${created.id}`));
          answers.push(await call(konnect, "GET", "/v2/dcr-providers"));
          const text = JSON.stringify(answers.map((answer): unknown => answer.body));
          for (const value of sent) expect(text).not.toContain(value);
          expect(answers.map((answer) => answer.status)).toStrictEqual([201, ...rotations.map(() => 200), 200, 200]);
          expect(konnect.storedSecrets(created.id)).toStrictEqual({ [SECRET_FIELD[type]]: sent[sent.length - 1] });
        },
      ),
      { numRuns: 30 },
    );
  });

  it("walking every page returns each object exactly once, in the same order as one big page", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 12 }), async (count, size) => {
        konnect.reset();
        for (let i = 0; i < count; i++) konnect.seedDcrProvider({ ...DCR_BODIES.okta, name: `p${i}` });
        const all = await call(konnect, "GET", "/v2/dcr-providers?page[size]=100&sort=name desc");
        const walked: unknown[] = [];
        for (let number = 1; ; number++) {
          const page = await call(
            konnect,
            "GET",
            `/v2/dcr-providers?page[size]=${size}&page[number]=${number}&sort=name desc`,
          );
          expect(page.body.meta.page).toStrictEqual({ number, size, total: count });
          walked.push(...(page.body.data as unknown[]));
          if (number * size >= count) break;
        }
        expect(walked).toStrictEqual(all.body.data);
        expect(walked).toHaveLength(count);
      }),
      { numRuns: 20 },
    );
  });

  it("a label patch applied twice gives the same labels as once, and null keys are gone", () => {
    const key = fc.stringMatching(/^[a-z]{1,3}$/);
    const labels = fc.dictionary(key, fc.stringMatching(/^[a-z]{1,3}$/));
    const patch = fc.dictionary(key, fc.option(fc.stringMatching(/^[a-z]{1,3}$/), { nil: null }));
    fc.assert(
      fc.property(labels, patch, fc.constantFrom("merge" as const, "replace" as const), (current, update, mode) => {
        const once = applyLabelPatch(current, update, mode);
        expect(applyLabelPatch(once, update, mode)).toStrictEqual(once);
        for (const [name, value] of Object.entries(update)) {
          if (value === null) expect(once).not.toHaveProperty(name);
          else expect(once[name]).toBe(value);
        }
      }),
    );
  });
});

/**
 * Public types of `konnect.DcrRequestCheck` (type token `pulumi-nodejs:dynamic/konnect:DcrRequestCheck`), derived
 * from its input table (`./inputs.ts`): the last step of Kong's Azure DCR guide, a first successful request, inside
 * `pulumi up`. What each step does is in `./definition.ts`. Types only: nothing here loads at run time.
 */
import type { ArgsOf, PlainOf } from "../core/tableTypes";
import type { DCR_REQUEST_CHECK_INPUTS } from "./inputs";

/** Arguments of a first-request check (`konnect.DcrRequestCheck`). */
export interface DcrRequestCheckArgs extends ArgsOf<typeof DCR_REQUEST_CHECK_INPUTS> {}

/** Plain request check inputs as the dynamic provider receives them after `check`. */
export interface DcrRequestCheckInputs extends PlainOf<typeof DCR_REQUEST_CHECK_INPUTS> {}

/** One check that passed, as the report shows it. */
export interface DcrRequestCheckResult {
  /** What was checked (`Token version is v1 (claim ver = "1.0")`). */
  title: string;
  /** Always `pass` in outputs: a run with a failed check fails the `up` instead. */
  status: "pass";
  /** What was seen (`ver is "1.0".`); never a secret or the token. */
  detail: string;
}

/** The claims of the token that are not secret (each absent when the token had none). */
export interface DcrTokenClaims {
  /** Token version (`1.0`). */
  ver?: string;
  /** Issuer (`https://sts.windows.net/<tenant GUID>/`). */
  iss?: string;
  /** Client id of the application the token was issued to. */
  appid?: string;
  /** Tenant GUID. */
  tid?: string;
  /** Audience: the resource the token is for. */
  aud?: string;
}

/**
 * Plain outputs stored in state: the inputs (the client secret as a Pulumi secret), and what the last passing run
 * checked and when. Never the access token.
 */
export interface DcrRequestCheckOutputs extends DcrRequestCheckInputs {
  /** When the last passing run ended (ISO 8601, UTC). */
  checkedAt: string;
  /** Attempts the last passing run took (1 when everything worked at once). */
  attempts: number;
  /** Each check of the last passing run: the token, its claims, and the route when there is one. */
  results: DcrRequestCheckResult[];
  /** The token's claims that are not secret. */
  claims: DcrTokenClaims;
}

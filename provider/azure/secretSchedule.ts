/**
 * Deterministic client-secret schedule: time is cut into rotation windows of `rotationDays` counted from the Unix
 * epoch, and a secret created in a window expires `lifetimeDays` after the window's start. Every `pulumi up` inside
 * one window computes the same end date (no churn); the first `up` in the next window yields a new window start, which
 * replaces the secret (create before delete).
 */
import type * as pulumi from "@pulumi/pulumi";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Default lifetime of a client secret, in days (many tenant policies cap secrets at 180 days or a year). */
export const DEFAULT_SECRET_LIFETIME_DAYS = 180;
/** Default rotation period of a client secret, in days: a fresh secret at least 90 days before the old one expires. */
export const DEFAULT_SECRET_ROTATION_DAYS = 90;

/** Inputs of {@link secretSchedule}. */
export interface SecretScheduleArgs {
  /** Days a secret stays valid, counted from its window start. Whole number, greater than `rotationDays`. */
  lifetimeDays: number;
  /** Length of a rotation window in days. Whole number, at least 1. */
  rotationDays: number;
  /** The current time in milliseconds since the epoch. */
  nowMs: number;
}

/** Window start and end date of the current secret, both RFC 3339 UTC without fractional seconds. */
export interface SecretSchedule {
  /** Start of the current rotation window: changes exactly when a rotation is due. */
  windowStart: string;
  /** Expiry of a secret created in this window: `windowStart + lifetimeDays`. */
  endDate: string;
}

/** RFC 3339 UTC without milliseconds, the form Azure returns (`2026-01-01T00:00:00Z`). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Checks a lifetime and a rotation period.
 * @throws when either is not a positive whole number or the lifetime does not exceed the rotation period.
 */
export function validateSecretSchedule(lifetimeDays: number, rotationDays: number): void {
  if (!Number.isInteger(lifetimeDays) || lifetimeDays < 1) {
    throw new Error(`secretLifetimeDays: must be a whole number of days, at least 1 (got ${lifetimeDays})`);
  }
  if (!Number.isInteger(rotationDays) || rotationDays < 1) {
    throw new Error(`secretRotationDays: must be a whole number of days, at least 1 (got ${rotationDays})`);
  }
  if (lifetimeDays <= rotationDays) {
    throw new Error(
      `secretLifetimeDays (${lifetimeDays}) must exceed secretRotationDays (${rotationDays}): ` +
        "otherwise a secret can expire before its replacement exists",
    );
  }
}

/** The rotation window containing `nowMs` and the end date of a secret created in it. */
export function secretSchedule(args: SecretScheduleArgs): SecretSchedule {
  validateSecretSchedule(args.lifetimeDays, args.rotationDays);
  const windowMs = args.rotationDays * DAY_MS;
  const start = Math.floor(args.nowMs / windowMs) * windowMs;
  return { windowStart: rfc3339(start), endDate: rfc3339(start + args.lifetimeDays * DAY_MS) };
}

/**
 * Checks an explicit end date: RFC 3339 with a time zone.
 * @throws when the value does not parse.
 */
export function validateEndDate(endDate: string): void {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(endDate) || isNaN(Date.parse(endDate))) {
    throw new Error(`secretEndDate: must be an RFC 3339 date-time such as 2027-01-31T00:00:00Z (got "${endDate}")`);
  }
}

/** The secret settings shared by the admin app and the test client (the names of their arguments). */
export interface SecretScheduleSettings {
  /** Days a client secret stays valid, counted from its rotation window start (default 180). */
  secretLifetimeDays?: number;
  /** Rotation period in days (default 90). */
  secretRotationDays?: number;
  /** Explicit expiry (RFC 3339) instead of the periodic schedule; exclusive with the two above. */
  secretEndDate?: string;
  /** Any value; changing it rotates the secret now. */
  secretRotationKey?: pulumi.Input<string>;
}

/** What a secret schedule resolves to: an `ApplicationPassword`'s end date and the values whose change rotates it. */
export interface SecretPlan {
  /** `endDate` of the password. */
  endDate: string;
  /** `rotateWhenChanged` of the password (absent only for a fixed end date without a rotation key). */
  rotateWhenChanged?: Record<string, pulumi.Input<string>>;
}

/**
 * The end date and rotation trigger of a client secret, from the settings at `nowMs`: a fixed `secretEndDate`
 * (rotated by `secretRotationKey` only), else the periodic window (`rotationWindow`, plus `rotationKey` when given).
 * Two callers with the same settings at the same time get the same plan, so secrets on one schedule rotate together.
 * @throws naming the setting, on a bad combination or value.
 */
export function planSecret(settings: SecretScheduleSettings, nowMs: number): SecretPlan {
  const key = settings.secretRotationKey;
  if (settings.secretEndDate !== undefined) {
    if (settings.secretLifetimeDays !== undefined || settings.secretRotationDays !== undefined) {
      throw new Error("secretEndDate: cannot be combined with secretLifetimeDays or secretRotationDays");
    }
    validateEndDate(settings.secretEndDate);
    return {
      endDate: settings.secretEndDate,
      ...(key === undefined ? {} : { rotateWhenChanged: { rotationKey: key } }),
    };
  }
  const schedule = secretSchedule({
    lifetimeDays: settings.secretLifetimeDays ?? DEFAULT_SECRET_LIFETIME_DAYS,
    rotationDays: settings.secretRotationDays ?? DEFAULT_SECRET_ROTATION_DAYS,
    nowMs,
  });
  return {
    endDate: schedule.endDate,
    rotateWhenChanged: { rotationWindow: schedule.windowStart, ...(key === undefined ? {} : { rotationKey: key }) },
  };
}

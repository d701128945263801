/** The Microsoft Graph permission table, presets and resolution, and the secret schedule: pure functions. */
import {
  GRAPH_PERMISSIONS,
  GRAPH_PERMISSION_PRESETS,
  MICROSOFT_GRAPH_APP_ID,
  resolveGraphPermissions,
  secretSchedule,
} from "../../provider/azure";
import { GRAPH_APP_ID, GRAPH_APP_ROLE_IDS, GRAPH_SCOPE_IDS } from "./azureMocks";

describe("Microsoft Graph permission table", () => {
  test("matches the Graph permissions reference exactly", () => {
    expect(MICROSOFT_GRAPH_APP_ID).toBe("00000003-0000-0000-c000-000000000000");
    expect(GRAPH_PERMISSIONS).toEqual({
      "Application.Read.All": {
        value: "Application.Read.All",
        id: "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30",
        type: "Role",
      },
      "Application.ReadWrite.All": {
        value: "Application.ReadWrite.All",
        id: "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9",
        type: "Role",
      },
      "Application.ReadWrite.OwnedBy": {
        value: "Application.ReadWrite.OwnedBy",
        id: "18a4783c-866b-4cc7-a460-3d5e5662c884",
        type: "Role",
      },
      "User.Read": { value: "User.Read", id: "e1fe6dd8-ba31-4d61-89e7-88639da4683d", type: "Scope" },
    });
  });

  test("agrees with what Graph's service principal reports in the mocks", () => {
    expect(MICROSOFT_GRAPH_APP_ID).toBe(GRAPH_APP_ID);
    for (const p of Object.values(GRAPH_PERMISSIONS)) {
      expect([p.value, p.id]).toEqual([p.value, (p.type === "Role" ? GRAPH_APP_ROLE_IDS : GRAPH_SCOPE_IDS)[p.value]]);
    }
  });

  test("presets", () => {
    expect(GRAPH_PERMISSION_PRESETS).toEqual({
      leastPrivilege: ["Application.ReadWrite.OwnedBy", "User.Read"],
      legacyGuide: ["Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy", "User.Read"],
      none: [],
    });
  });
});

describe("resolveGraphPermissions", () => {
  const values = (...args: Parameters<typeof resolveGraphPermissions>) =>
    resolveGraphPermissions(...args).map((p) => `${p.type}:${p.value}`);

  test.each<[string, Parameters<typeof resolveGraphPermissions>, string[]]>([
    ["default preset", [], ["Role:Application.ReadWrite.OwnedBy", "Scope:User.Read"]],
    [
      "legacy preset",
      ["legacyGuide"],
      [
        "Role:Application.Read.All",
        "Role:Application.ReadWrite.All",
        "Role:Application.ReadWrite.OwnedBy",
        "Scope:User.Read",
      ],
    ],
    ["none", ["none"], []],
    [
      "duplicates collapse",
      ["leastPrivilege", ["User.Read", "Application.ReadWrite.OwnedBy"]],
      ["Role:Application.ReadWrite.OwnedBy", "Scope:User.Read"],
    ],
    [
      "roles before scopes, by value",
      ["none", ["User.Read", "Application.ReadWrite.All", "Application.Read.All"]],
      ["Role:Application.Read.All", "Role:Application.ReadWrite.All", "Scope:User.Read"],
    ],
  ])("%s", (_label, args, expected) => {
    expect(values(...args)).toEqual(expected);
  });

  test("order never depends on the argument order", () => {
    const names = ["User.Read", "Application.ReadWrite.OwnedBy", "Application.Read.All", "Application.ReadWrite.All"];
    const reference = resolveGraphPermissions("none", names);
    expect(resolveGraphPermissions("none", [...names].reverse())).toEqual(reference);
    expect(resolveGraphPermissions("legacyGuide")).toEqual(reference);
  });

  test.each<[string, Parameters<typeof resolveGraphPermissions>, string]>([
    ["unknown preset", ["everything"], 'graphPermissionPreset: unknown preset "everything"'],
    ["unknown name", ["none", ["Mail.Send"]], 'graphPermissions: unknown permission "Mail.Send"'],
    ["custom id not a GUID", ["none", [{ value: "X", id: "nope", type: "Role" }]], '"X" id must be a GUID'],
    [
      "custom type",
      ["none", [{ value: "X", id: "df021288-bdef-4463-88db-98f22de89214", type: "App" as "Role" }]],
      '"X" type must be Role or Scope',
    ],
    [
      "same value, other id",
      ["leastPrivilege", [{ value: "User.Read", id: "df021288-bdef-4463-88db-98f22de89214", type: "Scope" }]],
      '"User.Read" is listed with two different ids or types',
    ],
  ])("rejects %s", (_label, args, message) => {
    expect(() => resolveGraphPermissions(...args)).toThrow(message);
  });
});

describe("secretSchedule", () => {
  const at = (iso: string, lifetimeDays = 180, rotationDays = 90) =>
    secretSchedule({ lifetimeDays, rotationDays, nowMs: Date.parse(iso) });

  test.each([
    ["2026-03-08T00:00:00Z", { windowStart: "2026-03-08T00:00:00Z", endDate: "2026-09-04T00:00:00Z" }],
    ["2026-06-05T23:59:59Z", { windowStart: "2026-03-08T00:00:00Z", endDate: "2026-09-04T00:00:00Z" }],
    ["2026-06-06T00:00:00Z", { windowStart: "2026-06-06T00:00:00Z", endDate: "2026-12-03T00:00:00Z" }],
  ])("at %s", (now, expected) => {
    expect(at(now)).toEqual(expected);
  });

  test("a secret always outlives the start of the next window by lifetime - rotation days", () => {
    for (const [lifetime, rotation] of [
      [180, 90],
      [365, 30],
      [730, 180],
      [2, 1],
    ] as const) {
      for (const iso of ["2026-01-01T00:00:00Z", "2026-07-19T13:14:15Z", "2031-02-28T23:59:59Z"]) {
        const s = at(iso, lifetime, rotation);
        const nextWindow = Date.parse(s.windowStart) + rotation * 86_400_000;
        expect(Date.parse(s.endDate) - nextWindow).toBe((lifetime - rotation) * 86_400_000);
        expect(Date.parse(iso)).toBeGreaterThanOrEqual(Date.parse(s.windowStart));
        expect(Date.parse(iso)).toBeLessThan(nextWindow);
      }
    }
  });
});

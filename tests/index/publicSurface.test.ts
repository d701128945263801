/**
 * The package's public surface: `pulumi-konnect-dcr/runtime` exports exactly what the serialized providers load, and
 * the package exports nothing else besides its entry (test and benchmark hooks are reachable by path only).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as runtime from "../../provider/resources/runtime";
import * as hooks from "../../provider/resources/testHooks";

it("the runtime entry exports only configureFromStack and the handlers by resource name", () => {
  expect(Object.keys(runtime).sort()).toEqual(["configureFromStack", "handlers"]);
  expect(Object.keys(runtime.handlers).sort()).toEqual([
    "apiPublication",
    "applicationRegistration",
    "authStrategy",
    "dcrProvider",
    "dcrRequestCheck",
    "portalApplication",
    "portalDefaultAuthStrategy",
    "portalTeam",
  ]);
  for (const handlers of Object.values(runtime.handlers)) {
    expect(Object.keys(handlers).sort()).toEqual(["check", "create", "delete", "diff", "read", "update"]);
  }
});

it("test hooks live outside the package's exports", () => {
  expect(Object.keys(hooks).sort()).toEqual([
    "resetReplacementWatch",
    "setProviderLogSink",
    "setRequestCheckSchedule",
    "setStackSettings",
    "setTransportOptions",
    "setVerifySchedule",
  ]);
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
    exports: Record<string, unknown>;
  };
  expect(Object.keys(pkg.exports).sort()).toEqual([".", "./package.json", "./runtime"]);
});

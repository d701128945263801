/**
 * The verify tool's small parts: option parsing (URL rules, env fallbacks), JWT payload decoding, redaction and the
 * hidden prompt.
 */
import { EventEmitter } from "node:events";
import { decodeJwtPayload } from "../../provider/verify/jwt";
import { parseOptions, type VerifyOptions } from "../../provider/verify/options";
import { promptHidden } from "../../provider/verify/prompt";
import { makeRedactor } from "../../provider/verify/redact";
import { tokenEndpoint } from "../../provider/verify/token";
import { makeJwt } from "./standins";

const base = ["--tenant", "contoso.onmicrosoft.com", "--route", "https://api.example.com/orders"];

function options(argv: string[], env: Record<string, string> = { DCR_CLIENT_ID: "cid" }): VerifyOptions {
  const parsed = parseOptions(argv, env);
  if (parsed.kind !== "options") throw new Error(JSON.stringify(parsed));
  return parsed.options;
}

function error(argv: string[], env: Record<string, string> = { DCR_CLIENT_ID: "cid" }): string {
  const parsed = parseOptions(argv, env);
  return parsed.kind === "error" ? parsed.message : parsed.kind;
}

describe("parseOptions", () => {
  it("applies defaults and env fallbacks", () => {
    const o = options(base);
    expect([o.tenant, o.clientId, o.route.toString(), o.resource, o.loginUrl.toString(), o.method]).toEqual([
      "contoso.onmicrosoft.com",
      "cid",
      "https://api.example.com/orders",
      "https://graph.microsoft.com",
      "https://login.microsoftonline.com/",
      "GET",
    ]);
    expect(options(["--route", "https://a.example"], { DCR_CLIENT_ID: "x", AZURE_TENANT_ID: "t1" }).tenant).toBe("t1");
    expect(options([...base, "--client-id", "flag"]).clientId).toBe("flag");
  });

  it("accepts https anywhere and http on loopback only for --login-url", () => {
    expect(options([...base, "--login-url", "https://login.microsoftonline.us"]).loginUrl.host).toBe(
      "login.microsoftonline.us",
    );
    for (const host of ["http://127.0.0.1:1234", "http://localhost:1", "http://[::1]:8080"]) {
      expect(options([...base, "--login-url", host]).loginUrl.protocol).toBe("http:");
    }
    expect(error([...base, "--login-url", "http://10.0.0.1"])).toBe(
      "--login-url must use https (http is accepted only for 127.0.0.1, ::1 and localhost).",
    );
    expect(error([...base, "--login-url", "ftp://x"])).toBe("--login-url must be an https URL.");
    expect(error([...base, "--login-url", "nope"])).toBe("--login-url is not a valid URL.");
  });

  it("allows an http route off loopback only with --insecure-http", () => {
    const argv = ["--tenant", "t", "--route", "http://gateway.internal:8000/x"];
    expect(error(argv)).toBe("--route must use https (http is accepted only for 127.0.0.1, ::1 and localhost).");
    expect(options([...argv, "--insecure-http"]).route.host).toBe("gateway.internal:8000");
    expect(error(["--tenant", "t", "--route", "https://u:p@gw.example/x"])).toBe(
      "--route must not contain credentials.",
    );
  });

  it("rejects every spelling of a secret flag without echoing its value", () => {
    for (const flag of ["--client-secret=abc", "--client-secret", "--secret", "--clientSecret=x", "-secret"]) {
      expect(error([...base, flag, "value"])).toBe(
        "The client secret is not accepted on the command line (shell history, ps). Set DCR_CLIENT_SECRET or let the tool prompt for it.",
      );
    }
  });

  it("requires tenant, client id and route; validates the method", () => {
    expect(error(["--route", "https://a"], { DCR_CLIENT_ID: "x" })).toBe(
      "--tenant (or AZURE_TENANT_ID) is required: the directory GUID or domain.",
    );
    expect(error(["--tenant", "a/b", "--route", "https://a"])).toBe(
      "--tenant (or AZURE_TENANT_ID) is required: the directory GUID or domain.",
    );
    expect(error(base, {})).toBe("--client-id or DCR_CLIENT_ID is required.");
    expect(error(["--tenant", "t"])).toBe("--route is required: the gateway URL of the API.");
    expect(error([...base, "--method", "TRACE"])).toBe(
      "--method must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.",
    );
    expect(error([...base, "--tenant"])).toBe(
      "Invalid arguments: every option except --insecure-http and --help takes a value.",
    );
    expect(parseOptions(["-h"], {}).kind).toBe("help");
  });
});

describe("tokenEndpoint", () => {
  it("is the v1 endpoint of the tenant", () => {
    expect(tokenEndpoint(new URL("https://login.microsoftonline.com"), "t1").toString()).toBe(
      "https://login.microsoftonline.com/t1/oauth2/token",
    );
    expect(tokenEndpoint(new URL("http://127.0.0.1:9/base/"), "t1").toString()).toBe(
      "http://127.0.0.1:9/base/t1/oauth2/token",
    );
  });
});

describe("decodeJwtPayload", () => {
  it("decodes the payload without checking the signature", () => {
    expect(decodeJwtPayload(makeJwt({ ver: "1.0", appid: "a" }))).toEqual({
      ok: true,
      claims: { ver: "1.0", appid: "a" },
    });
  });
  it("explains what is wrong without repeating the token", () => {
    expect(decodeJwtPayload("opaque-token")).toEqual({
      ok: false,
      reason: "not a JWT: expected 3 dot-separated parts, got 1",
    });
    expect(decodeJwtPayload("a.b!c.d")).toEqual({ ok: false, reason: "not a JWT: the payload is not base64url" });
    expect(decodeJwtPayload(`a.${Buffer.from("nope").toString("base64url")}.c`)).toEqual({
      ok: false,
      reason: "not a JWT: the payload is not JSON",
    });
    expect(decodeJwtPayload(`a.${Buffer.from("[1]").toString("base64url")}.c`)).toEqual({
      ok: false,
      reason: "not a JWT: the payload is not a JSON object",
    });
  });
});

describe("makeRedactor", () => {
  it("replaces every occurrence, longest first, and ignores tiny values", () => {
    const redact = makeRedactor(["secret-value", "secret-value-long", "ab", undefined]);
    expect(redact("x secret-value-long y secret-value z ab")).toBe("x [redacted] y [redacted] z ab");
  });
});

describe("promptHidden", () => {
  class FakeTty extends EventEmitter {
    isTTY = true;
    raw: boolean[] = [];
    setRawMode(mode: boolean) {
      this.raw.push(mode);
    }
    resume() {}
    pause() {}
  }

  it("reads until Enter, handles backspace, echoes nothing and restores the terminal", async () => {
    const tty = new FakeTty();
    let out = "";
    const answer = promptHidden("Client secret: ", tty, { write: (t: string) => (out += t) });
    tty.emit("data", Buffer.from("sekr"));
    tty.emit("data", Buffer.from("\u007fret\r"));
    await expect(answer).resolves.toBe("sekret");
    expect(out).toBe("Client secret: \n");
    expect(tty.raw).toEqual([true, false]);
  });

  it("returns undefined on Ctrl-C and when input is not a terminal", async () => {
    const tty = new FakeTty();
    const answer = promptHidden("? ", tty, { write: () => undefined });
    tty.emit("data", "ab\u0003");
    await expect(answer).resolves.toBeUndefined();
    const pipe = new FakeTty();
    pipe.isTTY = false;
    await expect(promptHidden("? ", pipe, { write: () => undefined })).resolves.toBeUndefined();
  });
});

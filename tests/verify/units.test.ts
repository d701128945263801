/**
 * The verify tool's small parts: option parsing (URL rules, env fallbacks), JWT payload decoding, redaction and the
 * hidden prompt.
 */
import { EventEmitter } from "node:events";
import axios from "axios";
import { createHttp, isLoopback, send } from "../../provider/verify/http";
import { decodeJwtPayload } from "../../provider/verify/jwt";
import { parseOptions, type VerifyOptions } from "../../provider/verify/options";
import { promptHidden } from "../../provider/verify/prompt";
import { makeRedactor } from "../../provider/verify/redact";
import { tokenEndpoint } from "../../provider/verify/token";
import { startTrickleServer } from "../konnect/trickle";
import { makeJwt } from "../../tools/standins/jwt";

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
    for (const host of ["http://127.0.0.1:1234", "http://localhost:1", "http://[::1]:8080", "http://127.0.0.2:80"]) {
      expect(options([...base, "--login-url", host]).loginUrl.protocol).toBe("http:");
    }
    expect(error([...base, "--login-url", "http://10.0.0.1"])).toBe(
      "--login-url must use https (http is accepted only for loopback hosts: localhost, 127.0.0.0/8 and ::1).",
    );
    expect(error([...base, "--login-url", "ftp://x"])).toBe("--login-url must be an https URL.");
    expect(error([...base, "--login-url", "nope"])).toBe("--login-url is not a valid URL.");
  });

  it("allows an http route off loopback only with --insecure-http", () => {
    const argv = ["--tenant", "t", "--route", "http://gateway.internal:8000/x"];
    expect(error(argv)).toBe(
      "--route must use https (http is accepted only for loopback hosts: localhost, 127.0.0.0/8 and ::1).",
    );
    expect(options([...argv, "--insecure-http"]).route.host).toBe("gateway.internal:8000");
    expect(error(["--tenant", "t", "--route", "https://u:p@gw.example/x"])).toBe(
      "--route must not contain credentials.",
    );
  });

  it("refuses a --login-url with a query or fragment, which could not take /<tenant>/oauth2/token", () => {
    const message = "--login-url must not contain a query or fragment: the tool appends /<tenant>/oauth2/token to it.";
    for (const url of [
      "https://login.example.com/?x=1",
      "https://login.example.com/#f",
      "https://login.example.com/?",
    ]) {
      expect(error([...base, "--login-url", url])).toBe(message);
    }
  });

  it("reads --timeout in seconds within the stated range", () => {
    expect(options(base).timeoutMs).toBe(20_000);
    expect(options([...base, "--timeout", "2"]).timeoutMs).toBe(2000);
    expect(options([...base, "--timeout", "0.001"]).timeoutMs).toBe(1);
    expect(options([...base, "--timeout", "86400"]).timeoutMs).toBe(86_400_000);
    for (const bad of ["0", "0.0001", "99999999", "-1", "soon", "", "Infinity"]) {
      expect(error([...base, `--timeout=${bad}`])).toBe("--timeout must be a number of seconds from 0.001 to 86400.");
    }
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
    // A query or fragment never ends up in front of the path (parseOptions refuses them; this is the second guard).
    expect(tokenEndpoint(new URL("https://login.example.com/base?x=1#f"), "t1").toString()).toBe(
      "https://login.example.com/base/t1/oauth2/token",
    );
    expect(tokenEndpoint(new URL("https://login.example.com"), "contoso.onmicrosoft.com").toString()).toBe(
      "https://login.example.com/contoso.onmicrosoft.com/oauth2/token",
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
    expect(redact("x secret-value-long y secret-value z ab")).toBe("x [secret] y [secret] z ab");
  });

  it("catches the secret echoed URL-encoded, form-encoded and JSON-escaped", () => {
    const secret = 's3cr3t~Value With+Chars/="é\\';
    const redact = makeRedactor([secret]);
    const echoes = [
      `client_secret=${new URLSearchParams({ s: secret }).toString().slice(2)}&resource=x`,
      `?client_secret=${encodeURIComponent(secret)}`,
      `?client_secret=${encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
      `?client_secret=${encodeURI(secret)}`,
      `{"client_secret":${JSON.stringify(secret)}}`,
      `{"client_secret":${JSON.stringify(secret).replace(/é/g, "\\u00e9").replace(/\//g, "\\/")}}`,
    ];
    for (const echo of echoes) {
      const out = redact(echo);
      expect(out).toContain("[secret]");
      expect(out).not.toMatch(/s3cr3t/i);
    }
    expect(redact("nothing to hide")).toBe("nothing to hide");
  });
});

describe("isLoopback", () => {
  it.each([
    ["http://localhost:1", true],
    ["http://127.0.0.1:1", true],
    ["http://127.255.0.9:1", true],
    ["http://[::1]:1", true],
    ["http://[::ffff:127.0.0.1]:1", true],
    ["http://128.0.0.1:1", false],
    ["http://10.0.0.1:1", false],
    ["http://localhost.example.com:1", false],
    ["http://127.0.0.1.example.com:1", false],
    ["http://[::2]:1", false],
  ])("%s is loopback: %s", (url, loopback) => {
    expect(isLoopback(new URL(url))).toBe(loopback);
  });
});

describe("send", () => {
  it("ends an answer that trickles a byte every 500 ms at the time limit, naming --timeout", async () => {
    const trickle = await startTrickleServer({ intervalMs: 500 });
    try {
      const started = Date.now();
      const exchange = await send(createHttp(), {
        method: "GET",
        url: new URL(`${trickle.url}/x`),
        headers: {},
        timeoutMs: 1500,
      });
      const elapsed = Date.now() - started;
      const host = new URL(trickle.url).host;
      expect(exchange).toEqual({ ok: false, reason: `no complete answer from ${host} within 1.5 s (--timeout)` });
      expect(elapsed).toBeGreaterThanOrEqual(1450);
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      await trickle.close();
    }
  });

  it("does not read an answer larger than 1 MiB", async () => {
    const big = axios.create({
      adapter: () =>
        Promise.reject(new axios.AxiosError("maxContentLength size of 1048576 exceeded", "ERR_BAD_RESPONSE")),
    });
    const exchange = await send(big, { method: "GET", url: new URL("https://gw.example.com/x"), headers: {} });
    expect(exchange).toEqual({
      ok: false,
      reason: "the answer from gw.example.com was larger than 1 MiB and was not read",
    });
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

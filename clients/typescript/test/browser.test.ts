/**
 * Browser mode (`refreshCookie`): the API keeps the refresh token in an HttpOnly cookie and
 * the client keeps only the access token; refresh and logout go through the cookie with a
 * CSRF token. Against the scripted transport, and once against a real `mentora serve`.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import {
  AuthenticationError,
  AuthorizationError,
  type ClientOptions,
  DatabaseError,
  MentoraClient,
  type Tokens,
} from "../src/index.js";
import { Servers } from "./support/server.js";
import { type Exchange, Recorder, type ScriptEntry, scriptedFetch } from "./support/transports.js";

const PAIR = { token_type: "bearer", expires_in: 60 };
const ME = { id: "u1", email: "student@demo.example.com" };
const LOGIN = "POST /v1/auth/login";
const REFRESH = "POST /v1/auth/refresh";
const LOGOUT = "POST /v1/auth/logout";
const ME_ROUTE = "GET /v1/users/me";

function signedIn(accessToken: string): ScriptEntry {
  return { data: { ...PAIR, access_token: accessToken, refresh_token: null } };
}

interface Browser {
  client: MentoraClient;
  recorder: Recorder;
  authFailures: AuthenticationError[];
  changes: (Tokens | null)[];
}

function browser(routes: Record<string, ScriptEntry[]>, options: Partial<ClientOptions> = {}): Browser {
  const recorder = new Recorder();
  const authFailures: AuthenticationError[] = [];
  const changes: (Tokens | null)[] = [];
  const client = new MentoraClient({
    baseUrl: "http://app.test",
    tenant: "demo",
    refreshCookie: true,
    csrfToken: () => "csrf-1",
    maxRetries: 0,
    fetch: scriptedFetch(routes, recorder),
    onTokens: (tokens) => changes.push(tokens),
    hooks: { onAuthFailure: (error) => void authFailures.push(error) },
    ...options,
  });
  return { client, recorder, authFailures, changes };
}

function only(recorder: Recorder, route: string): Exchange {
  const exchanges = recorder.on(route);
  assert.equal(exchanges.length, 1, `${route} sent ${exchanges.length} times`);
  return exchanges[0] as Exchange;
}

function bodyOf(exchange: Exchange): unknown {
  return JSON.parse(exchange.requestBody ?? "null");
}

test("login asks for the cookie and keeps no refresh token", async () => {
  const { client, recorder, changes } = browser({ [LOGIN]: [signedIn("a1")] });
  const pair = await client.auth.login({ email: "s@x.y", password: "pw" });
  assert.equal(pair.refresh_token, null);
  const login = only(recorder, LOGIN);
  assert.deepEqual(bodyOf(login), { email: "s@x.y", password: "pw", refresh_cookie: true });
  assert.equal(login.credentials, "same-origin");
  assert.deepEqual(client.tokens, { accessToken: "a1", refreshToken: null });
  assert.deepEqual(changes, [{ accessToken: "a1", refreshToken: null }]);
});

test("register asks for the cookie too", async () => {
  const { client, recorder } = browser({ "POST /v1/auth/register": [signedIn("a1")] });
  await client.auth.register({ email: "s@x.y", password: "long enough", name: "S" });
  assert.equal((bodyOf(only(recorder, "POST /v1/auth/register")) as Record<string, unknown>)["refresh_cookie"], true);
  assert.deepEqual(client.tokens, { accessToken: "a1", refreshToken: null });
});

test("a refresh sends {} with the CSRF token read at send time, and same-origin credentials", async () => {
  let csrf = "csrf-old";
  const { client, recorder } = browser({ [REFRESH]: [signedIn("a2")] }, { csrfToken: () => csrf, tokens: { accessToken: "a1", refreshToken: null } });
  csrf = "csrf-now";
  assert.deepEqual(await client.auth.refresh(), { accessToken: "a2", refreshToken: null });
  const refresh = only(recorder, REFRESH);
  assert.deepEqual(bodyOf(refresh), {});
  assert.equal(refresh.requestHeaders["x-csrf-token"], "csrf-now");
  assert.equal(refresh.credentials, "same-origin");
  assert.equal(refresh.requestHeaders["authorization"], undefined);
});

test("concurrent requests that meet TOKEN_EXPIRED share one cookie refresh", async () => {
  const { client, recorder, authFailures } = browser(
    {
      [ME_ROUTE]: [
        { when_token: "a1", status: 401, code: "TOKEN_EXPIRED" },
        { when_token: "a2", data: ME },
      ],
      [REFRESH]: [{ ...signedIn("a2"), delay: 0.05 }],
    },
    { tokens: { accessToken: "a1", refreshToken: null } },
  );
  const results = await Promise.all(Array.from({ length: 5 }, () => client.me.get()));
  assert.deepEqual(results.map((me) => me.email), Array(5).fill(ME.email));
  assert.deepEqual(bodyOf(only(recorder, REFRESH)), {});
  assert.deepEqual(client.tokens, { accessToken: "a2", refreshToken: null });
  assert.deepEqual(authFailures, []);
});

test("a refused cookie refresh during a request ends the session once", async () => {
  const { client, authFailures } = browser(
    {
      [ME_ROUTE]: [{ status: 401, code: "TOKEN_EXPIRED" }],
      [REFRESH]: [{ status: 401, code: "AUTHENTICATION_ERROR" }],
    },
    { tokens: { accessToken: "a1", refreshToken: null } },
  );
  await assert.rejects(Promise.all([client.me.get(), client.me.get()]), AuthenticationError);
  assert.equal(authFailures.length, 1);
  assert.equal(client.tokens, null);
});

test("resume signs a page load in from the cookie", async () => {
  const { client, recorder, changes } = browser({ [REFRESH]: [{ ...signedIn("a1"), delay: 0.02 }], [ME_ROUTE]: [{ when_token: "a1", data: ME }] });
  // Two callers at once (say, two components mounting) cause one refresh.
  assert.deepEqual(await Promise.all([client.auth.resume(), client.auth.resume()]), [true, true]);
  assert.deepEqual(bodyOf(only(recorder, REFRESH)), {});
  assert.equal(only(recorder, REFRESH).requestHeaders["x-csrf-token"], "csrf-1");
  assert.deepEqual(changes, [{ accessToken: "a1", refreshToken: null }]);
  assert.equal((await client.me.get()).email, ME.email);
  assert.equal(await client.auth.resume(), true); // signed in already: no request
  assert.equal(recorder.on(REFRESH).length, 1);
});

test("resume is false, with no onAuthFailure, for a visitor the server does not know", async () => {
  const { client, recorder, authFailures, changes } = browser({
    [REFRESH]: [{ status: 401, code: "AUTHENTICATION_ERROR", error: "No refresh token", details: { reason: "missing" } }],
  });
  assert.equal(await client.auth.resume(), false);
  assert.equal(recorder.on(REFRESH).length, 1);
  assert.deepEqual(authFailures, []);
  assert.deepEqual(changes, []);
  assert.equal(client.tokens, null);
});

test("resume is false without a request when the page holds no CSRF cookie (never signed in here)", async () => {
  const { client, recorder, authFailures } = browser({ [REFRESH]: [signedIn("a1")] }, { csrfToken: () => null });
  assert.equal(await client.auth.resume(), false);
  assert.equal(recorder.on(REFRESH).length, 0);
  assert.deepEqual(authFailures, []);
});

test("resume rejects with any other error", async () => {
  const refused = browser({ [REFRESH]: [{ status: 403, code: "AUTHORIZATION_ERROR", details: { required: "X-CSRF-Token" } }] });
  await assert.rejects(refused.client.auth.resume(), AuthorizationError);
  const failing = browser({ [REFRESH]: [{ status: 500, code: "DATABASE_ERROR" }] });
  await assert.rejects(failing.client.auth.resume(), DatabaseError);
  assert.deepEqual([...refused.authFailures, ...failing.authFailures], []);
});

test("without refreshCookie, resume sends nothing and says whether there are tokens", async () => {
  const recorder = new Recorder();
  const fetch = scriptedFetch({}, recorder);
  assert.equal(await new MentoraClient({ baseUrl: "http://t", fetch }).auth.resume(), false);
  const withTokens = new MentoraClient({ baseUrl: "http://t", fetch, tokens: { accessToken: "a", refreshToken: "r" } });
  assert.equal(await withTokens.auth.resume(), true);
  assert.deepEqual(recorder.exchanges, []);
});

test("refreshLock wraps every refresh, and the CSRF token is read inside it", async () => {
  const events: string[] = [];
  const refreshLock = async <T>(run: () => Promise<T>): Promise<T> => {
    events.push("lock");
    try {
      return await run();
    } finally {
      events.push("unlock");
    }
  };
  const scripted = scriptedFetch({ [REFRESH]: [{ ...signedIn("a1"), times: 1 }, signedIn("a2")] }, new Recorder());
  const { client } = browser(
    {},
    {
      refreshLock,
      csrfToken: () => {
        events.push("csrf");
        return "csrf-1";
      },
      fetch: (input, init) => {
        events.push("send");
        return scripted(input, init);
      },
    },
  );
  assert.equal(await client.auth.resume(), true);
  await client.auth.refresh();
  // resume first looks for the CSRF cookie (is there a sign-in to resume?); the one sent is read inside the lock.
  assert.deepEqual(events, ["csrf", "lock", "csrf", "send", "unlock", "lock", "csrf", "send", "unlock"]);
  assert.deepEqual(client.tokens, { accessToken: "a2", refreshToken: null });
});

test("a Web Lock is a refreshLock as it is (checked by tsc)", () => {
  const webLock: ClientOptions["refreshLock"] = (run) => navigator.locks.request("mentora-refresh", run);
  assert.equal(typeof webLock, "function");
});

test("logout goes through the cookie with the CSRF token and forgets the tokens, whatever the server says", async () => {
  const { client, recorder } = browser({ [LOGOUT]: [{ status: 500, code: "DATABASE_ERROR" }] }, { tokens: { accessToken: "a1", refreshToken: null } });
  await assert.rejects(client.auth.logout(), DatabaseError);
  const logout = only(recorder, LOGOUT);
  assert.deepEqual(bodyOf(logout), {});
  assert.equal(logout.requestHeaders["x-csrf-token"], "csrf-1");
  assert.equal(logout.credentials, "same-origin");
  assert.equal(client.tokens, null);
  // Without tokens in memory (a page that never resumed) the cookie is still signed out.
  const fresh = browser({ [LOGOUT]: [{ data: null }] });
  await fresh.client.auth.logout();
  assert.equal(fresh.recorder.on(LOGOUT).length, 1);
});

test("by default the CSRF token is the page's mentora_csrf cookie", async () => {
  const scope = globalThis as { document?: { cookie: string } };
  scope.document = { cookie: "theme=dark; mentora_csrf=from-the-page; other=1" };
  try {
    const recorder = new Recorder();
    const client = new MentoraClient({ baseUrl: "http://app.test", refreshCookie: true, fetch: scriptedFetch({ [REFRESH]: [signedIn("a1")] }, recorder) });
    assert.equal(await client.auth.resume(), true);
    assert.equal(only(recorder, REFRESH).requestHeaders["x-csrf-token"], "from-the-page");
    scope.document = { cookie: "theme=dark" };
    await client.auth.logout().catch(() => undefined);
    assert.equal(recorder.on(LOGOUT)[0]?.requestHeaders["x-csrf-token"], undefined);
  } finally {
    delete scope.document;
  }
});

test("without refreshCookie nothing changes: body tokens, no CSRF header, no credentials option", async () => {
  const recorder = new Recorder();
  const client = new MentoraClient({
    baseUrl: "http://t",
    csrfToken: () => "unused",
    fetch: scriptedFetch({ [LOGIN]: [{ data: { ...PAIR, access_token: "a1", refresh_token: "r1" } }], [REFRESH]: [{ data: { ...PAIR, access_token: "a2", refresh_token: "r2" } }] }, recorder),
  });
  await client.auth.login({ email: "s@x.y", password: "pw" });
  await client.auth.refresh();
  assert.deepEqual(bodyOf(only(recorder, LOGIN)), { email: "s@x.y", password: "pw" });
  const refresh = only(recorder, REFRESH);
  assert.deepEqual(bodyOf(refresh), { refresh_token: "r1" });
  assert.equal(refresh.requestHeaders["x-csrf-token"], undefined);
  assert.equal(refresh.credentials, null);
  assert.deepEqual(client.tokens, { accessToken: "a2", refreshToken: "r2" });
});

// -- against a real server ------------------------------------------------------------

/**
 * The cookie jar of one browser, shared by its tabs: Node's fetch keeps no cookies. It
 * honours Path and Max-Age, and sends Secure cookies over http, as browsers do for a
 * loopback address.
 */
class CookieJar {
  readonly #cookies = new Map<string, { value: string; path: string }>();

  fetchFor(): typeof fetch {
    return async (input, init) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      const headers = new Headers(init?.headers);
      const sent = [...this.#cookies].filter(([, cookie]) => url.pathname === cookie.path || url.pathname.startsWith(`${cookie.path.replace(/\/$/, "")}/`));
      if (sent.length > 0) headers.set("cookie", sent.map(([name, cookie]) => `${name}=${cookie.value}`).join("; "));
      const response = await fetch(input, { ...init, headers });
      for (const line of response.headers.getSetCookie()) this.#store(line);
      return response;
    };
  }

  get(name: string): string | null {
    return this.#cookies.get(name)?.value ?? null;
  }

  names(): string[] {
    return [...this.#cookies.keys()].sort();
  }

  #store(line: string): void {
    const [pair = "", ...attributes] = line.split(";").map((part) => part.trim());
    const separator = pair.indexOf("=");
    const name = pair.slice(0, separator);
    const attribute = (key: string): string | undefined =>
      attributes.find((part) => part.toLowerCase().startsWith(`${key.toLowerCase()}=`))?.split("=")[1];
    if (attribute("Max-Age") === "0") this.#cookies.delete(name);
    else this.#cookies.set(name, { value: pair.slice(separator + 1), path: attribute("Path") ?? "/" });
  }
}

const servers = new Servers();
after(() => servers.stop());

test("live: sign in with the cookie, refresh, a reload resumes, sign out ends it", async () => {
  const server = await servers.get("default");
  const jar = new CookieJar();
  const authFailures: AuthenticationError[] = [];
  const tab = (): MentoraClient =>
    new MentoraClient({
      baseUrl: server.baseUrl,
      tenant: "demo",
      refreshCookie: true,
      csrfToken: () => jar.get("mentora_csrf"),
      fetch: jar.fetchFor(),
      hooks: { onAuthFailure: (error) => void authFailures.push(error) },
    });
  try {
    const visitor = tab();
    assert.equal(await visitor.auth.resume(), false); // nobody signed in yet

    const first = tab();
    const pair = await first.auth.login({ email: "student@demo.example.com", password: server.demoPassword });
    assert.equal(pair.refresh_token, null);
    assert.deepEqual(jar.names(), ["mentora_csrf", "mentora_refresh"]);
    const before = jar.get("mentora_refresh");
    await first.auth.refresh();
    assert.notEqual(jar.get("mentora_refresh"), before);
    assert.equal((await first.me.get()).email, "student@demo.example.com");

    const reloaded = tab(); // a reload or a second tab: only the cookies survive
    assert.equal(await reloaded.auth.resume(), true);
    assert.equal((await reloaded.me.get()).email, "student@demo.example.com");

    const forged = new MentoraClient({ baseUrl: server.baseUrl, tenant: "demo", refreshCookie: true, csrfToken: () => "forged", fetch: jar.fetchFor() });
    await assert.rejects(forged.auth.resume(), AuthorizationError);

    await reloaded.auth.logout();
    assert.deepEqual(jar.names(), []);
    assert.equal(await tab().auth.resume(), false);
    assert.deepEqual(authFailures, []);
  } catch (error) {
    if (error instanceof Error) error.message += `\n--- server log (tail) ---\n${server.log()}`;
    throw error;
  }
});

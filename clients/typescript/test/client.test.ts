/** Client behaviour the shared scenarios do not reach: tokens, headers, keys, timeouts, hooks. */
import assert from "node:assert/strict";
import { type Server, createServer } from "node:http";
import { test } from "node:test";
import { MentoraClient, MentoraError, NotFoundError, type Tokens, TransportError, ValidationError } from "../src/index.js";

interface Sent {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
}

function ok(data: unknown, status = 200): Response {
  return new Response(JSON.stringify({ success: true, data, message: null }), { status });
}

function failure(status: number, code: string, details: Record<string, string> = {}): Response {
  const body = { success: false, error: code.toLowerCase(), code, details };
  return new Response(JSON.stringify(body), { status, headers: { "x-request-id": "rid-1" } });
}

function fakeFetch(answer: (sent: Sent) => Response, sent: Sent[] = []): typeof fetch {
  return async (input, init) => {
    const request = { method: init?.method ?? "GET", url: new URL(String(input)), headers: new Headers(init?.headers), body: (init?.body as string | undefined) ?? null };
    sent.push(request);
    return answer(request);
  };
}

const PAIR = { access_token: "a1", refresh_token: "r1", token_type: "bearer", expires_in: 60 };

test("login, refresh and logout report token changes", async () => {
  const changes: (Tokens | null)[] = [];
  const client = new MentoraClient({
    baseUrl: "http://t",
    initialRetryDelayMs: 1,
    onTokens: (tokens) => changes.push(tokens),
    fetch: fakeFetch(({ url, body }) => {
      if (url.pathname === "/v1/auth/refresh") {
        assert.deepEqual(JSON.parse(body ?? ""), { refresh_token: "r1" });
        return ok({ ...PAIR, access_token: "a2", refresh_token: "r2" });
      }
      if (url.pathname === "/v1/auth/logout") return failure(500, "DATABASE_ERROR");
      return ok(PAIR);
    }),
  });
  assert.equal((await client.auth.login({ email: "a@b.c", password: "pw" })).access_token, "a1");
  assert.deepEqual(await client.auth.refresh(), { accessToken: "a2", refreshToken: "r2" });
  await assert.rejects(client.auth.logout(), MentoraError); // the server failed; the tokens are forgotten all the same
  assert.deepEqual(changes, [
    { accessToken: "a1", refreshToken: "r1" },
    { accessToken: "a2", refreshToken: "r2" },
    null,
  ]);
  assert.equal(client.tokens, null);
});

test("requests carry the tenant and the token; only POST and PATCH carry a key, a fresh one per call", async () => {
  const sent: Sent[] = [];
  const client = new MentoraClient({
    baseUrl: "http://t/api/",
    tenant: "demo",
    tokens: { accessToken: "a", refreshToken: "r" },
    fetch: fakeFetch(() => ok({ id: "u1" }), sent),
  });
  await client.me.get();
  await client.me.update({ name: "N" });
  await client.users.invite({ email: "x@y.z", name: "X" });
  await client.request("POST", "/v1/things", { body: { a: 1 }, idempotencyKey: "my-key" });
  await client.users.delete("u 1/2");
  const [get, patch, invite, custom, remove] = sent;
  assert.ok(get && patch && invite && custom && remove);
  for (const request of sent) {
    assert.equal(request.headers.get("x-tenant"), "demo");
    assert.equal(request.headers.get("authorization"), "Bearer a");
    assert.equal(request.headers.get("user-agent"), null); // browsers refuse it, and CORS would have to allow it
  }
  assert.equal(get.headers.get("idempotency-key"), null);
  assert.equal(remove.headers.get("idempotency-key"), null);
  assert.match(patch.headers.get("idempotency-key") ?? "", /^[0-9a-f-]{32,36}$/);
  assert.notEqual(invite.headers.get("idempotency-key"), patch.headers.get("idempotency-key"));
  assert.equal(custom.headers.get("idempotency-key"), "my-key");
  assert.equal(remove.url.pathname, "/api/v1/console/users/u%201%2F2");
  assert.deepEqual(JSON.parse(patch.body ?? ""), { name: "N" });
  assert.equal(patch.headers.get("content-type"), "application/json");
});

test("query parameters drop unset values", async () => {
  const sent: Sent[] = [];
  const client = new MentoraClient({
    baseUrl: "http://t",
    fetch: fakeFetch(() => new Response(JSON.stringify({ success: true, data: [], total: 0, page: 1, page_size: 5, total_pages: 0 })), sent),
  });
  const page = await client.users.list({ q: "ann", is_active: true, limit: 5 });
  assert.equal(page.total, 0);
  assert.equal(sent[0]?.url.search, "?q=ann&is_active=true&limit=5");
});

test("sign-in calls never carry a key, even one given, and are not retried", async () => {
  const sent: Sent[] = [];
  const client = new MentoraClient({ baseUrl: "http://t", initialRetryDelayMs: 1, fetch: fakeFetch(() => failure(500, "DATABASE_ERROR"), sent) });
  const paths = ["/v1/auth/register", "v1/auth/login", "/v1/auth/refresh", "/v1/auth/logout"];
  for (const path of paths) {
    await assert.rejects(client.request("POST", path, { body: {}, authenticated: false, idempotencyKey: "given" }));
  }
  assert.deepEqual(
    sent.map((request) => request.url.pathname),
    paths.map((path) => `/${path.replace(/^\//, "")}`),
  );
  assert.deepEqual(sent.filter((request) => request.headers.has("idempotency-key")), []);
});

test("idempotency keys can be turned off", async () => {
  const sent: Sent[] = [];
  const client = new MentoraClient({ baseUrl: "http://t", idempotencyKeys: false, fetch: fakeFetch(() => ok(null), sent) });
  await client.request("POST", "/v1/things");
  assert.equal(sent[0]?.headers.get("idempotency-key"), null);
});

test("errors carry the request id in their string form", async () => {
  const client = new MentoraClient({ baseUrl: "http://t", fetch: fakeFetch(() => failure(404, "NOT_FOUND")) });
  await assert.rejects(client.users.get("nope"), (error: unknown) => {
    assert.ok(error instanceof NotFoundError);
    assert.equal(String(error), "NotFoundError: [NOT_FOUND] not_found (HTTP 404, request id rid-1)");
    return true;
  });
});

test("no server is a TransportError, with the network error as its cause", async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const client = new MentoraClient({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1, initialRetryDelayMs: 1 });
  await assert.rejects(client.me.get(), (error: unknown) => {
    assert.ok(error instanceof TransportError);
    assert.ok(error.cause instanceof Error);
    return true;
  });
});

test("an attempt that gets no answer in time is a TransportError; a GET is retried", async () => {
  let requests = 0;
  const server: Server = createServer(() => {
    requests += 1; // never answers
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  try {
    const client = new MentoraClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100, maxRetries: 1, initialRetryDelayMs: 1 });
    await assert.rejects(client.me.get(), /No response within 100 ms/);
    assert.equal(requests, 2);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("the caller's AbortSignal stops a call without retries", async () => {
  const controller = new AbortController();
  let requests = 0;
  const client = new MentoraClient({
    baseUrl: "http://t",
    fetch: async () => {
      requests += 1;
      controller.abort(new Error("user left"));
      throw new DOMException("aborted", "AbortError");
    },
  });
  await assert.rejects(client.request("GET", "/v1/users/me", { signal: controller.signal }), /user left/);
  assert.equal(requests, 1);
});

test("hooks may be async, and are awaited before the call rejects", async () => {
  const heard: string[] = [];
  const client = new MentoraClient({
    baseUrl: "http://t",
    fetch: fakeFetch(() => failure(422, "VALIDATION_ERROR", { email: "bad" })),
    hooks: {
      onFieldErrors: async (error) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        heard.push(error.fieldErrors["email"] ?? "");
      },
    },
  });
  await assert.rejects(client.users.invite({ email: "x", name: "X" }), ValidationError);
  assert.deepEqual(heard, ["bad"]);
});

test("an explicit refresh without tokens says so", async () => {
  const client = new MentoraClient({ baseUrl: "http://t", fetch: fakeFetch(() => ok(null)) });
  await assert.rejects(client.auth.refresh(), /Not signed in/);
});

import {
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  MentoraError,
  NotFoundError,
  TokenExpiredError,
  TransportError,
  ValidationError,
  errorFromResponse,
} from "./errors.js";
import type { HttpMethod, Operation, PathsWith, SuccessBody } from "./operations.js";
import type { CallOptions, QueryValue, RequestOptions, Requester } from "./requester.js";
import { Auth, CaseStudies, ConsoleCaseStudies, Grades, Jobs, Me, Meta, Roles, Sessions, Tenants, Users } from "./resources.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelay, takesIdempotencyKey } from "./retry.js";
import { type Credentials, Session, type Tokens } from "./session.js";
import { type ServerSentEvent, readEvents } from "./sse.js";

type MaybePromise<T> = T | Promise<T>;

/**
 * Called once a request has failed for good, just before its promise rejects, in the
 * seed's order. `onAuthFailure` means the session is over (redirect to sign-in); it runs
 * once per session however many requests fail with it. `onGenericError` gets everything
 * the others do not: rate limit still exceeded after the retries, tenant, database,
 * external service and internal errors, unknown codes, no response.
 */
export interface Hooks {
  onAuthFailure?: (error: AuthenticationError) => MaybePromise<void>;
  onAccessDenied?: (error: AuthorizationError) => MaybePromise<void>;
  onFieldErrors?: (error: ValidationError) => MaybePromise<void>;
  onNotFound?: (error: NotFoundError) => MaybePromise<void>;
  onConflict?: (error: ConflictError) => MaybePromise<void>;
  onGenericError?: (error: MentoraError) => MaybePromise<void>;
}

/**
 * Runs a refresh under a lock, e.g. `(run) => navigator.locks.request("mentora-refresh", run)`.
 * The nested promise is how the DOM library types `navigator.locks.request`; it resolves
 * to `run`'s value all the same.
 */
export type RefreshLock = <T>(run: () => Promise<T>) => Promise<T> | Promise<Promise<T>>;

export interface ClientOptions {
  /** E.g. `https://api.example.edu` (a path prefix is kept). */
  baseUrl: string;
  /** Sent as `X-Tenant`: names the tenant for sign-in and registration. */
  tenant?: string | undefined;
  /** Resume a stored session. */
  tokens?: Tokens | null | undefined;
  /** Hears every token change (null: signed out), e.g. to persist them. */
  onTokens?: ((tokens: Tokens | null) => void) | undefined;
  hooks?: Hooks | undefined;
  /** Retries of one call for rate limits, database and external service errors, lost connections. Default 2. */
  maxRetries?: number | undefined;
  initialRetryDelayMs?: number | undefined;
  maxRetryDelayMs?: number | undefined;
  /** The longest `Retry-After` worth waiting for; a longer one is thrown at once. Default 60 s. */
  maxRetryAfterMs?: number | undefined;
  /**
   * Send an `Idempotency-Key` with every POST and PATCH, the same on each retry of a call,
   * which is what makes retrying them safe. Default true. Sign-in calls (login, register,
   * refresh, logout) never carry one, and are not retried after a failure.
   */
  idempotencyKeys?: boolean | undefined;
  /** Per attempt, until the response headers (and the body, for JSON). Default 30 s. */
  timeoutMs?: number | undefined;
  headers?: Record<string, string> | undefined;
  /** Replaces the global fetch (tests, instrumentation, other runtimes). */
  fetch?: typeof fetch | undefined;
  /**
   * Browser apps served from the API's origin: the API keeps the refresh token in an
   * HttpOnly cookie, and this client keeps only the access token, in memory. Sign-in asks
   * for the cookie, refresh and logout send `{}` with `X-CSRF-Token`, and `auth.resume()`
   * signs a page load in from the cookie. Default false.
   */
  refreshCookie?: boolean | undefined;
  /** The CSRF token sent with a refresh or logout through the cookie, read at send time. Default: the `mentora_csrf` cookie of `document`. */
  csrfToken?: (() => string | null | undefined) | undefined;
  /** Runs each refresh (a page's first included), e.g. so that browser tabs refresh one at a time. */
  refreshLock?: RefreshLock | undefined;
}

interface PreparedCall {
  method: string;
  credentials: RequestCredentials | undefined;
  url: string;
  body: string | undefined;
  headers: Record<string, string>;
  authenticated: boolean;
  idempotencyKey: string | undefined;
  signal: AbortSignal | undefined;
  timeoutMs: number;
}

type Attempt = { ok: true; response: Response; text: string | null; release: () => void } | { ok: false; error: MentoraError };

const DEFAULT_TIMEOUT_MS = 30_000;
const REFRESH_PATH = "/v1/auth/refresh";
const CSRF_COOKIE = "mentora_csrf";
const CSRF_HEADER = "X-CSRF-Token";

function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The `mentora_csrf` cookie of the page, when there is a page. */
function csrfCookie(): string | null {
  const cookies = (globalThis as { document?: { cookie?: unknown } }).document?.cookie;
  if (typeof cookies !== "string") return null;
  for (const cookie of cookies.split(";")) {
    const separator = cookie.indexOf("=");
    if (separator >= 0 && cookie.slice(0, separator).trim() === CSRF_COOKIE) return cookie.slice(separator + 1).trim() || null;
  }
  return null;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * A Mentora API client built on fetch. Concurrent requests that meet TOKEN_EXPIRED share
 * one refresh; rate limits, database and external-service errors and lost connections
 * are retried where that is safe; every failure is a typed error (see `errors.ts`).
 */
export class MentoraClient implements Requester {
  readonly auth: Auth;
  readonly me: Me;
  readonly users: Users;
  readonly roles: Roles;
  readonly tenants: Tenants;
  readonly caseStudies: CaseStudies;
  readonly consoleCaseStudies: ConsoleCaseStudies;
  readonly sessions: Sessions;
  readonly grades: Grades;
  readonly jobs: Jobs;
  readonly meta: Meta;

  readonly #baseUrl: string;
  readonly #tenant: string | undefined;
  readonly #hooks: Hooks;
  readonly #retry: RetryPolicy;
  readonly #idempotencyKeys: boolean;
  readonly #timeoutMs: number;
  readonly #headers: Record<string, string>;
  readonly #fetch: typeof fetch;
  readonly #session: Session;
  readonly #refreshCookie: boolean;
  readonly #csrfToken: () => string | null | undefined;
  readonly #refreshLock: RefreshLock;

  constructor(options: ClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#tenant = options.tenant;
    this.#hooks = options.hooks ?? {};
    this.#retry = {
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
      initialRetryDelayMs: options.initialRetryDelayMs ?? DEFAULT_RETRY_POLICY.initialRetryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxRetryDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
    };
    this.#idempotencyKeys = options.idempotencyKeys ?? true;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#headers = { ...options.headers };
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#refreshCookie = options.refreshCookie ?? false;
    this.#csrfToken = options.csrfToken ?? csrfCookie;
    this.#refreshLock = options.refreshLock ?? ((run) => run());
    this.#session = new Session(options.tokens ?? null, {
      refresh: (refreshToken) => this.#refreshTokens(refreshToken),
      onTokens: options.onTokens,
      onAuthFailure: this.#hooks.onAuthFailure,
    });
    this.auth = new Auth(this);
    this.me = new Me(this);
    this.users = new Users(this);
    this.roles = new Roles(this);
    this.tenants = new Tenants(this);
    this.caseStudies = new CaseStudies(this);
    this.consoleCaseStudies = new ConsoleCaseStudies(this);
    this.sessions = new Sessions(this);
    this.grades = new Grades(this);
    this.jobs = new Jobs(this);
    this.meta = new Meta(this);
  }

  // -- session -----------------------------------------------------------------------

  get tokens(): Tokens | null {
    return this.#session.tokens;
  }

  /** Start a session from stored tokens (null: forget them). */
  setTokens(tokens: Tokens | null): void {
    this.#session.start(tokens);
  }

  /** Refresh the access token now, or join the refresh in flight. */
  refreshTokens(): Promise<void> {
    return this.#session.refresh();
  }

  /** Whether the API keeps the refresh token in its cookie (`refreshCookie`). */
  get refreshCookie(): boolean {
    return this.#refreshCookie;
  }

  /** Without a session, start one from the refresh cookie: true once signed in (see `auth.resume`). */
  resumeSession(): Promise<boolean> {
    if (!this.#refreshCookie) return Promise.resolve(this.tokens !== null);
    // The CSRF cookie lives exactly as long as the refresh cookie: without it there is no
    // sign-in to resume, and asking would only earn a 401 that every browser logs.
    if (this.tokens === null && !this.#csrfToken()) return Promise.resolve(false);
    return this.#session.resume();
  }

  /** The `X-CSRF-Token` header that a refresh or logout through the cookie needs, as the page holds it now. */
  csrfHeaders(): Record<string, string> {
    const token = this.#csrfToken();
    return token ? { [CSRF_HEADER]: token } : {};
  }

  // -- requests ----------------------------------------------------------------------

  /**
   * Send a request with the whole error policy; resolve to the success envelope.
   * The typed methods (`client.users.get(...)`) are thin wrappers of `call`, which wraps
   * this one; use it for routes they do not cover yet.
   */
  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const attempt = await this.#send(this.#prepare(method, path, options), false);
    attempt.release();
    const text = attempt.text ?? "";
    if (text === "") return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new MentoraError(`HTTP ${attempt.response.status} with a body that is not JSON`, { cause: error });
    }
  }

  /** `request`, typed by the spec's operation for `method` and the path template `path`. */
  call<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    path: P,
    options: CallOptions<Operation<P, M>> = {},
  ): Promise<SuccessBody<Operation<P, M>>> {
    const { path: parameters, ...rest } = options;
    let concrete: string = path;
    for (const [name, value] of Object.entries((parameters ?? {}) as Record<string, string>)) {
      concrete = concrete.replace(`{${name}}`, encodeURIComponent(String(value)));
    }
    return this.request(method, concrete, rest as RequestOptions);
  }

  /**
   * Open a server-sent event stream; errors before it starts follow the usual policy.
   *
   *     for await (const event of client.stream("GET", "/v1/...")) { ... }
   */
  async *stream(method: string, path: string, options: RequestOptions = {}): AsyncGenerator<ServerSentEvent> {
    const headers = { Accept: "text/event-stream", ...options.headers };
    const attempt = await this.#send(this.#prepare(method, path, { ...options, headers }), true);
    try {
      const body = attempt.response.body;
      if (body !== null) yield* readEvents(body);
    } finally {
      attempt.release();
    }
  }

  /** Runs the hook the seed's order gives `error` (authentication failures excepted: the session reports those). */
  async report(error: MentoraError): Promise<void> {
    const hooks = this.#hooks;
    if (error instanceof AuthenticationError) return;
    if (error instanceof AuthorizationError) await hooks.onAccessDenied?.(error);
    else if (error instanceof ValidationError) await hooks.onFieldErrors?.(error);
    else if (error instanceof NotFoundError) await hooks.onNotFound?.(error);
    else if (error instanceof ConflictError) await hooks.onConflict?.(error);
    else await hooks.onGenericError?.(error);
  }

  #prepare(method: string, path: string, options: RequestOptions): PreparedCall {
    const upper = method.toUpperCase();
    // Where the server would ignore a key, none is sent: it must not make the call look retryable.
    let idempotencyKey: string | undefined;
    if (takesIdempotencyKey(upper, path)) {
      idempotencyKey = options.idempotencyKey ?? (this.#idempotencyKeys ? newIdempotencyKey() : undefined);
    }
    const headers: Record<string, string> = { Accept: "application/json", ...this.#headers };
    if (this.#tenant) headers["X-Tenant"] = this.#tenant;
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (idempotencyKey !== undefined) headers["Idempotency-Key"] = idempotencyKey;
    Object.assign(headers, options.headers);
    return {
      method: upper,
      // The fetch default, stated: the refresh cookie is the API's own, sent to its origin only.
      credentials: this.#refreshCookie ? "same-origin" : undefined,
      url: this.#url(path, options.query),
      body,
      headers,
      authenticated: options.authenticated ?? true,
      idempotencyKey,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
    };
  }

  #url(path: string, query: Record<string, QueryValue> | undefined): string {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== null && value !== undefined) search.append(name, String(value));
    }
    const encoded = search.toString();
    const suffix = encoded === "" ? "" : `?${encoded}`;
    return `${this.#baseUrl}${path.startsWith("/") ? path : `/${path}`}${suffix}`;
  }

  /** The policy loop: one logical call, its retries, and at most one refresh-and-retry. */
  async #send(call: PreparedCall, stream: boolean): Promise<Extract<Attempt, { ok: true }>> {
    let retries = 0;
    let refreshed = false;
    for (;;) {
      const used: Credentials | null = call.authenticated ? this.#session.credentials() : null;
      const headers = { ...call.headers };
      if (used?.accessToken) headers["Authorization"] = `Bearer ${used.accessToken}`;
      const attempt = await this.#attempt(call, headers, stream);
      if (attempt.ok) return attempt;
      const error = attempt.error;
      if (used !== null && error instanceof AuthenticationError) {
        if (error instanceof TokenExpiredError && !refreshed) {
          refreshed = true;
          try {
            await this.#session.recover(used, error);
          } catch (failure) {
            // The session reports authentication failures; anything else (no response to the refresh) is ours.
            if (failure instanceof MentoraError && !(failure instanceof AuthenticationError)) await this.report(failure);
            throw failure;
          }
          continue;
        }
        await this.#session.fail(used, error);
        throw error;
      }
      const delay = retryDelay(this.#retry, error, { method: call.method, keyed: call.idempotencyKey !== undefined, retriesDone: retries });
      if (delay !== null) {
        retries += 1;
        await sleep(delay, call.signal);
        continue;
      }
      await this.report(error);
      throw error;
    }
  }

  /** One attempt: a response (its body read, unless streaming) or the error it amounts to. */
  async #attempt(call: PreparedCall, headers: Record<string, string>, stream: boolean): Promise<Attempt> {
    const controller = new AbortController();
    const callerSignal = call.signal;
    const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
    callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, call.timeoutMs);
    const release = (): void => {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onCallerAbort);
    };
    let keepOpen = false;
    try {
      if (callerSignal?.aborted) throw callerSignal.reason;
      const init: RequestInit = { method: call.method, headers, signal: controller.signal };
      if (call.credentials !== undefined) init.credentials = call.credentials;
      if (call.body !== undefined) init.body = call.body;
      const response = await this.#fetch(call.url, init);
      if (response.ok && stream) {
        clearTimeout(timer); // a stream may run for long; the caller's signal still stops it
        keepOpen = true;
        return { ok: true, response, text: null, release };
      }
      const text = await response.text();
      if (response.ok) return { ok: true, response, text, release };
      return { ok: false, error: errorFromResponse(response.status, response.headers, text) };
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason ?? error; // the caller gave up: no retry
      const message = timedOut ? `No response within ${call.timeoutMs} ms` : `No response: ${describe(error)}`;
      return { ok: false, error: new TransportError(message, { method: call.method, url: call.url, cause: error }) };
    } finally {
      if (!keepOpen) release();
    }
  }

  /**
   * POST /v1/auth/refresh, once, outside the policy loop: it is never itself intercepted.
   * Through the cookie (`refreshToken` null), the CSRF token is read under the lock, just
   * before sending, as the browser attaches the cookie current at that moment.
   */
  async #refreshTokens(refreshToken: string | null): Promise<Tokens> {
    return await this.#refreshLock(async () => {
      const options: RequestOptions =
        refreshToken === null
          ? { body: {}, headers: this.csrfHeaders(), authenticated: false }
          : { body: { refresh_token: refreshToken }, authenticated: false };
      const call = this.#prepare("POST", REFRESH_PATH, options);
      const attempt = await this.#attempt(call, call.headers, false);
      if (!attempt.ok) throw attempt.error;
      const envelope = JSON.parse(attempt.text ?? "null") as { data?: { access_token?: unknown; refresh_token?: unknown } } | null;
      const data = envelope?.data;
      const fresh = data?.refresh_token;
      const refreshed = refreshToken === null ? fresh === null : typeof fresh === "string";
      if (typeof data?.access_token !== "string" || !refreshed) {
        throw new ApiError({ message: "The token response has no tokens", status: attempt.response.status, code: null });
      }
      return { accessToken: data.access_token, refreshToken: typeof fresh === "string" ? fresh : null };
    });
  }
}

/** When to retry a request, and how long to wait first. Pure functions; delays in milliseconds. */
import {
  ConflictError,
  DatabaseError,
  ExternalServiceError,
  type MentoraError,
  RateLimitError,
  TransportError,
} from "./errors.js";

/** Safe to send twice by definition. */
export const REPLAYABLE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);
/** Safe to send twice only with an Idempotency-Key: the server replays the first answer. */
export const KEYED_METHODS: ReadonlySet<string> = new Set(["POST", "PATCH"]);
/**
 * Sign-in routes answer with credentials, which the server never keeps: it ignores a key
 * there, so none is sent, and the calls are not retried after a failure (a register sent
 * twice could create the account and then refuse the retry as a conflict).
 */
export const UNKEYED_PATHS: ReadonlySet<string> = new Set(["/v1/auth/login", "/v1/auth/register", "/v1/auth/refresh", "/v1/auth/logout"]);

/** Whether the server keeps (and replays) the answer of a call sent with an Idempotency-Key. */
export function takesIdempotencyKey(method: string, path: string): boolean {
  return KEYED_METHODS.has(method.toUpperCase()) && !UNKEYED_PATHS.has(`/${path.replace(/^\/+/, "")}`);
}

export interface RetryPolicy {
  maxRetries: number;
  initialRetryDelayMs: number;
  maxRetryDelayMs: number;
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxRetries: 2,
  initialRetryDelayMs: 500,
  maxRetryDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** Milliseconds to wait from a `Retry-After` value: delay-seconds or an HTTP date; null if unusable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (/^[+-]?(\d|\.\d)/.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential, capped, minus up to a quarter at random so clients spread out. */
export function backoff(policy: RetryPolicy, retriesDone: number, random: () => number = Math.random): number {
  const delay = Math.min(policy.initialRetryDelayMs * 2 ** retriesDone, policy.maxRetryDelayMs);
  return delay * (1 - 0.25 * random());
}

export interface RetryContext {
  method: string;
  keyed: boolean;
  retriesDone: number;
  now?: number;
  random?: () => number;
}

/** Milliseconds to wait before retrying after `error`, or null to give up and throw it. */
export function retryDelay(policy: RetryPolicy, error: MentoraError, context: RetryContext): number | null {
  const { method, keyed, retriesDone } = context;
  const random = context.random ?? Math.random;
  if (retriesDone >= policy.maxRetries) return null;
  if (error instanceof RateLimitError) {
    // Refused before any work was done, so any method may be sent again.
    const wait = parseRetryAfter(error.headers.get("retry-after"), context.now);
    if (wait === null) return backoff(policy, retriesDone, random);
    if (wait > policy.maxRetryAfterMs) return null; // sooner would only earn another 429
    return wait + random() * Math.min(1000, 0.1 * wait);
  }
  const replayable = REPLAYABLE_METHODS.has(method) || (keyed && KEYED_METHODS.has(method));
  if (!replayable) return null;
  if (error instanceof TransportError || error instanceof ExternalServiceError || error instanceof DatabaseError) {
    return backoff(policy, retriesDone, random);
  }
  if (error instanceof ConflictError && keyed && "idempotency_key" in error.details) {
    // The first attempt with this key is still running on the server: ask again shortly.
    return backoff(policy, retriesDone, random);
  }
  return null;
}

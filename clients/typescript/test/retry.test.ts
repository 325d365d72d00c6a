import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ApiError,
  type ApiErrorClass,
  ConflictError,
  DatabaseError,
  ExternalServiceError,
  InternalError,
  type MentoraError,
  NotFoundError,
  RateLimitError,
  type RetryPolicy,
  TransportError,
  backoff,
  parseRetryAfter,
  retryDelay,
} from "../src/index.js";

const NOW = 1_800_000_000_000;
const POLICY: RetryPolicy = { maxRetries: 2, initialRetryDelayMs: 1000, maxRetryDelayMs: 8000, maxRetryAfterMs: 60_000 };

function apiError(errorClass: ApiErrorClass, retryAfter?: string, details: Record<string, unknown> = {}): ApiError {
  const headers = new Headers(retryAfter === undefined ? {} : { "retry-after": retryAfter });
  return new errorClass({ message: "x", status: 500, code: null, details, headers });
}

function delay(error: MentoraError, method = "GET", keyed = false, retriesDone = 0): number | null {
  return retryDelay(POLICY, error, { method, keyed, retriesDone, now: NOW, random: () => 0 });
}

test("parseRetryAfter: seconds or an HTTP date", () => {
  const cases: [string | null, number | null][] = [
    ["5", 5000],
    ["0", 0],
    [" 12 ", 12_000],
    ["1.5", 1500],
    [new Date(NOW + 30_000).toUTCString(), 30_000],
    [new Date(NOW - 30_000).toUTCString(), 0],
    ["-1", null],
    ["soon", null],
    ["", null],
    ["inf", null],
    [null, null],
  ];
  for (const [value, expected] of cases) assert.equal(parseRetryAfter(value, NOW), expected, String(value));
});

test("backoff doubles up to the cap, with jitter below", () => {
  const policy = { ...POLICY, initialRetryDelayMs: 500, maxRetryDelayMs: 3000 };
  assert.deepEqual([0, 1, 2, 3].map((n) => backoff(policy, n, () => 0)), [500, 1000, 2000, 3000]);
  assert.equal(backoff(policy, 1, () => 1), 750);
});

test("a rate limit waits Retry-After, for any method, jitter only adding", () => {
  for (const method of ["GET", "POST", "DELETE"]) assert.equal(delay(apiError(RateLimitError, "7"), method), 7000);
  assert.equal(delay(apiError(RateLimitError, new Date(NOW + 4000).toUTCString())), 4000);
  const error = apiError(RateLimitError, "10");
  assert.equal(retryDelay(POLICY, error, { method: "GET", keyed: false, retriesDone: 0, random: () => 1 }), 11_000);
});

test("a rate limit above the cap or without a header", () => {
  assert.equal(delay(apiError(RateLimitError, "61")), null);
  assert.equal(delay(apiError(RateLimitError)), 1000);
  assert.equal(delay(apiError(RateLimitError, "garbage"), "GET", false, 1), 2000);
});

test("server failures retry GET, and POST/PATCH only with a key", () => {
  for (const errorClass of [DatabaseError, ExternalServiceError]) {
    const error = apiError(errorClass);
    assert.equal(delay(error, "GET"), 1000);
    assert.equal(delay(error, "POST", true), 1000);
    assert.equal(delay(error, "PATCH", true, 1), 2000);
    assert.equal(delay(error, "POST"), null);
    assert.equal(delay(error, "PATCH"), null);
    assert.equal(delay(error, "DELETE"), null);
    assert.equal(delay(error, "PUT", true), null);
  }
});

test("no response is retried like a server failure", () => {
  const error = new TransportError("No response", { method: "GET", url: "u" });
  assert.equal(delay(error, "GET"), 1000);
  assert.equal(delay(error, "POST"), null);
  assert.equal(delay(error, "POST", true), 1000);
});

test("an Idempotency-Key still in progress is retried", () => {
  const inProgress = apiError(ConflictError, undefined, { idempotency_key: "still in progress" });
  assert.equal(delay(inProgress, "POST", true), 1000);
  assert.equal(delay(inProgress, "POST"), null);
  assert.equal(delay(apiError(ConflictError, undefined, { email: "already registered" }), "POST", true), null);
});

test("everything else is not retried, and retries are bounded", () => {
  assert.equal(delay(apiError(InternalError)), null);
  assert.equal(delay(apiError(NotFoundError)), null);
  assert.equal(delay(apiError(ApiError)), null);
  assert.equal(delay(apiError(DatabaseError), "GET", false, 2), null);
  assert.equal(delay(apiError(RateLimitError, "1"), "GET", false, 2), null);
  assert.equal(retryDelay({ ...POLICY, maxRetries: 0 }, apiError(DatabaseError), { method: "GET", keyed: false, retriesDone: 0 }), null);
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ERROR_CLASSES,
  ExternalServiceError,
  MentoraError,
  RateLimitError,
  TokenExpiredError,
  TransportError,
  ValidationError,
  errorFromEnvelope,
  errorFromResponse,
} from "../src/index.js";
import * as library from "../src/index.js";
import { specPath } from "./support/paths.js";

const SEED_STATUSES: Record<string, number> = {
  AUTHENTICATION_ERROR: 401,
  TOKEN_EXPIRED: 401,
  AUTHORIZATION_ERROR: 403,
  NOT_FOUND: 404,
  VALIDATION_ERROR: 422,
  CONFLICT: 409,
  RATE_LIMIT_EXCEEDED: 429,
  TENANT_ERROR: 400,
  EXTERNAL_SERVICE_ERROR: 502,
  DATABASE_ERROR: 500,
  INTERNAL_ERROR: 500,
};

function envelope(code: string, error = "Something failed", details: Record<string, unknown> = {}): string {
  return JSON.stringify({ success: false, error, code, details });
}

test("one class per code of the spec, with the seed's status", () => {
  const spec = JSON.parse(readFileSync(specPath(), "utf8")) as { components: { schemas: { ErrorCode: { enum: string[] } } } };
  assert.deepEqual(Object.keys(ERROR_CLASSES).sort(), [...spec.components.schemas.ErrorCode.enum].sort());
  const classes = Object.values(ERROR_CLASSES);
  assert.equal(new Set(classes).size, classes.length);
  for (const [code, errorClass] of Object.entries(ERROR_CLASSES)) {
    assert.equal(errorClass.httpStatus, SEED_STATUSES[code], code);
    const error = new errorClass({ message: "m", status: 1, code });
    assert.ok(error instanceof ApiError);
    assert.equal((library as unknown as Record<string, unknown>)[error.name], errorClass, "exported under its name");
  }
});

test("hierarchy", () => {
  assert.ok(new TokenExpiredError({ message: "", status: 401, code: "TOKEN_EXPIRED" }) instanceof AuthenticationError);
  const transport = new TransportError("No response", { method: "GET", url: "http://x/y" });
  assert.ok(transport instanceof MentoraError);
  assert.ok(!(transport instanceof ApiError));
  assert.equal(String(transport), "TransportError: No response (GET http://x/y)");
});

test("each code becomes its class, with the request id in its string form", () => {
  for (const [code, errorClass] of Object.entries(ERROR_CLASSES)) {
    const error = errorFromResponse(418, new Headers({ "x-request-id": "req-42" }), envelope(code, "Plain words"));
    assert.equal(error.constructor, errorClass);
    assert.equal(error.code, code);
    assert.equal(error.status, 418);
    assert.equal(error.message, "Plain words");
    assert.equal(error.requestId, "req-42");
    assert.equal(String(error), `${error.name}: [${code}] Plain words (HTTP 418, request id req-42)`);
  }
});

test("an unknown code is the generic error", () => {
  const error = errorFromResponse(400, new Headers(), envelope("SHINY_NEW_CODE", "New", { a: 1 }));
  assert.equal(error.constructor, ApiError);
  assert.equal(error.code, "SHINY_NEW_CODE");
  assert.deepEqual(error.details, { a: 1 });
  assert.equal(String(error), "ApiError: [SHINY_NEW_CODE] New (HTTP 400)");
});

test("a body without the envelope is the generic error with no code", () => {
  for (const text of ["", "<html>Bad gateway</html>", "[1, 2]", '{"detail": "Not Found"}']) {
    const error = errorFromResponse(502, new Headers({ "x-request-id": "r1" }), text);
    assert.equal(error.constructor, ApiError);
    assert.equal(error.code, null);
    assert.ok(String(error).includes("request id r1"));
  }
});

test("typed details", () => {
  const details = { email: "value is not a valid email address", "settings.max_sessions": "value is not a valid integer" };
  const invalid = errorFromResponse(422, new Headers(), envelope("VALIDATION_ERROR", "Request validation failed", details));
  assert.ok(invalid instanceof ValidationError);
  assert.deepEqual(invalid.fieldErrors, details);
  const limited = errorFromResponse(429, new Headers(), envelope("RATE_LIMIT_EXCEEDED", "x", { retry_after: 3 }));
  assert.ok(limited instanceof RateLimitError);
  assert.equal(limited.retryAfter, 3);
  const denied = errorFromResponse(403, new Headers(), envelope("AUTHORIZATION_ERROR", "x", { required: "X.y" }));
  assert.ok(denied instanceof AuthorizationError);
  assert.equal(denied.requiredPermission, "X.y");
});

test("an error inside a stream gets its code's status", () => {
  const error = errorFromEnvelope({ success: false, error: "AI down", code: "EXTERNAL_SERVICE_ERROR", details: {} });
  assert.ok(error instanceof ExternalServiceError);
  assert.equal(error.status, 502);
});

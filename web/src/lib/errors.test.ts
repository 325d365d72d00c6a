import {
  ApiError,
  TransportError,
  errorFromEnvelope,
  errorFromResponse,
} from "@mentora/client";
import { describe, expect, it } from "vitest";
import { INSTITUTION_PROBLEMS, reactionTo } from "./errors";

/** An error as the SDK builds it from a real response: status, headers, the envelope. */
function fromServer(code: string, details: Record<string, unknown> = {}, headers: Record<string, string> = {}, status = 400) {
  const body = JSON.stringify({ success: false, error: `the ${code} message`, code, details });
  return errorFromResponse(status, new Headers({ "x-request-id": "req-123", ...headers }), body);
}

describe("reactionTo: each of the 11 codes to what the person sees", () => {
  it("AUTHENTICATION_ERROR: sign in again", () => {
    expect(reactionTo(fromServer("AUTHENTICATION_ERROR", {}, {}, 401))).toEqual({
      kind: "sign-in",
      reason: "Please sign in again to continue.",
      message: "the AUTHENTICATION_ERROR message",
    });
  });

  it("TOKEN_EXPIRED (once its refresh failed): sign in again, saying the session expired", () => {
    const reaction = reactionTo(fromServer("TOKEN_EXPIRED", {}, {}, 401));
    expect(reaction).toMatchObject({ kind: "sign-in", reason: "Your session has expired. Please sign in again." });
  });

  it("AUTHORIZATION_ERROR: access denied, naming the missing permission", () => {
    const reaction = reactionTo(fromServer("AUTHORIZATION_ERROR", { required: "USER_MANAGEMENT.can_view" }, {}, 403));
    expect(reaction).toEqual({ kind: "access-denied", required: "USER_MANAGEMENT.can_view", message: "the AUTHORIZATION_ERROR message" });
    expect(reactionTo(fromServer("AUTHORIZATION_ERROR", {}, {}, 403))).toMatchObject({ kind: "access-denied", required: null });
  });

  it("NOT_FOUND: not found", () => {
    expect(reactionTo(fromServer("NOT_FOUND", {}, {}, 404))).toEqual({ kind: "not-found", message: "the NOT_FOUND message" });
  });

  it("VALIDATION_ERROR: the field messages", () => {
    const details = { email: "value is not a valid email address", "settings.max_sessions": "value is not a valid integer" };
    expect(reactionTo(fromServer("VALIDATION_ERROR", details, {}, 422))).toEqual({
      kind: "fields",
      details,
      message: "the VALIDATION_ERROR message",
    });
  });

  it("CONFLICT: the conflicting fields, and an active session apart", () => {
    expect(reactionTo(fromServer("CONFLICT", { email: "already exists" }, {}, 409))).toEqual({
      kind: "conflict",
      details: { email: "already exists" },
      sessionId: null,
      message: "the CONFLICT message",
    });
    const active = reactionTo(fromServer("CONFLICT", { session_id: "s-1", content_id: "already active" }, {}, 409));
    expect(active).toMatchObject({ kind: "conflict", sessionId: "s-1", details: { content_id: "already active" } });
  });

  it("RATE_LIMIT_EXCEEDED: wait as long as Retry-After says, before details.retry_after", () => {
    const both = fromServer("RATE_LIMIT_EXCEEDED", { retry_after: 40 }, { "retry-after": "7" }, 429);
    expect(reactionTo(both)).toEqual({ kind: "wait", seconds: 7, message: "the RATE_LIMIT_EXCEEDED message" });
    expect(reactionTo(fromServer("RATE_LIMIT_EXCEEDED", { retry_after: 12 }, {}, 429))).toMatchObject({ kind: "wait", seconds: 12 });
    // Rounded up, and at least a second.
    expect(reactionTo(fromServer("RATE_LIMIT_EXCEEDED", {}, { "retry-after": "0.2" }, 429))).toMatchObject({ seconds: 1 });
    expect(reactionTo(fromServer("RATE_LIMIT_EXCEEDED", { retry_after: 2.5 }, {}, 429))).toMatchObject({ seconds: 3 });
    // Neither: a default wait rather than none.
    expect(reactionTo(fromServer("RATE_LIMIT_EXCEEDED", {}, {}, 429))).toMatchObject({ kind: "wait", seconds: 5 });
  });

  it("RATE_LIMIT_EXCEEDED: Retry-After as an HTTP date", () => {
    const date = new Date(Date.now() + 9_500).toUTCString();
    const reaction = reactionTo(fromServer("RATE_LIMIT_EXCEEDED", {}, { "retry-after": date }, 429));
    expect(reaction.kind).toBe("wait");
    if (reaction.kind === "wait") expect(reaction.seconds).toBeGreaterThanOrEqual(8);
  });

  it("TENANT_ERROR: the institution, with its reason", () => {
    expect(reactionTo(fromServer("TENANT_ERROR", { reason: "unknown" }))).toEqual({
      kind: "institution",
      problem: "unknown",
      message: "the TENANT_ERROR message",
    });
    expect(reactionTo(fromServer("TENANT_ERROR", { reason: "inactive" }))).toMatchObject({ problem: "inactive" });
    expect(reactionTo(fromServer("TENANT_ERROR", { reason: "missing" }))).toMatchObject({ problem: "missing" });
    // A reason this app does not know yet reads as "name your institution".
    expect(reactionTo(fromServer("TENANT_ERROR", { reason: "suspended" }))).toMatchObject({ problem: "missing" });
    expect(reactionTo(fromServer("TENANT_ERROR"))).toMatchObject({ problem: "missing" });
    expect(INSTITUTION_PROBLEMS.unknown).toMatch(/^We don't know that institution/);
    expect(INSTITUTION_PROBLEMS.inactive).toMatch(/not active/);
  });

  it("EXTERNAL_SERVICE_ERROR: which service is down", () => {
    expect(reactionTo(fromServer("EXTERNAL_SERVICE_ERROR", { service: "ai" }, {}, 502))).toEqual({
      kind: "unavailable",
      service: "ai",
      message: "the EXTERNAL_SERVICE_ERROR message",
    });
    expect(reactionTo(fromServer("EXTERNAL_SERVICE_ERROR", { service: "lms" }, {}, 502))).toMatchObject({ service: "lms" });
    expect(reactionTo(fromServer("EXTERNAL_SERVICE_ERROR", { service: "mail" }, {}, 502))).toMatchObject({ service: "other" });
  });

  it.each(["DATABASE_ERROR", "INTERNAL_ERROR"])("%s: support, with the request id", (code) => {
    expect(reactionTo(fromServer(code, {}, {}, 500))).toEqual({
      kind: "support",
      requestId: "req-123",
      code,
      message: `the ${code} message`,
    });
  });

  it("a code this app does not know: support, with the request id", () => {
    const error = fromServer("BRAND_NEW_CODE", {}, {}, 418);
    expect(error).toBeInstanceOf(ApiError);
    expect(reactionTo(error)).toEqual({ kind: "support", requestId: "req-123", code: "BRAND_NEW_CODE", message: "the BRAND_NEW_CODE message" });
  });

  it("a response without the envelope (a proxy's page): support, with what request id there is", () => {
    const error = errorFromResponse(502, new Headers({ "x-request-id": "req-9" }), "<html>Bad gateway</html>");
    expect(reactionTo(error)).toMatchObject({ kind: "support", requestId: "req-9", code: null });
  });

  it("no response at all: support, saying the server could not be reached", () => {
    const error = new TransportError("fetch failed", { method: "GET", url: "http://127.0.0.1/v1/users/me" });
    expect(reactionTo(error)).toEqual({
      kind: "support",
      requestId: null,
      code: null,
      message: "The server could not be reached. Check your connection.",
    });
  });

  it("anything else thrown: support, with its message", () => {
    expect(reactionTo(new Error("boom"))).toEqual({ kind: "support", requestId: null, code: null, message: "boom" });
    expect(reactionTo("odd")).toMatchObject({ kind: "support", message: "odd" });
  });

  it("an envelope from a stream (no response headers) maps the same way", () => {
    const error = errorFromEnvelope({ success: false, error: "AI down", code: "EXTERNAL_SERVICE_ERROR", details: { service: "ai" } });
    expect(error.status).toBe(502);
    expect(reactionTo(error)).toMatchObject({ kind: "unavailable", service: "ai" });
  });

  it("every code of the contract has its reaction", () => {
    const codes = [
      "AUTHENTICATION_ERROR",
      "TOKEN_EXPIRED",
      "AUTHORIZATION_ERROR",
      "NOT_FOUND",
      "VALIDATION_ERROR",
      "CONFLICT",
      "RATE_LIMIT_EXCEEDED",
      "TENANT_ERROR",
      "EXTERNAL_SERVICE_ERROR",
      "DATABASE_ERROR",
      "INTERNAL_ERROR",
    ];
    const kinds = codes.map((code) => reactionTo(fromServer(code)).kind);
    expect(kinds).toEqual(["sign-in", "sign-in", "access-denied", "not-found", "fields", "conflict", "wait", "institution", "unavailable", "support", "support"]);
  });
});

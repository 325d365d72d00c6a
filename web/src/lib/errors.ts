/**
 * What the screen does about an error: the one place that maps the contract's 11 codes
 * to what a person sees (the seed's `handleError`, as screens).
 *
 * The SDK has already done the invisible part by the time an error arrives here: a
 * TOKEN_EXPIRED was refreshed once and retried (several requests share one refresh),
 * short rate-limit waits, database and AI hiccups were retried with back-off. What is
 * left is something a person has to see, and `reactionTo` says which:
 *
 *   AUTHENTICATION_ERROR (and TOKEN_EXPIRED after its refresh failed) -> "sign-in"
 *   AUTHORIZATION_ERROR    -> "access-denied", naming details.required
 *   NOT_FOUND              -> "not-found"
 *   VALIDATION_ERROR       -> "fields": each message under its field
 *   CONFLICT               -> "conflict": inline at the field it names, or what blocks it
 *   RATE_LIMIT_EXCEEDED    -> "wait": a countdown from Retry-After, then a retry
 *   TENANT_ERROR           -> "institution": the institution field, with the reason
 *   EXTERNAL_SERVICE_ERROR -> "unavailable": the AI tutor or the LMS is down
 *   DATABASE_ERROR, INTERNAL_ERROR, unknown codes, no response -> "support": the request id
 */
import {
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  ExternalServiceError,
  NotFoundError,
  RateLimitError,
  TenantError,
  TransportError,
  ValidationError,
  parseRetryAfter,
} from "@mentora/client";

export type Service = "ai" | "lms" | "other";
export type InstitutionProblem = "missing" | "unknown" | "inactive";

export type Reaction =
  | { kind: "sign-in"; reason: string; message: string }
  | { kind: "access-denied"; required: string | null; message: string }
  | { kind: "not-found"; message: string }
  | { kind: "fields"; details: Record<string, string>; message: string }
  | { kind: "conflict"; details: Record<string, string>; sessionId: string | null; message: string }
  | { kind: "wait"; seconds: number; message: string }
  | { kind: "institution"; problem: InstitutionProblem; message: string }
  | { kind: "unavailable"; service: Service; message: string }
  | { kind: "support"; requestId: string | null; code: string | null; message: string };

const DEFAULT_WAIT_SECONDS = 5;

export function reactionTo(error: unknown): Reaction {
  if (error instanceof AuthenticationError) return { kind: "sign-in", reason: signInReason(error), message: error.message };
  if (error instanceof AuthorizationError) {
    return { kind: "access-denied", required: error.requiredPermission, message: error.message };
  }
  if (error instanceof NotFoundError) return { kind: "not-found", message: error.message };
  if (error instanceof ValidationError) return { kind: "fields", details: error.fieldErrors, message: error.message };
  if (error instanceof ConflictError) {
    const details = stringsOf(error.details);
    const sessionId = details["session_id"] ?? null;
    if (sessionId !== null) delete details["session_id"];
    return { kind: "conflict", details, sessionId, message: error.message };
  }
  if (error instanceof RateLimitError) return { kind: "wait", seconds: waitSeconds(error), message: error.message };
  if (error instanceof TenantError) {
    return { kind: "institution", problem: institutionProblem(error.details["reason"]), message: error.message };
  }
  if (error instanceof ExternalServiceError) {
    const service = error.details["service"];
    return { kind: "unavailable", service: service === "ai" || service === "lms" ? service : "other", message: error.message };
  }
  if (error instanceof ApiError) {
    return { kind: "support", requestId: error.requestId, code: error.code, message: error.message };
  }
  if (error instanceof TransportError) {
    return { kind: "support", requestId: null, code: null, message: "The server could not be reached. Check your connection." };
  }
  return { kind: "support", requestId: null, code: null, message: error instanceof Error ? error.message : String(error) };
}

/** What the sign-in screen says when a person is sent back to it. */
export function signInReason(error: AuthenticationError): string {
  const reason = error.details["reason"];
  if (reason === "expired" || error.code === "TOKEN_EXPIRED") return "Your session has expired. Please sign in again.";
  return "Please sign in again to continue.";
}

/** The words shown for each reason an institution cannot be used. */
export const INSTITUTION_PROBLEMS: Record<InstitutionProblem, string> = {
  missing: "Enter your institution.",
  unknown: "We don't know that institution. Check the name your institution gave you.",
  inactive: "This institution's Mentora access is not active.",
};

/** What a person reads for a service that is down. */
export const UNAVAILABLE: Record<Service, string> = {
  ai: "The AI tutor is unavailable right now.",
  lms: "The learning management system did not accept the grade.",
  other: "A service Mentora depends on is unavailable right now.",
};

function institutionProblem(reason: unknown): InstitutionProblem {
  return reason === "unknown" || reason === "inactive" ? reason : "missing";
}

function waitSeconds(error: RateLimitError): number {
  const fromHeader = parseRetryAfter(error.headers.get("retry-after"));
  if (fromHeader !== null) return Math.max(1, Math.ceil(fromHeader / 1000));
  return Math.max(1, Math.ceil(error.retryAfter ?? DEFAULT_WAIT_SECONDS));
}

function stringsOf(details: Record<string, unknown>): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) if (typeof value === "string") strings[key] = value;
  return strings;
}

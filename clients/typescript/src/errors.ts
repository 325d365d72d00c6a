/**
 * What a Mentora client throws.
 *
 *     MentoraError
 *     ├── TransportError             no response: network failure, timeout
 *     └── ApiError                   the server answered with an error (unknown codes land here)
 *         ├── AuthenticationError    AUTHENTICATION_ERROR: sign in again
 *         │   └── TokenExpiredError  TOKEN_EXPIRED: only seen once refresh-and-retry gave up
 *         ├── AuthorizationError     AUTHORIZATION_ERROR
 *         ├── NotFoundError          NOT_FOUND
 *         ├── ValidationError        VALIDATION_ERROR, with `fieldErrors`
 *         ├── ConflictError          CONFLICT
 *         ├── RateLimitError         RATE_LIMIT_EXCEEDED, once its retries are spent
 *         ├── TenantError            TENANT_ERROR
 *         ├── ExternalServiceError   EXTERNAL_SERVICE_ERROR
 *         ├── DatabaseError          DATABASE_ERROR
 *         └── InternalError          INTERNAL_ERROR
 *
 * Branch on the class (or on `code`), never on the HTTP status or the message.
 * `String(error)` carries the code, the status and the request id to quote in a bug report.
 */
import type { components } from "./schema.js";

export type ErrorCode = components["schemas"]["ErrorCode"];

const REQUEST_ID_HEADER = "x-request-id";

export class MentoraError extends Error {
  override name = "MentoraError";
}

export class TransportError extends MentoraError {
  override name = "TransportError";
  readonly method: string;
  readonly url: string;

  constructor(message: string, init: { method: string; url: string; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.method = init.method;
    this.url = init.url;
  }

  override toString(): string {
    return `${this.name}: ${this.message} (${this.method} ${this.url})`;
  }
}

export interface ApiErrorInit {
  message: string;
  status: number;
  code: string | null;
  details?: Record<string, unknown> | undefined;
  requestId?: string | null | undefined;
  headers?: Headers | undefined;
}

/** The server answered with an error. Thrown as is for a code this client does not know. */
export class ApiError extends MentoraError {
  override name = "ApiError";
  /** The status the contract pairs with the code (used for errors that arrive inside a stream). */
  static readonly httpStatus: number = 500;
  readonly status: number;
  readonly code: string | null;
  readonly details: Record<string, unknown>;
  readonly requestId: string | null;
  readonly headers: Headers;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? {};
    this.requestId = init.requestId ?? null;
    this.headers = init.headers ?? new Headers();
  }

  override toString(): string {
    const context = this.requestId ? `HTTP ${this.status}, request id ${this.requestId}` : `HTTP ${this.status}`;
    return `${this.name}: [${this.code ?? "UNKNOWN"}] ${this.message} (${context})`;
  }
}

/** Missing, malformed or invalid credentials; the session is over (sign in again). */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
  static override readonly httpStatus: number = 401;
}

/** The access token expired and refreshing it did not help. */
export class TokenExpiredError extends AuthenticationError {
  override name = "TokenExpiredError";
  static override readonly httpStatus: number = 401;
}

/** The caller's role lacks the permission the route needs. */
export class AuthorizationError extends ApiError {
  override name = "AuthorizationError";
  static override readonly httpStatus: number = 403;

  get requiredPermission(): string | null {
    const required = this.details["required"];
    return typeof required === "string" ? required : null;
  }
}

export class NotFoundError extends ApiError {
  override name = "NotFoundError";
  static override readonly httpStatus: number = 404;
}

/** The request failed validation; `fieldErrors` maps a field path to its message. */
export class ValidationError extends ApiError {
  override name = "ValidationError";
  static override readonly httpStatus: number = 422;

  get fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(this.details)) {
      if (typeof message === "string") fields[path] = message;
    }
    return fields;
  }
}

/** A unique value is taken, or the resource's state forbids the action. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
  static override readonly httpStatus: number = 409;
}

/** Too many requests, and the retries this client allows did not get through. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  static override readonly httpStatus: number = 429;

  /** Seconds the server asked to wait, from `details.retry_after`. */
  get retryAfter(): number | null {
    const value = this.details["retry_after"];
    return typeof value === "number" ? value : null;
  }
}

export class TenantError extends ApiError {
  override name = "TenantError";
  static override readonly httpStatus: number = 400;
}

export class ExternalServiceError extends ApiError {
  override name = "ExternalServiceError";
  static override readonly httpStatus: number = 502;
}

export class DatabaseError extends ApiError {
  override name = "DatabaseError";
  static override readonly httpStatus: number = 500;
}

export class InternalError extends ApiError {
  override name = "InternalError";
  static override readonly httpStatus: number = 500;
}

export type ApiErrorClass = (new (init: ApiErrorInit) => ApiError) & { readonly httpStatus: number };

/** One class per code of the contract; a code missing here fails to compile. */
export const ERROR_CLASSES: { readonly [Code in ErrorCode]: ApiErrorClass } = {
  AUTHENTICATION_ERROR: AuthenticationError,
  TOKEN_EXPIRED: TokenExpiredError,
  AUTHORIZATION_ERROR: AuthorizationError,
  NOT_FOUND: NotFoundError,
  VALIDATION_ERROR: ValidationError,
  CONFLICT: ConflictError,
  RATE_LIMIT_EXCEEDED: RateLimitError,
  TENANT_ERROR: TenantError,
  EXTERNAL_SERVICE_ERROR: ExternalServiceError,
  DATABASE_ERROR: DatabaseError,
  INTERNAL_ERROR: InternalError,
};

function classFor(code: string): ApiErrorClass {
  return Object.prototype.hasOwnProperty.call(ERROR_CLASSES, code) ? ERROR_CLASSES[code as ErrorCode] : ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error an envelope describes; `status` defaults to the one the contract pairs with its code. */
export function errorFromEnvelope(
  body: Record<string, unknown>,
  init: { status?: number; requestId?: string | null; headers?: Headers } = {},
): ApiError {
  const code = String(body["code"]);
  const errorClass = classFor(code);
  const message = body["error"];
  const details = body["details"];
  return new errorClass({
    message: typeof message === "string" ? message : code,
    status: init.status ?? errorClass.httpStatus,
    code,
    details: isRecord(details) ? details : {},
    requestId: init.requestId,
    headers: init.headers,
  });
}

/** The error for a non-2xx response: the class of its code, or ApiError for anything else. */
export function errorFromResponse(status: number, headers: Headers, text: string): ApiError {
  const requestId = headers.get(REQUEST_ID_HEADER);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!isRecord(body) || body["success"] !== false || typeof body["code"] !== "string") {
    // Not the contract's envelope (a proxy's page, an empty body): the generic branch.
    return new ApiError({ message: `HTTP ${status} without an error envelope`, status, code: null, requestId, headers });
  }
  return errorFromEnvelope(body, { status, requestId, headers });
}

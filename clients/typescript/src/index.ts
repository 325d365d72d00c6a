export { MentoraClient } from "./client.js";
export type { ClientOptions, Hooks, RefreshLock } from "./client.js";
export type { CallOptions, QueryValue, RequestOptions } from "./requester.js";
export {
  ApiError,
  AuthenticationError,
  AuthorizationError,
  ConflictError,
  DatabaseError,
  ERROR_CLASSES,
  ExternalServiceError,
  InternalError,
  MentoraError,
  NotFoundError,
  RateLimitError,
  TenantError,
  TokenExpiredError,
  TransportError,
  ValidationError,
  errorFromEnvelope,
  errorFromResponse,
} from "./errors.js";
export type { ApiErrorClass, ApiErrorInit, ErrorCode } from "./errors.js";
export type * from "./operations.js";
export type { Cancellable, GradeQuery, JobQuery, PageQuery, SessionQuery, TenantQuery, UserQuery } from "./resources.js";
export { DEFAULT_RETRY_POLICY, backoff, parseRetryAfter, retryDelay } from "./retry.js";
export type { RetryContext, RetryPolicy } from "./retry.js";
export type { Credentials, Tokens } from "./session.js";
export { LineSplitter, SSEDecoder, eventJson, readEvents } from "./sse.js";
export type { ServerSentEvent } from "./sse.js";
export type { components, operations, paths } from "./schema.js";

/**
 * What the typed resources need of their client, and the options of its calls. The
 * resources depend on this interface, which `MentoraClient` implements: `client.ts`
 * imports `resources.ts`, never the reverse.
 */
import type { MentoraError } from "./errors.js";
import type { BodyOf, HttpMethod, Operation, PathParamsOf, PathsWith, QueryOf, SuccessBody } from "./operations.js";
import type { Tokens } from "./session.js";
import type { ServerSentEvent } from "./sse.js";

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
  headers?: Record<string, string> | undefined;
  /** Send the access token and handle TOKEN_EXPIRED (default); false for sign-in routes. */
  authenticated?: boolean | undefined;
  /** Your own key for this call; by default a fresh one per POST/PATCH call (never on sign-in calls). */
  idempotencyKey?: string | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/** Options of a typed call: the spec decides what `path`, `query` and `body` must be. */
export type CallOptions<O> = Omit<RequestOptions, "query" | "body"> & {
  path?: PathParamsOf<O>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
};

/** The client's side of the resources; `MentoraClient` documents each member. */
export interface Requester {
  readonly tokens: Tokens | null;
  readonly refreshCookie: boolean;
  setTokens(tokens: Tokens | null): void;
  refreshTokens(): Promise<void>;
  resumeSession(): Promise<boolean>;
  csrfHeaders(): Record<string, string>;
  call<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    path: P,
    options?: CallOptions<Operation<P, M>>,
  ): Promise<SuccessBody<Operation<P, M>>>;
  stream(method: string, path: string, options?: RequestOptions): AsyncGenerator<ServerSentEvent>;
  report(error: MentoraError): Promise<void>;
}

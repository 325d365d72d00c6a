/**
 * The signed-in session: its tokens, the one shared refresh, and its end.
 *
 * - A request that meets TOKEN_EXPIRED starts a refresh only if it carried the current
 *   access token and no refresh is running; one running is joined; a newer token already
 *   in place is simply used. So any number of concurrent requests cause one refresh.
 * - The refresh request itself is sent once and never goes through this machinery.
 * - A refresh the server rejects (AUTHENTICATION_ERROR) ends the session: tokens are
 *   dropped and `onAuthFailure` runs, once per session (a sign-in), however many
 *   requests were waiting on it or fail with AUTHENTICATION_ERROR afterwards.
 * - A session whose refresh token is null (browser mode) refreshes through the API's
 *   cookie; with no session at all, `resume` asks the cookie for one, and a refusal
 *   there only means that nobody is signed in.
 */
import { AuthenticationError, MentoraError } from "./errors.js";

export interface Tokens {
  accessToken: string;
  /** null when the API keeps it in an HttpOnly cookie (`refreshCookie`). */
  refreshToken: string | null;
}

/** What a request was sent with: the access token (if any) and the sign-in it belongs to. */
export interface Credentials {
  accessToken: string | null;
  generation: number;
}

export interface SessionHandlers {
  /** null: through the refresh cookie. */
  refresh: (refreshToken: string | null) => Promise<Tokens>;
  onTokens?: ((tokens: Tokens | null) => void) | undefined;
  onAuthFailure?: ((error: AuthenticationError) => unknown) | undefined;
}

export class Session {
  #tokens: Tokens | null;
  #generation = 0; // bumped by every sign-in (or explicit token change), not by refreshes
  #ended = false;
  #flight: Promise<void> | null = null;
  #resuming: Promise<boolean> | null = null;
  readonly #handlers: SessionHandlers;

  constructor(tokens: Tokens | null, handlers: SessionHandlers) {
    this.#tokens = tokens;
    this.#handlers = handlers;
  }

  get tokens(): Tokens | null {
    return this.#tokens;
  }

  credentials(): Credentials {
    return { accessToken: this.#tokens?.accessToken ?? null, generation: this.#generation };
  }

  /** A new sign-in (or sign-out, with null). */
  start(tokens: Tokens | null): void {
    this.#generation += 1;
    this.#ended = false;
    this.#set(tokens);
  }

  /** After TOKEN_EXPIRED: resolves once a retry is worth it, or rejects with what ends the request. */
  async recover(used: Credentials, error: AuthenticationError): Promise<void> {
    if (this.#flight === null) {
      const current = this.#tokens;
      if (current !== null && current.accessToken !== used.accessToken) return; // already refreshed
      if (current === null || used.generation !== this.#generation) {
        await this.fail(used, error);
        throw error;
      }
      this.#flight = this.#refreshOnce(current.refreshToken, this.#generation);
    }
    await this.#flight;
  }

  /** Refresh now, or join the refresh in flight. */
  refresh(): Promise<void> {
    if (this.#flight === null) {
      const current = this.#tokens;
      if (current === null) return Promise.reject(new MentoraError("Not signed in: there is no refresh token"));
      this.#flight = this.#refreshOnce(current.refreshToken, this.#generation);
    }
    return this.#flight;
  }

  /**
   * With no session, start one from the refresh cookie (a page load), or join the attempt
   * in flight: true once signed in, false when the server has no sign-in for this browser.
   */
  resume(): Promise<boolean> {
    if (this.#tokens !== null) return Promise.resolve(true);
    this.#resuming ??= this.#resumeOnce().finally(() => {
      this.#resuming = null;
    });
    return this.#resuming;
  }

  async #resumeOnce(): Promise<boolean> {
    const generation = this.#generation;
    let fresh: Tokens;
    try {
      fresh = await this.#handlers.refresh(null);
    } catch (error) {
      // A visitor who is not signed in: nothing ended, so no onAuthFailure.
      if (error instanceof AuthenticationError) return this.#tokens !== null;
      throw error;
    }
    if (generation === this.#generation) this.start(fresh); // else a sign-in meanwhile decided
    return this.#tokens !== null;
  }

  /** AUTHENTICATION_ERROR on a request: end its session, reporting it the first time only. */
  async fail(used: Credentials, error: AuthenticationError): Promise<void> {
    if (this.#end(used.generation)) await this.#handlers.onAuthFailure?.(error);
  }

  async #refreshOnce(refreshToken: string | null, generation: number): Promise<void> {
    try {
      const fresh = await this.#handlers.refresh(refreshToken);
      if (generation === this.#generation && !this.#ended) this.#set(fresh); // else a newer sign-in replaced it
    } catch (error) {
      if (error instanceof AuthenticationError && this.#end(generation)) await this.#handlers.onAuthFailure?.(error);
      throw error;
    } finally {
      this.#flight = null;
    }
  }

  #end(generation: number): boolean {
    if (generation !== this.#generation || this.#ended) return false;
    this.#ended = true;
    this.#set(null);
    return true;
  }

  #set(tokens: Tokens | null): void {
    this.#tokens = tokens;
    this.#handlers.onTokens?.(tokens);
  }
}

/**
 * The app's one Mentora client. Every call to the API goes through it, so the SDK's
 * error policy (refresh-and-retry, back-off, typed errors) is the app's.
 *
 * Tokens follow the browser-app BCP: the access token only in memory, the refresh token
 * in an HttpOnly cookie the API sets (`refreshCookie`), refreshed one tab at a time.
 */
import { MentoraClient } from "@mentora/client";

type SignedOutListener = (reason: string) => void;
const signedOutListeners = new Set<SignedOutListener>();

/** Hear when the server ends the session (the auth provider sends the person to sign in). */
export function onSignedOut(listener: SignedOutListener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export const api = new MentoraClient({
  baseUrl: globalThis.location?.origin ?? "http://127.0.0.1:8000",
  refreshCookie: true,
  // Several tabs share one refresh cookie: refreshing one tab at a time keeps rotation safe.
  refreshLock: (run) => (globalThis.navigator?.locks === undefined ? run() : navigator.locks.request("mentora-refresh", run)),
  // Waits longer than this are shown as a countdown instead of a silent spinner.
  maxRetryAfterMs: 1000,
  hooks: {
    onAuthFailure: (error) => {
      const reason = error.code === "TOKEN_EXPIRED" ? "Your session has expired. Please sign in again." : "Please sign in again to continue.";
      for (const listener of signedOutListeners) listener(reason);
    },
  },
});

/**
 * Who is signed in: one provider owns the session, the person (`/v1/users/me`) and the
 * ways in and out. A reload or another tab resumes from the refresh cookie; signing out
 * in one tab signs every tab out.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, onSignedOut } from "./api";
import { rememberInstitution } from "./institution";
import type { Me } from "./permissions";

export type AuthState =
  | { status: "starting" }
  | { status: "signed-out"; reason: string | null }
  | { status: "signed-in"; me: Me };

export interface SignInInput {
  email: string;
  password: string;
  /** The institution's slug; empty when the host names it. */
  institution: string;
}

export interface RegisterInput extends SignInInput {
  name: string;
}

export interface Auth {
  state: AuthState;
  me: Me | null;
  signIn(input: SignInInput): Promise<void>;
  register(input: RegisterInput): Promise<void>;
  signOut(): Promise<void>;
  /** Read `/v1/users/me` again (after a profile or role change). */
  reloadMe(): Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const TABS = "mentora-auth";

async function loadMe(): Promise<Me> {
  return api.me.get();
}

function slugOrNull(institution: string): string | null {
  const slug = institution.trim();
  return slug === "" ? null : slug;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: "starting" });
  const [tabs] = useState(() => (typeof BroadcastChannel === "function" ? new BroadcastChannel(TABS) : null));

  const signedOut = useCallback(
    (reason: string | null) => {
      api.setTokens(null);
      queryClient.clear();
      setState({ status: "signed-out", reason });
    },
    [queryClient],
  );

  const resume = useCallback(async () => {
    try {
      if (await api.auth.resume()) setState({ status: "signed-in", me: await loadMe() });
      else setState({ status: "signed-out", reason: null });
    } catch {
      // The server could not be asked: show sign-in rather than a blank page.
      setState({ status: "signed-out", reason: null });
    }
  }, []);

  useEffect(() => {
    void resume();
  }, [resume]);

  useEffect(() => onSignedOut((reason) => signedOut(reason)), [signedOut]);

  useEffect(() => {
    if (tabs === null) return undefined;
    const listener = (event: MessageEvent<unknown>) => {
      if (event.data === "signed-out") signedOut("You signed out in another tab.");
      if (event.data === "signed-in") void resume();
    };
    tabs.addEventListener("message", listener);
    return () => tabs.removeEventListener("message", listener);
  }, [tabs, signedOut, resume]);

  const signIn = useCallback(
    async (input: SignInInput) => {
      await api.auth.login({ email: input.email, password: input.password, tenant_slug: slugOrNull(input.institution) });
      rememberInstitution(input.institution.trim());
      queryClient.clear();
      setState({ status: "signed-in", me: await loadMe() });
      tabs?.postMessage("signed-in");
    },
    [queryClient, tabs],
  );

  const register = useCallback(
    async (input: RegisterInput) => {
      await api.auth.register({
        email: input.email,
        password: input.password,
        name: input.name,
        tenant_slug: slugOrNull(input.institution),
      });
      rememberInstitution(input.institution.trim());
      queryClient.clear();
      setState({ status: "signed-in", me: await loadMe() });
      tabs?.postMessage("signed-in");
    },
    [queryClient, tabs],
  );

  const signOut = useCallback(async () => {
    try {
      await api.auth.logout();
    } finally {
      signedOut(null);
      tabs?.postMessage("signed-out");
    }
  }, [signedOut, tabs]);

  const reloadMe = useCallback(async () => {
    setState({ status: "signed-in", me: await loadMe() });
  }, []);

  const auth = useMemo<Auth>(
    () => ({ state, me: state.status === "signed-in" ? state.me : null, signIn, register, signOut, reloadMe }),
    [state, signIn, register, signOut, reloadMe],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (auth === null) throw new Error("useAuth outside AuthProvider");
  return auth;
}

/** The signed-in person; only for screens behind `RequireSignIn`. */
export function useMe(): Me {
  const { me } = useAuth();
  if (me === null) throw new Error("useMe needs a signed-in person");
  return me;
}

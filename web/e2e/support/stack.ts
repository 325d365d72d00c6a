/**
 * The stack the browser tests run against (tests/support/e2e_stack.py): where it is, and
 * the ways a test may act on it besides the browser: the API, the stand-ins' failure
 * modes, the `mentora` CLI and the SQLite file.
 */
import { type BrowserContext, type APIRequestContext, expect } from "@playwright/test";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));
export const STATE_FILE = process.env.E2E_STATE ?? fileURLToPath(new URL("../../.e2e-stack.json", import.meta.url));
export const PORT = Number(process.env.E2E_PORT ?? 47812);
export const CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 47811);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
export const PASSWORD = "e2e-demo-password";

export interface StackState {
  baseUrl: string;
  shortTokenBaseUrl: string;
  shortTokenSeconds: number;
  controlUrl: string;
  password: string;
  dataDir: string;
  dbPath: string;
  tenants: {
    "ai-down": { id: string; caseStudyId: string };
    limited: { id: string; loginLimit: string };
    broken: { id: string };
  };
}

let cached: StackState | undefined;
export function stack(): StackState {
  cached ??= JSON.parse(readFileSync(STATE_FILE, "utf8")) as StackState;
  return cached;
}

export interface Person {
  email: string;
  institution: string;
}

/** The demo's people (src/mentora/bootstrap.py), one per role the navigation differs for. */
export const PEOPLE = {
  student: { email: "student@demo.example.com", institution: "demo" },
  faculty: { email: "faculty@demo.example.com", institution: "demo" },
  admin: { email: "admin@demo.example.com", institution: "demo" },
  operator: { email: "operator@demo.example.com", institution: "platform" },
} as const satisfies Record<string, Person>;
export type Role = keyof typeof PEOPLE;

/**
 * Sign `context` in as `person`, as the app itself would: the API sets the refresh cookie
 * and the page resumes from it on load. Each call is a sign-in of its own, so no two tests
 * ever rotate the same refresh token (a replay after the grace window ends the sign-in).
 */
export async function signInContext(context: BrowserContext, person: Person, password = PASSWORD, baseUrl = BASE_URL): Promise<void> {
  const answer = await context.request.post(`${baseUrl}/v1/auth/login`, {
    data: { email: person.email, password, tenant_slug: person.institution, refresh_cookie: true },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const cookies = (await context.cookies(baseUrl)).map((cookie) => cookie.name);
  expect(cookies).toEqual(expect.arrayContaining(["mentora_csrf"]));
}

/** Bearer headers for setting things up through the API. */
export async function bearer(request: APIRequestContext, person: Person, password = PASSWORD): Promise<Record<string, string>> {
  const answer = await request.post(`${BASE_URL}/v1/auth/login`, {
    data: { email: person.email, password, tenant_slug: person.institution },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  const body = (await answer.json()) as { data: { access_token: string } };
  return { Authorization: `Bearer ${body.data.access_token}` };
}

/** Names no earlier run (the stack may be reused between runs) or parallel test has taken. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

async function control(path: string, mode: string): Promise<void> {
  const answer = await fetch(`${stack().controlUrl}/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ mode }),
  });
  if (!answer.ok) throw new Error(`${path} ${mode}: ${answer.status} ${await answer.text()}`);
}

/** The stand-in AI provider of the `ai-down` institution: ok, timeout, 500, 429, 401, malformed, slow_stream, drop. */
export const setAiMode = (mode: string) => control("ai-mode", mode);
/** The stand-in LMS of the `ai-down` institution: ok, timeout, 500, 429, 401, malformed, drop. */
export const setLmsMode = (mode: string) => control("lms-mode", mode);

const run = promisify(execFile);

/** `mentora <args>` on the main server's data dir. */
export async function mentoraCli(...args: string[]): Promise<string> {
  const { stdout } = await run("uv", ["run", "--frozen", "mentora", ...args], {
    cwd: REPO,
    env: { ...process.env, MENTORA_DATA_DIR: stack().dataDir, MENTORA_PASSWORD_TIME_COST: "1", MENTORA_PASSWORD_MEMORY_KIB: "1024", MENTORA_PASSWORD_PARALLELISM: "1" },
    timeout: 60_000,
  });
  return stdout;
}

/** Run SQL on the main server's SQLite file (with the system Python: its sqlite3 module is always there). */
export async function sql(statement: string, parameters: unknown[] = []): Promise<unknown[][]> {
  const script = [
    "import json, sqlite3, sys",
    "db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)",
    "rows = db.execute(sys.argv[2], json.loads(sys.argv[3])).fetchall()",
    "print(json.dumps(rows))",
  ].join("\n");
  const { stdout } = await run("python3", ["-c", script, stack().dbPath, statement, JSON.stringify(parameters)], { timeout: 60_000 });
  return JSON.parse(stdout) as unknown[][];
}

/**
 * Hold SQLite's exclusive lock on the main database from another process for `seconds`:
 * every write the server tries meanwhile waits out its busy timeout and fails. Resolves
 * once the lock is held; `release()` ends it early.
 */
export async function holdDatabaseLock(seconds: number): Promise<{ release(): Promise<void> }> {
  const script = [
    "import sqlite3, sys, time",
    "db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)",
    "db.execute('BEGIN EXCLUSIVE')",
    "print('locked', flush=True)",
    "time.sleep(float(sys.argv[2]))",
    "db.execute('ROLLBACK')",
  ].join("\n");
  const child: ChildProcess = spawn("python3", ["-c", script, stack().dbPath, String(seconds)], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
  return {
    async release() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * The client against the server's OpenAPI document (`docs/openapi.json`):
 * every typed method sends a method and path the spec has, and the client compiles
 * against types generated afresh from the current spec.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { MentoraClient } from "../src/index.js";
import { PACKAGE_ROOT, specPath } from "./support/paths.js";

const ID_ONLY = new Set(["get", "delete", "deactivate", "end", "forSession", "publish", "retry"]);
const RESOURCES = [
  "auth",
  "me",
  "users",
  "roles",
  "tenants",
  "caseStudies",
  "consoleCaseStudies",
  "sessions",
  "grades",
  "jobs",
  "meta",
] as const;

interface Spec {
  paths: Record<string, Record<string, unknown>>;
}

function operationFor(spec: Spec, method: string, path: string): string | null {
  const templates = Object.keys(spec.paths).sort((a, b) => a.split("{").length - b.split("{").length);
  for (const template of templates) {
    const pattern = new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{[^}]+\\\}/g, "[^/]+")}$`);
    if (pattern.test(path) && method.toLowerCase() in (spec.paths[template] ?? {})) return template;
  }
  return null;
}

function recordingClient(sent: { method: string; path: string }[]): MentoraClient {
  return new MentoraClient({
    baseUrl: "http://spec.test",
    tokens: { accessToken: "a", refreshToken: "r" },
    fetch: async (input, init) => {
      sent.push({ method: init?.method ?? "GET", path: new URL(String(input)).pathname });
      const data = { access_token: "a", refresh_token: "r", expires_in: 60 };
      return new Response(JSON.stringify({ success: true, data, total: 0, page: 1, page_size: 20 }), { status: 200 });
    },
  });
}

/** Ids are strings and come first; bodies and queries are objects (`method.length` skips defaulted ones). */
function dummyArguments(name: string, length: number): unknown[] {
  if (length === 2) return ["id-0", {}];
  if (length === 1) return ID_ONLY.has(name) ? ["id-0"] : [{}];
  return [];
}

async function callEverything(client: MentoraClient): Promise<string[]> {
  const called: string[] = [];
  for (const resourceName of RESOURCES) {
    const resource = client[resourceName] as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(resource))) {
      if (name === "constructor") continue;
      client.setTokens({ accessToken: "a", refreshToken: "r" });
      const method = resource[name];
      assert.ok(typeof method === "function");
      const result = method.apply(resource, dummyArguments(name, method.length));
      if (result !== null && typeof result === "object" && Symbol.asyncIterator in result) {
        for await (const _event of result as AsyncIterable<unknown>) {
          // a JSON answer yields no events
        }
      } else {
        await result;
      }
      called.push(`${resourceName}.${name}`);
    }
  }
  return called;
}

test("every typed method sends an operation of the spec", async (t) => {
  const spec = JSON.parse(readFileSync(specPath(), "utf8")) as Spec;
  const sent: { method: string; path: string }[] = [];
  const called = await callEverything(recordingClient(sent));
  assert.ok(called.length >= 30, `only ${called.length} methods`);
  const covered = new Set<string>();
  for (const request of sent) {
    const template = operationFor(spec, request.method, request.path);
    assert.ok(template !== null, `${request.method} ${request.path} is not in the spec`);
    covered.add(`${request.method.toLowerCase()} ${template}`);
  }
  const uncovered = Object.entries(spec.paths)
    .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
    .filter((operation) => !covered.has(operation) && operation !== "get /readyz");
  if (uncovered.length > 0) t.diagnostic(`operations without a typed method (use client.request): ${uncovered.join(", ")}`);
});

test("the client compiles against types generated from the current spec", (t) => {
  const folder = mkdtempSync(join(tmpdir(), "mentora-client-spec-"));
  try {
    cpSync(join(PACKAGE_ROOT, "src"), join(folder, "src"), { recursive: true });
    const fresh = join(folder, "src", "schema.ts");
    execFileSync(process.execPath, [join(PACKAGE_ROOT, "scripts", "generate-types.mjs"), specPath(), fresh], { stdio: "pipe" });
    if (readFileSync(fresh, "utf8") !== readFileSync(join(PACKAGE_ROOT, "src", "schema.ts"), "utf8")) {
      t.diagnostic("src/schema.ts differs from the current spec: run `npm run generate`");
    }
    const config = {
      extends: join(PACKAGE_ROOT, "tsconfig.build.json"),
      compilerOptions: { rootDir: "src", noEmit: true },
      include: ["src"],
    };
    writeFileSync(join(folder, "tsconfig.json"), JSON.stringify(config));
    writeFileSync(join(folder, "package.json"), JSON.stringify({ type: "module", private: true }));
    const tsc = join(PACKAGE_ROOT, "node_modules", "typescript", "bin", "tsc");
    try {
      execFileSync(process.execPath, [tsc, "-p", join(folder, "tsconfig.json")], { stdio: "pipe" });
    } catch (error) {
      const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
      assert.fail(`the client does not compile against the current spec:\n${output}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

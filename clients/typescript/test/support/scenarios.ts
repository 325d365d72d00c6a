/**
 * The interpreter of the shared scenarios (`clients/scenarios`): the TypeScript twin of
 * `clients/python/tests/support/scenarios.py`. `clients/scenarios/README.md` describes the format.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import * as library from "../../src/index.js";
import { ApiError, type ClientOptions, type Hooks, MentoraClient, MentoraError, type Tokens } from "../../src/index.js";
import { SCENARIOS_DIR } from "./paths.js";
import { type Exchange, Recorder, type ScriptEntry, liveFetch, scriptedFetch } from "./transports.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Scenario = { id: string } & Record<string, Json>;

const TENANT = "demo";
const SCRIPTED_URL = "http://scripted.test";
const HOOK_NAMES = ["onAuthFailure", "onAccessDenied", "onFieldErrors", "onNotFound", "onConflict", "onGenericError"] as const;
type HookName = (typeof HOOK_NAMES)[number];
const RETRY_AFTER_TOLERANCE_MS = 50;

export function load(kind: string): Scenario[] {
  const folder = join(SCENARIOS_DIR, kind);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ id: name.replace(/\.json$/, ""), ...(JSON.parse(readFileSync(join(folder, name), "utf8")) as Record<string, Json>) }));
}

interface Outcome {
  result: unknown;
  error: MentoraError | null;
  seconds: number;
}

function object(value: Json | undefined): Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

/** The scenario's client options (snake_case, seconds) as the TypeScript client's. */
function clientOptions(scenario: Scenario): Partial<ClientOptions> {
  const options = object(scenario["client"]);
  const seconds = (name: string): number | undefined => (typeof options[name] === "number" ? (options[name] as number) * 1000 : undefined);
  const mapped: Partial<ClientOptions> = {
    maxRetries: typeof options["max_retries"] === "number" ? options["max_retries"] : undefined,
    initialRetryDelayMs: seconds("initial_retry_delay"),
    maxRetryDelayMs: seconds("max_retry_delay"),
    maxRetryAfterMs: seconds("max_retry_after"),
    idempotencyKeys: typeof options["idempotency_keys"] === "boolean" ? options["idempotency_keys"] : undefined,
  };
  const known = new Set(["max_retries", "initial_retry_delay", "max_retry_delay", "max_retry_after", "idempotency_keys"]);
  const unknown = Object.keys(options).filter((name) => !known.has(name));
  assert.deepEqual(unknown, [], `client options this runner does not know: ${unknown.join(", ")}`);
  return mapped;
}

function tokensOf(value: Json | undefined): Tokens | null {
  const tokens = object(value);
  return typeof tokens["access_token"] === "string" && typeof tokens["refresh_token"] === "string"
    ? { accessToken: tokens["access_token"], refreshToken: tokens["refresh_token"] }
    : null;
}

export class Driver {
  readonly recorder = new Recorder();
  readonly hookCalls = new Map<HookName, number>(HOOK_NAMES.map((name) => [name, 0]));
  readonly client: MentoraClient;

  constructor(scenario: Scenario, baseUrl: string | null) {
    const hooks: Hooks = {};
    for (const name of HOOK_NAMES) {
      hooks[name] = () => {
        this.hookCalls.set(name, (this.hookCalls.get(name) ?? 0) + 1);
      };
    }
    const routes = object(scenario["routes"]) as unknown as Record<string, ScriptEntry[]>;
    this.client = new MentoraClient({
      baseUrl: baseUrl ?? SCRIPTED_URL,
      tenant: TENANT,
      tokens: tokensOf(scenario["tokens"]),
      hooks,
      fetch: baseUrl === null ? scriptedFetch(routes, this.recorder) : liveFetch(this.recorder),
      ...clientOptions(scenario),
    });
  }

  #operation(name: string): (args: Record<string, Json>) => Promise<unknown> {
    const client = this.client;
    const text = (args: Record<string, Json>, key: string): string => String(args[key]);
    const operations: Record<string, (args: Record<string, Json>) => Promise<unknown>> = {
      login: (args) => client.auth.login(args as unknown as library.LoginIn),
      logout: () => client.auth.logout(),
      me: () => client.me.get(),
      update_me: (args) => client.me.update(args as unknown as library.MeUpdate),
      invite_user: (args) => client.users.invite(args as unknown as library.UserInvite),
      list_users: (args) => client.users.list(args as library.UserQuery),
      get_user: (args) => client.users.get(text(args, "user_id")),
      delete_user: (args) => client.users.delete(text(args, "user_id")),
      request: (args) => client.request(text(args, "method"), text(args, "path"), { body: args["json"] }),
    };
    const operation = operations[name];
    assert.ok(operation, `unknown call ${name}`);
    return operation;
  }

  /** `concurrency` calls started together. */
  async invoke(name: string, args: Record<string, Json>, concurrency: number): Promise<Outcome[]> {
    const operation = this.#operation(name);
    const one = async (): Promise<Outcome> => {
      const started = performance.now();
      try {
        const result = await operation(args);
        return { result, error: null, seconds: (performance.now() - started) / 1000 };
      } catch (error) {
        if (!(error instanceof MentoraError)) throw error;
        return { result: null, error, seconds: (performance.now() - started) / 1000 };
      }
    };
    return Promise.all(Array.from({ length: concurrency }, one));
  }
}

class Context {
  readonly unique = randomUUID().replace(/-/g, "").slice(0, 12);
  readonly saved = new Map<string, unknown>();
  tokenExpiresAt: number | null = null;

  constructor(readonly demoPassword: string) {}

  /** Replace `{unique}` and `{saved.NAME.path}` in every string of a value. */
  render(value: Json | undefined): Json {
    if (value === undefined) return null;
    if (typeof value === "string") {
      if (value.startsWith("{saved.") && value.endsWith("}") && value.split("{").length === 2) {
        return this.lookup(value.slice(7, -1)) as Json;
      }
      return value.split("{unique}").join(this.unique);
    }
    if (Array.isArray(value)) return value.map((item) => this.render(item));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.render(item)]));
    }
    return value;
  }

  lookup(dotted: string): unknown {
    const [name, ...path] = dotted.split(".");
    let value = this.saved.get(name ?? "");
    for (const part of path) value = (value as Record<string, unknown>)[part];
    return value;
  }
}

export async function run(scenario: Scenario, driver: Driver, demoPassword = "password"): Promise<void> {
  const context = new Context(demoPassword);
  const steps = Array.isArray(scenario["steps"]) ? scenario["steps"] : [];
  for (const [index, rawStep] of steps.entries()) {
    const step = object(rawStep);
    const where = `step ${index + 1} ${JSON.stringify(step).slice(0, 200)}`;
    if ("login" in step) {
      const args = { email: `${String(step["login"])}@demo.example.com`, password: context.demoPassword };
      const outcomes = await driver.invoke("login", args, 1);
      checkOutcomes(outcomes, object(context.render(step["expect"] ?? { ok: true })), where);
      const first = outcomes[0];
      if (first !== undefined && first.error === null) {
        context.tokenExpiresAt = performance.now() + Number((first.result as { expires_in: number }).expires_in) * 1000;
      }
    } else if ("set_refresh_token" in step) {
      const current = driver.client.tokens;
      assert.ok(current, `${where}: not signed in`);
      driver.client.setTokens({ accessToken: current.accessToken, refreshToken: String(step["set_refresh_token"]) });
    } else if ("set_tokens" in step) {
      driver.client.setTokens(tokensOf(step["set_tokens"]));
    } else if ("wait_for_token_expiry" in step) {
      assert.ok(context.tokenExpiresAt !== null, `${where}: no login to wait for`);
      await sleep(Math.max(0, context.tokenExpiresAt - performance.now()) + 250);
    } else if ("sleep" in step) {
      await sleep(Number(step["sleep"]) * 1000);
    } else if ("drop_response" in step) {
      const fault = object(step["drop_response"]);
      driver.recorder.dropResponses(String(fault["route"]), Number(fault["times"]));
    } else if ("call" in step) {
      const args = object(context.render(step["args"] ?? {}));
      const outcomes = await driver.invoke(String(step["call"]), args, Number(step["concurrency"] ?? 1));
      checkOutcomes(outcomes, object(context.render(step["expect"] ?? { ok: true })), where);
      if (typeof step["save_as"] === "string") context.saved.set(step["save_as"], outcomes[0]?.result);
    } else {
      assert.fail(`${where}: unknown step`);
    }
  }
  checkFinal(object(scenario["expect"]), driver);
}

function checkOutcomes(outcomes: Outcome[], expect: Record<string, Json>, where: string): void {
  outcomes.forEach((outcome, index) => checkOutcome(outcome, expect, `${where}, call ${index + 1} of ${outcomes.length}`));
}

function checkOutcome(outcome: Outcome, expect: Record<string, Json>, where: string): void {
  const error = outcome.error;
  if (expect["ok"] === true) {
    assert.equal(error, null, `${where}: expected success, got ${String(error)}`);
    if ("result" in expect) assertPartial(expect["result"], outcome.result, `${where}: result`);
  } else {
    assert.ok(error !== null, `${where}: expected an error, got ${JSON.stringify(outcome.result)}`);
    if ("error" in expect) assert.equal(error.name, expect["error"], `${where}: expected ${String(expect["error"])}, got ${String(error)}`);
    if ("error_is" in expect) {
      const expected = (library as unknown as Record<string, unknown>)[String(expect["error_is"])];
      assert.ok(typeof expected === "function" && error instanceof expected, `${where}: expected a ${String(expect["error_is"])}, got ${String(error)}`);
    }
    for (const attribute of ["code", "status", "message", "details"]) {
      if (attribute in expect) {
        const actual: unknown = (error as unknown as Record<string, unknown>)[attribute] ?? null;
        assert.deepEqual(actual, expect[attribute], `${where}: ${attribute}`);
      }
    }
    if (error instanceof ApiError && error.requestId !== null) {
      assert.ok(String(error).includes(error.requestId), `${where}: request id missing from ${String(error)}`);
    }
  }
  if (typeof expect["min_seconds"] === "number") assert.ok(outcome.seconds >= expect["min_seconds"], `${where}: took ${outcome.seconds}s`);
  if (typeof expect["max_seconds"] === "number") assert.ok(outcome.seconds <= expect["max_seconds"], `${where}: took ${outcome.seconds}s`);
}

/** Objects: the expected keys match; arrays: same length, item by item; else equal. */
function assertPartial(expected: Json | undefined, actual: unknown, where: string): void {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    assert.ok(actual !== null && typeof actual === "object" && !Array.isArray(actual), `${where}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [key, value] of Object.entries(expected)) {
      assert.ok(key in actual, `${where}: missing ${key} in ${JSON.stringify(actual)}`);
      assertPartial(value, (actual as Record<string, unknown>)[key], `${where}.${key}`);
    }
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${where}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
    expected.forEach((item, index) => assertPartial(item, actual[index], `${where}.${index}`));
  } else {
    assert.deepEqual(actual, expected, where);
  }
}

function checkCount(actual: number, expected: Json | undefined, where: string): void {
  if (typeof expected === "number") {
    assert.equal(actual, expected, where);
  } else {
    const range = object(expected);
    const min = typeof range["min"] === "number" ? range["min"] : 0;
    const max = typeof range["max"] === "number" ? range["max"] : actual;
    assert.ok(min <= actual && actual <= max, `${where}: ${actual} not in ${JSON.stringify(range)}`);
  }
}

function checkFinal(expect: Record<string, Json>, driver: Driver): void {
  const recorder = driver.recorder;
  const unscripted = recorder.exchanges.filter((exchange) => exchange.unscripted).map((exchange) => exchange.route);
  assert.deepEqual(unscripted, [], "requests the script does not answer");
  for (const [route, expected] of Object.entries(object(expect["requests"]))) {
    checkCount(recorder.on(route).length, expected, `requests ${route}`);
  }
  for (const [key, expected] of Object.entries(object(expect["responses"]))) {
    const split = key.lastIndexOf(" ");
    const route = key.slice(0, split);
    const status = Number(key.slice(split + 1));
    checkCount(recorder.on(route).filter((exchange) => exchange.status === status).length, expected, `responses ${key}`);
  }
  const hooks = object(expect["hooks"]);
  for (const name of HOOK_NAMES) {
    assert.equal(driver.hookCalls.get(name), hooks[name] ?? 0, `hook ${name}`);
  }
  const keysOn = (route: Json): (string | undefined)[] => recorder.on(String(route)).map((exchange) => exchange.requestHeaders["idempotency-key"]);
  for (const route of Array.isArray(expect["same_idempotency_key"]) ? expect["same_idempotency_key"] : []) {
    const keys = keysOn(route);
    assert.ok(keys.length > 0 && keys.every(Boolean) && new Set(keys).size === 1, `Idempotency-Key on ${String(route)}: ${JSON.stringify(keys)}`);
  }
  for (const route of Array.isArray(expect["idempotency_key_absent"]) ? expect["idempotency_key_absent"] : []) {
    const keys = keysOn(route);
    assert.ok(keys.every((key) => key === undefined), `Idempotency-Key on ${String(route)}: ${JSON.stringify(keys)}`);
  }
  for (const [route, headers] of Object.entries(object(expect["request_headers"]))) {
    const exchanges = recorder.on(route);
    assert.ok(exchanges.length > 0, `no request on ${route}`);
    for (const exchange of exchanges) {
      for (const [name, value] of Object.entries(object(headers))) {
        assert.equal(exchange.requestHeaders[name.toLowerCase()] ?? null, value, `${route} ${name}`);
      }
    }
  }
  if (expect["retry_after_respected"] === true) checkRetryAfter(recorder);
  if ("signed_in" in expect) assert.equal(driver.client.tokens !== null, expect["signed_in"], "signed in");
}

/** Each 429 with Retry-After: the next attempt on its route started no sooner than it said. */
function checkRetryAfter(recorder: Recorder): void {
  const limited = recorder.exchanges.filter((exchange) => exchange.status === 429);
  assert.ok(limited.length > 0, "no 429 was seen");
  for (const exchange of limited) {
    const value = exchange.responseHeaders["retry-after"];
    assert.ok(value !== undefined, "a 429 without Retry-After");
    const waitMs = independentRetryAfter(value, exchange);
    const finished = exchange.finished ?? 0;
    const later = recorder.on(exchange.route).filter((other: Exchange) => other.started > finished);
    assert.ok(later.length > 0, `the 429 on ${exchange.route} was not retried`);
    const waited = Math.min(...later.map((other) => other.started)) - finished;
    assert.ok(waited >= waitMs - RETRY_AFTER_TOLERANCE_MS, `waited ${waited} ms, Retry-After ${value} (${waitMs} ms)`);
  }
}

function independentRetryAfter(value: string, exchange: Exchange): number {
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  return Math.max(0, new Date(value).getTime() - (exchange.finishedWall ?? Date.now()));
}

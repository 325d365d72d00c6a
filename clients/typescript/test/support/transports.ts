/**
 * fetch wrappers that record every attempt, and either reach a real server or play a script:
 * the TypeScript twin of `clients/python/tests/support/transports.py`.
 */
import { setTimeout as sleep } from "node:timers/promises";

export interface Exchange {
  route: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  credentials: RequestCredentials | null;
  started: number; // performance.now()
  finished: number | null;
  finishedWall: number | null; // Date.now()
  status: number | null;
  responseHeaders: Record<string, string>;
  unscripted: boolean;
}

const ERROR_MESSAGES: Record<string, string> = {
  AUTHENTICATION_ERROR: "Invalid or missing token",
  TOKEN_EXPIRED: "Access token has expired",
  RATE_LIMIT_EXCEEDED: "Too many requests",
  DATABASE_ERROR: "Database error",
  EXTERNAL_SERVICE_ERROR: "External service failed",
};

function headersOf(headers: HeadersInit | Headers | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

function routeOf(url: string, init: RequestInit | undefined): string {
  return `${(init?.method ?? "GET").toUpperCase()} ${new URL(url).pathname}`;
}

function urlOf(input: string | URL | Request): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

export class Recorder {
  readonly exchanges: Exchange[] = [];
  readonly #faults = new Map<string, number>();

  begin(url: string, init: RequestInit | undefined): Exchange {
    const exchange: Exchange = {
      route: routeOf(url, init),
      requestHeaders: headersOf(init?.headers),
      requestBody: typeof init?.body === "string" ? init.body : null,
      credentials: init?.credentials ?? null,
      started: performance.now(),
      finished: null,
      finishedWall: null,
      status: null,
      responseHeaders: {},
      unscripted: false,
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  end(exchange: Exchange, response: Response | null): void {
    exchange.finished = performance.now();
    exchange.finishedWall = Date.now();
    if (response !== null) {
      exchange.status = response.status;
      exchange.responseHeaders = headersOf(response.headers);
    }
  }

  dropResponses(route: string, times: number): void {
    this.#faults.set(route, (this.#faults.get(route) ?? 0) + times);
  }

  takeFault(route: string): boolean {
    const left = this.#faults.get(route) ?? 0;
    if (left <= 0) return false;
    this.#faults.set(route, left - 1);
    return true;
  }

  on(route: string): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.route === route);
  }
}

/** What undici's fetch throws for a network failure. */
function networkFailure(reason: string): TypeError {
  return new TypeError("fetch failed", { cause: new Error(reason) });
}

/** The network, recorded; `dropResponses` loses responses after the server did the work. */
export function liveFetch(recorder: Recorder): typeof fetch {
  return async (input, init) => {
    const url = urlOf(input);
    const exchange = recorder.begin(url, init);
    let response: Response;
    try {
      response = await fetch(input, init);
    } catch (error) {
      recorder.end(exchange, null);
      throw error;
    }
    recorder.end(exchange, response);
    if (recorder.takeFault(exchange.route)) {
      await response.arrayBuffer();
      throw networkFailure("connection reset after the request was processed (injected)");
    }
    return response;
  };
}

export interface ScriptEntry {
  status?: number;
  code?: string;
  error?: string;
  details?: Record<string, unknown>;
  data?: unknown;
  headers?: Record<string, string>;
  raw?: string;
  transport_error?: boolean;
  delay?: number;
  when_token?: string;
  times?: number;
}

function httpDate(template: string): string {
  return template.replace(/\{http_date\+(\d+)\}/g, (_match, seconds: string) =>
    new Date(Date.now() + Number(seconds) * 1000).toUTCString(),
  );
}

/** The scripted server: per route, entries matched in order (`when_token`, `times`). */
export function scriptedFetch(routes: Record<string, ScriptEntry[]>, recorder: Recorder): typeof fetch {
  const script = new Map(Object.entries(routes).map(([route, entries]) => [route, entries.map((entry) => ({ ...entry }))]));
  let served = 0;
  const pick = (route: string, token: string): ScriptEntry | null => {
    for (const entry of script.get(route) ?? []) {
      if (entry.when_token !== undefined && entry.when_token !== token) continue;
      if (entry.times !== undefined) {
        if (entry.times <= 0) continue;
        entry.times -= 1;
      }
      return entry;
    }
    return null;
  };
  return async (input, init) => {
    const url = urlOf(input);
    const exchange = recorder.begin(url, init);
    const token = (exchange.requestHeaders["authorization"] ?? "").replace(/^Bearer /, "");
    const entry = pick(exchange.route, token);
    served += 1;
    if (entry?.delay) await sleep(entry.delay * 1000);
    if (entry?.transport_error) {
      recorder.end(exchange, null);
      throw networkFailure("connection reset (scripted)");
    }
    const response = respond(entry, served);
    exchange.unscripted = entry === null;
    recorder.end(exchange, response);
    return response;
  };
}

function respond(entry: ScriptEntry | null, number: number): Response {
  if (entry === null) return new Response("no scripted response", { status: 599 });
  const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": `req-${number}` };
  for (const [name, value] of Object.entries(entry.headers ?? {})) headers[name.toLowerCase()] = httpDate(value);
  const status = entry.status ?? 200;
  if (entry.raw !== undefined) return new Response(entry.raw, { status, headers });
  const code = entry.code ?? "";
  const body =
    status < 400
      ? { success: true, data: entry.data ?? null, message: null }
      : { success: false, error: entry.error ?? ERROR_MESSAGES[code] ?? code, code, details: entry.details ?? {} };
  return new Response(JSON.stringify(body), { status, headers });
}

/** The SSE reader: decoder and line splitting alone, then the client against a small loopback SSE server. */
import assert from "node:assert/strict";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import {
  AuthorizationError,
  ExternalServiceError,
  LineSplitter,
  MentoraClient,
  type MentoraError,
  SSEDecoder,
  type ServerSentEvent,
  readEvents,
} from "../src/index.js";

// Chunks cut mid-line and mid-field on purpose, with CRLF and LF endings and a comment.
const STREAM_CHUNKS = [
  ": keep-alive\n\n",
  "event: meta\nda",
  'ta: {"id": 1}\n\n',
  "event: delta\r\ndata: line one\r",
  "\ndata: line two\r\n\r\n",
  "id: 7\nretry: 1500\ndata: third\n\n",
  "event: done\ndata\n\n",
];
const EXPECTED: ServerSentEvent[] = [
  { event: "meta", data: '{"id": 1}', id: null, retry: null },
  { event: "delta", data: "line one\nline two", id: null, retry: null },
  { event: "message", data: "third", id: "7", retry: 1500 },
  { event: "done", data: "", id: "7", retry: 1500 },
];

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(events: AsyncIterable<ServerSentEvent>): Promise<ServerSentEvent[]> {
  const received: ServerSentEvent[] = [];
  for await (const event of events) received.push(event);
  return received;
}

test("the decoder follows the standard, whatever the chunking", async () => {
  assert.deepEqual(await collect(readEvents(streamOf(STREAM_CHUNKS))), EXPECTED);
  assert.deepEqual(await collect(readEvents(streamOf([...STREAM_CHUNKS.join("")]))), EXPECTED);
});

test("decoder edge cases", () => {
  const decoder = new SSEDecoder();
  assert.equal(decoder.decode("event: lonely"), null);
  assert.equal(decoder.decode(""), null); // no data: nothing dispatched, event name reset
  assert.equal(decoder.decode("data:no-space"), null);
  assert.equal(decoder.decode("data:  two spaces"), null);
  assert.equal(decoder.decode("unknown: field"), null);
  assert.equal(decoder.decode("retry: soon"), null);
  assert.deepEqual(decoder.decode(""), { event: "message", data: "no-space\n two spaces", id: null, retry: null });
  assert.equal(decoder.decode("id: with\0null"), null);
  assert.equal(decoder.lastEventId, null);
});

test("line splitting keeps a CRLF split across chunks as one line ending", () => {
  const lines = new LineSplitter();
  assert.deepEqual(lines.push("a\r"), ["a"]);
  assert.deepEqual(lines.push("\nb\rc"), ["b"]);
  assert.deepEqual(lines.push("\n\n"), ["c", ""]);
  assert.deepEqual(lines.push("tail"), []);
  assert.deepEqual(lines.flush(), ["tail"]);
});

let server: Server;
let baseUrl = "";
let refreshes = 0;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "x-request-id": "sse-req" });
  response.end(JSON.stringify(body));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  for await (const _chunk of request) {
    // drain the body
  }
  const authorization = request.headers.authorization;
  if (request.url === "/v1/auth/refresh") {
    refreshes += 1;
    sendJson(response, 200, { success: true, data: { access_token: "new", refresh_token: "r2", token_type: "bearer", expires_in: 60 } });
  } else if (request.url === "/v1/denied") {
    sendJson(response, 403, { success: false, error: "Permission denied", code: "AUTHORIZATION_ERROR", details: {} });
  } else if (authorization === "Bearer old") {
    sendJson(response, 401, { success: false, error: "Access token has expired", code: "TOKEN_EXPIRED", details: {} });
  } else if (authorization !== "Bearer new" || request.headers.accept !== "text/event-stream") {
    sendJson(response, 401, { success: false, error: "Invalid token", code: "AUTHENTICATION_ERROR", details: {} });
  } else if (request.url === "/v1/sessions/s1/messages") {
    response.writeHead(200, { "content-type": "text/event-stream" });
    const error = { success: false, error: "The AI provider failed", code: "EXTERNAL_SERVICE_ERROR", details: { service: "ai" } };
    response.write('event: meta\ndata: {"session_id": "s1"}\n\nevent: delta\ndata: {"text": "Hel"}\n\n');
    response.end(`event: error\ndata: ${JSON.stringify(error)}\n\n`);
  } else {
    response.writeHead(200, { "content-type": "text/event-stream" });
    for (const chunk of STREAM_CHUNKS) {
      response.write(chunk);
      await sleep(10);
    }
    response.end();
  }
}

before(async () => {
  server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("a stream refreshes the token first, then yields the events", async () => {
  refreshes = 0;
  const client = new MentoraClient({ baseUrl, tokens: { accessToken: "old", refreshToken: "r1" } });
  assert.deepEqual(await collect(client.stream("GET", "/v1/stream")), EXPECTED);
  assert.equal(refreshes, 1);
  assert.deepEqual(client.tokens, { accessToken: "new", refreshToken: "r2" });
});

test("an error before the stream starts is thrown typed", async () => {
  const client = new MentoraClient({ baseUrl, tokens: { accessToken: "new", refreshToken: "r1" } });
  await assert.rejects(collect(client.stream("GET", "/v1/denied")), (error: unknown) => {
    assert.ok(error instanceof AuthorizationError);
    assert.equal(error.requestId, "sse-req");
    return true;
  });
});

test("an error event in a turn stream is thrown typed, after the events before it", async () => {
  const generic: MentoraError[] = [];
  const client = new MentoraClient({
    baseUrl,
    tokens: { accessToken: "new", refreshToken: "r1" },
    hooks: { onGenericError: (error) => void generic.push(error) },
  });
  const received: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const event of client.sessions.streamMessage("s1", { content: "Hello" })) received.push(event.event);
    })(),
    (error: unknown) => error instanceof ExternalServiceError && error.status === 502 && error.details["service"] === "ai",
  );
  assert.deepEqual(received, ["meta", "delta"]);
  assert.equal(generic.length, 1);
});

test("a stream can be cancelled with an AbortSignal", async () => {
  const client = new MentoraClient({ baseUrl, tokens: { accessToken: "new", refreshToken: "r1" } });
  const controller = new AbortController();
  const received: string[] = [];
  await assert.rejects(
    (async () => {
      for await (const event of client.stream("GET", "/v1/stream", { signal: controller.signal })) {
        received.push(event.event);
        controller.abort();
      }
    })(),
  );
  assert.deepEqual(received, ["meta"]);
});

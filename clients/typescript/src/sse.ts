/** Server-sent events (`text/event-stream`), decoded as the HTML standard describes. */

export interface ServerSentEvent {
  /** The `event:` field; "message" when the server sent none. */
  event: string;
  data: string;
  /** The last `id:` seen on the stream (to resume with `Last-Event-ID`). */
  id: string | null;
  /** The last `retry:` seen on the stream, in milliseconds. */
  retry: number | null;
}

/** Feed it one line at a time (without its line ending); it returns each complete event. */
export class SSEDecoder {
  #event = "";
  #data: string[] = [];
  #lastEventId: string | null = null;
  #retry: number | null = null;

  get lastEventId(): string | null {
    return this.#lastEventId;
  }

  decode(line: string): ServerSentEvent | null {
    if (line === "") return this.#dispatch();
    if (line.startsWith(":")) return null; // a comment, e.g. a keep-alive
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.#event = value;
    else if (field === "data") this.#data.push(value);
    else if (field === "id") {
      if (!value.includes("\0")) this.#lastEventId = value;
    } else if (field === "retry" && /^\d+$/.test(value)) this.#retry = Number(value);
    return null;
  }

  #dispatch(): ServerSentEvent | null {
    if (this.#data.length === 0) {
      this.#event = "";
      return null;
    }
    const event: ServerSentEvent = {
      event: this.#event || "message",
      data: this.#data.join("\n"),
      id: this.#lastEventId,
      retry: this.#retry,
    };
    this.#event = "";
    this.#data = [];
    return event;
  }
}

/** Splits decoded text into lines on CR, LF or CRLF, also when a CRLF straddles two chunks. */
export class LineSplitter {
  #buffer = "";
  #pendingCarriageReturn = false;

  push(chunk: string): string[] {
    let text = chunk;
    if (this.#pendingCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    this.#pendingCarriageReturn = false;
    this.#buffer += text;
    const lines: string[] = [];
    let start = 0;
    for (let index = 0; index < this.#buffer.length; index++) {
      const char = this.#buffer[index];
      if (char !== "\r" && char !== "\n") continue;
      lines.push(this.#buffer.slice(start, index));
      if (char === "\r") {
        if (index + 1 === this.#buffer.length) this.#pendingCarriageReturn = true;
        else if (this.#buffer[index + 1] === "\n") index++;
      }
      start = index + 1;
    }
    this.#buffer = this.#buffer.slice(start);
    return lines;
  }

  /** What is left when the stream ends (a last line without a line ending). */
  flush(): string[] {
    const rest = this.#buffer;
    this.#buffer = "";
    return rest === "" ? [] : [rest];
  }
}

/** The events of a response body, in order; ends when the stream does. */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lines = new LineSplitter();
  const events = new SSEDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (const line of done ? [...lines.push(text), ...lines.flush()] : lines.push(text)) {
        const event = events.decode(line);
        if (event !== null) yield event;
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** `JSON.parse` of an event's data. */
export function eventJson<T = unknown>(event: ServerSentEvent): T {
  return JSON.parse(event.data) as T;
}

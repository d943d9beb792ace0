import { createSseParser, type SseEvent } from './sseParser.ts';

export interface StreamHandlers {
  onOpen: () => void;
  onEvent: (e: SseEvent) => void;
  /** The stream broke or was refused; it reconnects by itself after a pause. */
  onDrop: () => void;
}

/** Pause before reconnecting when the server refused the stream (401, 5xx): no tight loops. */
const REFUSED_RETRY_MS = 10_000;

/**
 * Reads a same-origin Server-Sent Events stream with fetch, reconnecting with Last-Event-ID like
 * EventSource does, but delivering events of every `event:` name. Returns a function that closes it.
 */
export function openEventStream(url: string, handlers: StreamHandlers): () => void {
  let closed = false;
  let retryMs = 3000;
  let lastEventId = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abort = new AbortController();

  const connect = async () => {
    abort = new AbortController();
    let wait = retryMs;
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const res = await fetch(url, { credentials: 'same-origin', cache: 'no-store', headers, signal: abort.signal });
      if (!res.ok || !res.body) {
        wait = Math.max(retryMs, REFUSED_RETRY_MS);
        throw new Error(`event stream refused: HTTP ${res.status}`);
      }
      handlers.onOpen();
      const parser = createSseParser(
        (e) => {
          lastEventId = e.lastEventId;
          handlers.onEvent(e);
        },
        (ms) => {
          retryMs = ms;
        },
      );
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // network error, refusal or abort: handled below
    }
    if (closed) return;
    handlers.onDrop();
    timer = setTimeout(() => void connect(), wait);
  };

  void connect();
  return () => {
    closed = true;
    clearTimeout(timer);
    abort.abort();
  };
}

/** One dispatched Server-Sent Event (WHATWG HTML §9.2 "event stream interpretation"). */
export interface SseEvent {
  type: string;
  data: string;
  /** The last event id seen so far on this stream (sent back as Last-Event-ID on reconnect). */
  lastEventId: string;
}

export interface SseParser {
  push(chunk: string): void;
}

/**
 * Incremental text/event-stream parser. Unlike EventSource it hands over every event whatever its
 * `event:` name, so one console panel can show all topics. `onRetry` receives `retry:` values.
 */
export function createSseParser(onEvent: (e: SseEvent) => void, onRetry: (ms: number) => void = () => {}): SseParser {
  let buffer = '';
  let data: string[] = [];
  let type = '';
  let lastEventId = '';
  let sawCr = false;

  const dispatch = () => {
    if (data.length > 0) onEvent({ type: type || 'message', data: data.join('\n'), lastEventId });
    data = [];
    type = '';
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\u0000')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };

  return {
    push(chunk: string) {
      buffer += chunk;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c === '\n' && sawCr) {
          sawCr = false;
          start = i + 1;
          continue;
        }
        sawCr = c === '\r';
        if (c === '\n' || c === '\r') {
          line(buffer.slice(start, i));
          start = i + 1;
        }
      }
      buffer = buffer.slice(start);
    },
  };
}

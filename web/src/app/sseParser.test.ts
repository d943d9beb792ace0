import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sseParser.ts';

function parse(chunks: string[]) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const p = createSseParser(
    (e) => events.push(e),
    (ms) => retries.push(ms),
  );
  for (const c of chunks) p.push(c);
  return { events, retries };
}

describe('createSseParser', () => {
  it('hands over named and unnamed events with their id', () => {
    const { events, retries } = parse([
      'retry: 3000\n\n',
      'id: 1\nevent: agencies.user.created\ndata: {"a":1}\n\n',
      ': heartbeat\n\n',
      'data: plain\n\n',
    ]);
    expect(retries).toEqual([3000]);
    expect(events).toEqual([
      { type: 'agencies.user.created', data: '{"a":1}', lastEventId: '1' },
      { type: 'message', data: 'plain', lastEventId: '1' },
    ]);
  });

  it('joins data lines and copes with frames split anywhere, including CRLF', () => {
    const { events } = parse(['id: 7\r', '\ndata: one\r\nda', 'ta:two\r\n', '\r\n']);
    expect(events).toEqual([{ type: 'message', data: 'one\ntwo', lastEventId: '7' }]);
  });

  it('does not dispatch an event without data', () => {
    expect(parse(['event: x\n\n']).events).toEqual([]);
  });
});

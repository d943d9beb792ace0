import { describe, expect, it } from 'vitest';
import { pushEvent } from './useLiveEvents.ts';

const ev = (id: string) => JSON.stringify({ id, topic: 't', occurredAt: '2026-01-01T00:00:00Z', data: { n: id } });

describe('pushEvent', () => {
  it('puts the newest first and keeps at most max', () => {
    let list = pushEvent([], ev('1'), 2);
    list = pushEvent(list, ev('2'), 2);
    list = pushEvent(list, ev('3'), 2);
    expect(list.map((e) => e.id)).toEqual(['3', '2']);
  });
  it('ignores repeats, non-JSON and messages without id or topic', () => {
    const list = pushEvent([], ev('1'), 20);
    expect(pushEvent(list, ev('1'), 20)).toBe(list);
    expect(pushEvent(list, 'not json', 20)).toBe(list);
    expect(pushEvent(list, '{"topic":"x"}', 20)).toBe(list);
  });
});

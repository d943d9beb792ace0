import { describe, expect, it } from 'vitest';
import { parseLiveEvent } from './liveEvents.ts';

describe('parseLiveEvent', () => {
  it('reads a LiveEvent and fills what is missing', () => {
    const e = parseLiveEvent('{"id":"7","topic":"intel.hit.alert","data":{"alertId":"a"}}');
    expect(e?.id).toBe('7');
    expect(e?.topic).toBe('intel.hit.alert');
    expect(e?.data).toEqual({ alertId: 'a' });
    expect(typeof e?.occurredAt).toBe('string');
  });
  it('refuses what is not a LiveEvent', () => {
    expect(parseLiveEvent('nope')).toBeNull();
    expect(parseLiveEvent('{"topic":"x"}')).toBeNull();
    expect(parseLiveEvent('3')).toBeNull();
  });
});

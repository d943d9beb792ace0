import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../platform/events/bus.ts';
import type { EventEnvelope } from '../../platform/events/types.ts';
import { WARNING_LIST_CHANGED } from '../intel/warning-list-events.ts';
import { WarningList } from './warning-list.ts';

const envelope = (topic: string): EventEnvelope => ({
  id: String(Math.random()),
  topic,
  occurredAt: new Date().toISOString(),
  data: {},
  audience: { kind: 'members' },
});

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('in-memory warning list', () => {
  it('loads once on first use and answers later checks from memory', async () => {
    let reads = 0;
    const list = new WarningList({
      load: async () => {
        reads += 1;
        return new Set(['phone:+66812345678']);
      },
    });
    const [a, b] = await Promise.all([list.listed(['phone:+66812345678', 'x']), list.listed(['x'])]);
    expect([...a]).toEqual(['phone:+66812345678']);
    expect([...b]).toEqual([]);
    for (let i = 0; i < 10; i++) await list.listed(['phone:+66812345678']);
    expect(reads).toBe(1);
    expect(list.loads).toBe(1);
    expect(await list.listed([])).toEqual(new Set());
  });

  it('reloads on intel.warning-list.changed only, and again when a change arrives during a load', async () => {
    const bus = new InProcessBus();
    const contents = [new Set<string>(), new Set(['a']), new Set(['a', 'b'])];
    const gates = [deferred<void>(), deferred<void>(), deferred<void>()];
    let reads = 0;
    const list = new WarningList({
      load: async () => {
        const i = reads++;
        await gates[i]?.promise;
        return contents[i] as Set<string>;
      },
    });
    const sub = await list.follow(bus);
    gates[0]?.resolve();
    expect(await list.listed(['a'])).toEqual(new Set());
    await bus.publish(envelope('intel.hit.alert'));
    expect(reads).toBe(1);
    await bus.publish(envelope(WARNING_LIST_CHANGED));
    expect(reads).toBe(2);
    // A second change while the first reload runs: that reload may have read before the commit.
    await bus.publish(envelope(WARNING_LIST_CHANGED));
    // Checks do not wait for the reload: they read the last complete list.
    expect(await list.listed(['a'])).toEqual(new Set());
    gates[1]?.resolve();
    gates[2]?.resolve();
    await list.refresh();
    expect(reads).toBe(3);
    expect(await list.listed(['a', 'b', 'c'])).toEqual(new Set(['a', 'b']));
    await sub.close();
  });

  it('reloads in the background when the list is older than maxAgeMs (a missed event)', async () => {
    let now = 0;
    let reads = 0;
    const list = new WarningList({
      load: async () => new Set(reads++ === 0 ? [] : ['a']),
      maxAgeMs: 1000,
      now: () => now,
    });
    expect(await list.listed(['a'])).toEqual(new Set());
    now = 500;
    await list.listed(['a']);
    expect(reads).toBe(1);
    now = 1500;
    expect(await list.listed(['a'])).toEqual(new Set()); // answered from the old list
    await list.refresh(); // wait for the background load (coalesced into a second one at most)
    expect(await list.listed(['a'])).toEqual(new Set(['a']));
  });
});

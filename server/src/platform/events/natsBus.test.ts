import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import { ManualClock } from '../clock/clock.ts';
import { Dispatcher } from './dispatcher.ts';
import { agencySubject, NatsBus, type NatsBusOptions } from './natsBus.ts';
import { effectsConsumer, emitCommitted, FaultyBus, record } from './testing.ts';
import type { EventEnvelope } from './types.ts';

const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

async function natsProblem(): Promise<string | null> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 2000, reconnect: false });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
      return null;
    } finally {
      await nc.close();
    }
  } catch (e) {
    return (e as Error).message;
  }
}

const problem = await natsProblem();
if (problem) console.warn(`[cordon tests] NATS tests skipped: ${NATS_URL} is not usable with JetStream (${problem})`);

/** A stream and subject prefix of this test run only, deleted afterwards. */
const run = randomBytes(4).toString('hex');
const streamOptions = (name: string): NatsBusOptions => ({
  servers: NATS_URL,
  stream: `CORDON_TEST_${run}_${name}`,
  subjectPrefix: `test_${run}_${name}.events`,
  ackWaitMs: 2_000,
});

const envelope = (id: string, topic = 'test.nats'): EventEnvelope => ({
  id,
  topic,
  occurredAt: new Date().toISOString(),
  data: { id },
  audience: { kind: 'members' },
});

describe.skipIf(problem !== null)('NatsBus against a real NATS JetStream', () => {
  const buses: NatsBus[] = [];
  const node = async (name: string) => {
    const bus = await NatsBus.connect(streamOptions(name));
    buses.push(bus);
    return bus;
  };
  afterAll(async () => {
    const streams = new Map(buses.map((b) => [b.stream, b]));
    for (const b of streams.values()) await b.deleteStream().catch(() => {});
    for (const b of buses) await b.close();
  });

  it("also publishes an agency's events on its own subject, once", async () => {
    const bus = await node('agency');
    const agencyId = `00000000-0000-4000-8000-${randomBytes(6).toString('hex')}`;
    const nc = await connect({ servers: NATS_URL });
    const got: string[] = [];
    const sub = nc.subscribe(`${agencySubject(agencyId)}.>`, {
      callback: (_err, m) => {
        got.push(m.subject);
      },
    });
    await nc.flush();
    const e = { ...envelope('901', 'intel.hit.alert'), audience: { kind: 'agencies' as const, agencyIds: [agencyId] } };
    await bus.publish(e);
    await bus.publish(e); // a re-publish (dispatcher crash) is not sent twice
    await bus.publish({
      ...envelope('902', 'intel.hit.alert'),
      audience: { kind: 'agencies', agencyIds: ['someone-else'] },
    });
    await nc.flush();
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([`${agencySubject(agencyId)}.intel.hit.alert`]);
    sub.unsubscribe();
    await nc.close();
  });

  it('delivers to every node live, and ignores a re-publish of the same event id', async () => {
    const [publisher, other] = [await node('live'), await node('live')];
    expect(await publisher.healthy()).toBe(true);
    const seen = await Promise.all([record(publisher), record(other)]);
    await publisher.publish(envelope('1'));
    await publisher.publish(envelope('1')); // the dispatcher crashed before marking it published
    await publisher.publish(envelope('2', 'test.nats.end'));
    for (const s of seen) {
      await vi.waitFor(() => expect(s.map((e) => e.topic)).toContain('test.nats.end'), { timeout: 10_000 });
      expect(s.map((e) => e.id)).toEqual(['1', '2']);
      expect(s[0]).toMatchObject({ id: '1', topic: 'test.nats', data: { id: '1' }, audience: { kind: 'members' } });
    }
  });

  it('shares a durable subscription between nodes and redelivers what a handler failed', async () => {
    const [a, b] = [await node('durable'), await node('durable')];
    const handled: string[] = [];
    let failOnce = true;
    const handler = async (e: EventEnvelope) => {
      if (e.id === '3' && failOnce) {
        failOnce = false;
        throw new Error('database busy');
      }
      handled.push(e.id);
    };
    await a.subscribe(handler, { durable: 'test.shared' });
    await b.subscribe(handler, { durable: 'test.shared' });
    for (const id of ['1', '2', '3', '4']) await a.publish(envelope(id));
    await vi.waitFor(() => expect([...handled].sort()).toEqual(['1', '2', '3', '4']), { timeout: 15_000 });
  });
});

describe.skipIf(problem !== null).each(drivers)('outbox to NATS JetStream on %s', (driver) => {
  const t = useTestDb(driver);
  let nodes: NatsBus[] = [];
  beforeAll(async () => {
    const options = streamOptions(`e2e_${driver}`);
    nodes = [await NatsBus.connect(options), await NatsBus.connect(options)];
  });
  afterAll(async () => {
    await nodes[0]?.deleteStream().catch(() => {});
    for (const n of nodes) await n.close();
  });

  it('survives a crash between publish and marking: no loss, live once, applied once', async () => {
    const { database } = t();
    const [first, second] = nodes as [NatsBus, NatsBus];
    const clock = new ManualClock();
    const live = await record(second);
    const fx = await effectsConsumer(database, second, 'test.nats-effects');
    const id = await emitCommitted(database, 'test.crash', { n: 1 });

    // Node 1 publishes to JetStream, then dies before marking the event published (its lease stays).
    const dying = new FaultyBus(first);
    dying.after = () => new Promise<void>(() => {});
    void new Dispatcher({ database, bus: dying, clock, leaseMs: 30_000 }).runOnce();
    await vi.waitFor(() => expect(live.map((e) => e.id)).toEqual([id]), { timeout: 10_000 });

    // Node 2's dispatcher takes over after the lease and publishes again; JetStream drops the copy.
    const restarted = new Dispatcher({ database, bus: second, clock, leaseMs: 30_000 });
    expect(await restarted.runOnce()).toMatchObject({ published: 0 });
    clock.advance(30_000);
    expect(await restarted.runOnce()).toMatchObject({ published: 1 });
    const end = await emitCommitted(database, 'test.crash.end');
    expect(await restarted.runOnce()).toMatchObject({ published: 1 });

    await vi.waitFor(() => expect(live.map((e) => e.id)).toContain(end), { timeout: 10_000 });
    expect(live.map((e) => e.id)).toEqual([id, end]);
    await vi.waitFor(async () => expect(await fx.applied(end)).toBe(1), { timeout: 10_000 });
    expect(await fx.applied(id)).toBe(1);
  });
});

import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import { ManualClock } from '../clock/clock.ts';
import { InProcessBus } from './bus.ts';
import { consumeEvents } from './consumer.ts';
import { Dispatcher } from './dispatcher.ts';
import { emit } from './outbox.ts';
import { effectsConsumer, emitCommitted, FaultyBus, record } from './testing.ts';

const LEASE = 30_000;

describe.each(drivers)('outbox and dispatcher on %s', (driver) => {
  const t = useTestDb(driver);

  const published = async (id: string) =>
    (
      await t()
        .database.db.selectFrom('outbox')
        .select('published_at')
        .where('id', '=', Number(id))
        .executeTakeFirstOrThrow()
    ).published_at;

  it('never publishes an event emitted in a rolled-back transaction', async () => {
    const { database } = t();
    const bus = new InProcessBus();
    const seen = await record(bus);
    await expect(
      database.transaction(async (tx) => {
        await emit(tx, { topic: 'test.rollback', data: { n: 1 }, audience: { kind: 'members' } });
        throw new Error('the service failed');
      }),
    ).rejects.toThrow('the service failed');
    expect(await new Dispatcher({ database, bus }).runOnce()).toEqual({ published: 0, failed: 0 });
    expect(seen).toEqual([]);
    const rows = await database.db.selectFrom('outbox').where('topic', '=', 'test.rollback').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('publishes a committed event once, in id order, with its envelope, and marks it published', async () => {
    const { database } = t();
    const bus = new InProcessBus();
    const seen = await record(bus);
    const clock = new ManualClock('2026-02-01T10:00:00Z');
    const ids = await database.transaction(async (tx) => [
      await emit(tx, { topic: 'test.once', data: { n: 1 }, audience: { kind: 'users', userIds: ['u1'] } }),
      await emit(tx, { topic: 'test.once', data: { n: 2 }, audience: { kind: 'members' }, occurredAt: clock.now() }),
    ]);
    ids.push(await emitCommitted(database, 'test.once', { n: 3 }));
    const d = new Dispatcher({ database, bus, clock });
    expect(await d.runOnce()).toEqual({ published: 3, failed: 0 });
    expect(await d.runOnce()).toEqual({ published: 0, failed: 0 });
    expect(seen.map((e) => e.id)).toEqual(ids);
    expect(seen[0]).toMatchObject({ topic: 'test.once', data: { n: 1 }, audience: { kind: 'users', userIds: ['u1'] } });
    expect(seen[1]?.occurredAt).toBe('2026-02-01T10:00:00.000Z');
    expect(await published(ids[0]!)).toEqual(clock.now());
  });

  it('loses nothing when the dispatcher dies before it runs: the restarted one delivers', async () => {
    const { database } = t();
    const bus = new InProcessBus();
    const fx = await effectsConsumer(database, bus);
    const first = new Dispatcher({ database, bus, pollMs: 60_000 });
    const id = await emitCommitted(database, 'test.crash-before');
    await first.stop(); // never ran: the node died between the commit and the publish
    expect(await new Dispatcher({ database, bus }).runOnce()).toMatchObject({ published: 1 });
    expect(await fx.applied(id)).toBe(1);
  });

  it('retries a publish that failed after reaching consumers; they apply it once', async () => {
    const { database } = t();
    const bus = new FaultyBus();
    const fx = await effectsConsumer(database, bus);
    const clock = new ManualClock();
    const id = await emitCommitted(database, 'test.ack-lost');
    let failures = 1;
    bus.after = async (e) => {
      if (e.id === id && failures-- > 0) throw new Error('publish acknowledgement lost');
    };
    const d = new Dispatcher({ database, bus, clock, retryBaseMs: 1_000 });
    expect(await d.runOnce()).toEqual({ published: 0, failed: 1 });
    const row = await database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ published_at: null, attempts: 1, last_error: 'Error: publish acknowledgement lost' });
    expect(await d.runOnce()).toEqual({ published: 0, failed: 0 }); // backing off
    clock.advance(1_000);
    expect(await d.runOnce()).toEqual({ published: 1, failed: 0 });
    expect(fx.deliveries.get(id)).toBe(2);
    expect(await fx.applied(id)).toBe(1);
  });

  it('re-publishes after the lease when marking as published failed; applied once', async () => {
    const { database } = t();
    const bus = new InProcessBus();
    const fx = await effectsConsumer(database, bus);
    const clock = new ManualClock();
    await sql`create function test_fail_mark() returns trigger language plpgsql as $$
      begin
        if new.topic = 'test.mark-fails' and new.published_at is not null then raise exception 'database went away'; end if;
        return new;
      end $$`.execute(database.db);
    await sql`create trigger test_fail_mark before update on outbox for each row execute function test_fail_mark()`.execute(
      database.db,
    );
    const id = await emitCommitted(database, 'test.mark-fails');
    await expect(new Dispatcher({ database, bus, clock, leaseMs: LEASE }).runOnce()).rejects.toThrow(
      'database went away',
    );
    expect(fx.deliveries.get(id)).toBe(1);
    await sql`drop trigger test_fail_mark on outbox`.execute(database.db);

    const restarted = new Dispatcher({ database, bus, clock, leaseMs: LEASE });
    expect(await restarted.runOnce()).toMatchObject({ published: 0 }); // the dead node's lease holds
    clock.advance(LEASE);
    expect(await restarted.runOnce()).toMatchObject({ published: 1 });
    expect(fx.deliveries.get(id)).toBe(2);
    expect(await fx.applied(id)).toBe(1);
    expect(await published(id)).not.toBeNull();
  });

  it('recovers from a dispatcher killed mid-publish once its lease expires; applied once', async () => {
    const { database } = t();
    const bus = new FaultyBus();
    const fx = await effectsConsumer(database, bus);
    const clock = new ManualClock();
    const id = await emitCommitted(database, 'test.killed');
    bus.after = (e) => (e.id === id ? new Promise<void>(() => {}) : Promise.resolve()); // the process "dies" here
    void new Dispatcher({ database, bus, clock, leaseMs: LEASE }).runOnce();
    await vi.waitFor(() => expect(fx.deliveries.get(id)).toBe(1));
    bus.after = async () => {};

    const restarted = new Dispatcher({ database, bus, clock, leaseMs: LEASE });
    expect(await restarted.runOnce()).toMatchObject({ published: 0 });
    clock.advance(LEASE);
    expect(await restarted.runOnce()).toMatchObject({ published: 1 });
    expect(fx.deliveries.get(id)).toBe(2);
    expect(await fx.applied(id)).toBe(1);
  });

  it('a consumer whose handler throws records nothing, and the redelivery applies the event', async () => {
    const { database } = t();
    const bus = new InProcessBus();
    const clock = new ManualClock();
    const fx = await effectsConsumer(database, bus);
    let boom = true;
    await bus.subscribe(
      async () => {
        if (boom) throw new Error('downstream busy');
      },
      { durable: 'test.flaky' },
    );
    const id = await emitCommitted(database, 'test.flaky');
    const d = new Dispatcher({ database, bus, clock, retryBaseMs: 10 });
    expect(await d.runOnce()).toEqual({ published: 0, failed: 1 });
    boom = false;
    clock.advance(10);
    expect(await d.runOnce()).toEqual({ published: 1, failed: 0 });
    expect(fx.deliveries.get(id)).toBe(2);
    expect(await fx.applied(id)).toBe(1);
  });

  it('hands a run of events to a consumer in one transaction; a failure in the run stops at its event', async () => {
    const { database } = t();
    const bus = new InProcessBus();
    const clock = new ManualClock();
    const seen = await record(bus);
    const runs: number[] = [];
    // Events other tests left behind are out of this one's way.
    await sql`update outbox set published_at = now(), claimed_until = null where published_at is null`.execute(
      database.db,
    );
    await sql`create table test_runs (n integer primary key)`.execute(database.db);
    const applied = async () =>
      (await sql<{ n: number }>`select n from test_runs order by n`.execute(database.db)).rows.map((r) => String(r.n));
    let failOn: number | null = null;
    await consumeEvents(bus, database, 'test.runs', async (tx, e) => {
      if (e.data.n === failOn) throw new Error(`event ${e.data.n} refused`);
      await sql`insert into test_runs (n) values (${e.data.n})`.execute(tx);
    });
    const counting = await bus.subscribe(async () => {}, {
      durable: 'test.runs.count',
      batch: async (events) => void runs.push(events.length),
    });
    const ids: string[] = [];
    for (let n = 0; n < 7; n++) ids.push(await emitCommitted(database, 'test.runs', { n }));
    const d = new Dispatcher({ database, bus, clock, batchSize: 5, retryBaseMs: 10 });
    failOn = 6;
    // Batch 1 (0–4) in one run; batch 2 (5, 6) fails as a run (rolled back), then goes event by
    // event: 5 passes, 6 fails and waits for its retry.
    expect(await d.runOnce()).toEqual({ published: 6, failed: 1 });
    expect(runs).toEqual([5]);
    expect(await applied()).toEqual(['0', '1', '2', '3', '4', '5']);
    // Live handlers see an event before its durable consumers, as with single publishes.
    expect(seen.map((e) => e.id)).toEqual(ids);
    failOn = null;
    clock.advance(10);
    expect(await d.runOnce()).toEqual({ published: 1, failed: 0 });
    expect(await applied()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    const consumed = await database.db
      .selectFrom('event_consumptions')
      .select('event_id')
      .where('consumer', '=', 'test.runs')
      .orderBy('event_id')
      .execute();
    expect(consumed.map((r) => String(r.event_id))).toEqual(ids);
    await counting.close();
  });

  it('two dispatchers running at once deliver every event; each is applied once', async () => {
    const { database } = t();
    const nodes = [new InProcessBus(), new InProcessBus()];
    const fx = await Promise.all(nodes.map((bus) => effectsConsumer(database, bus, 'test.two-nodes')));
    const dispatchers = nodes.map((bus) => new Dispatcher({ database, bus, pollMs: 10, batchSize: 4 }));
    for (const d of dispatchers) d.start();
    const ids = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const id = await emitCommitted(database, 'test.concurrent', { i });
        dispatchers[i % 2]?.notify();
        return id;
      }),
    );
    await vi.waitFor(
      async () => {
        const left = await database.db.selectFrom('outbox').select('id').where('published_at', 'is', null).execute();
        expect(left).toEqual([]);
      },
      { timeout: 20_000, interval: 20 },
    );
    await Promise.all(dispatchers.map((d) => d.stop()));
    for (const id of ids) {
      const delivered = (fx[0]?.deliveries.get(id) ?? 0) + (fx[1]?.deliveries.get(id) ?? 0);
      expect(delivered).toBeGreaterThanOrEqual(1);
      expect(await fx[0]?.applied(id)).toBe(1);
    }
  });
});

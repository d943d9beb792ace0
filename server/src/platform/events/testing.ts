// Helpers for the events tests (not used by production code).
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { type Bus, type EventHandler, InProcessBus, type SubscribeOptions, type Subscription } from './bus.ts';
import { consumeEvents } from './consumer.ts';
import { emit } from './outbox.ts';
import type { EventAudience, EventEnvelope } from './types.ts';

/** A bus that wraps another (in-process by default) and lets a test decide, per event, to fail or hang. */
export class FaultyBus implements Bus {
  readonly kind;
  constructor(readonly inner: Bus = new InProcessBus()) {
    this.kind = inner.kind;
  }
  /** Called after the event reached the inner bus; may throw ('ack lost') or never resolve ('crash'). */
  after: (e: EventEnvelope) => Promise<void> = async () => {};
  async publish(e: EventEnvelope): Promise<void> {
    await this.inner.publish(e);
    await this.after(e);
  }
  subscribe(handler: EventHandler, options?: SubscribeOptions): Promise<Subscription> {
    return this.inner.subscribe(handler, options);
  }
  healthy(): Promise<boolean> {
    return this.inner.healthy();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Records every event a bus delivers to a live subscription. */
export async function record(bus: Bus): Promise<EventEnvelope[]> {
  const seen: EventEnvelope[] = [];
  await bus.subscribe((e) => {
    seen.push(e);
  });
  return seen;
}

/** Commits one event per call; returns its id. */
export function emitCommitted(
  database: Database,
  topic: string,
  data: Record<string, unknown> = {},
  audience: EventAudience = { kind: 'members' },
) {
  return database.transaction((tx) => emit(tx, { topic, data, audience }));
}

/**
 * A durable consumer that counts in a table how often each event was applied (`test_effects`),
 * and in memory how often it was delivered.
 */
export async function effectsConsumer(database: Database, bus: Bus, name = 'test.effects') {
  await sql`create table if not exists test_effects (event_id bigint primary key, applied integer not null)`.execute(
    database.db,
  );
  const deliveries = new Map<string, number>();
  await consumeEvents(bus, database, name, async (tx, e) => {
    await sql`insert into test_effects (event_id, applied) values (${e.id}, 1)
      on conflict (event_id) do update set applied = test_effects.applied + 1`.execute(tx);
  });
  await bus.subscribe(
    async (e) => {
      deliveries.set(e.id, (deliveries.get(e.id) ?? 0) + 1);
    },
    { durable: `${name}.count` },
  );
  return {
    deliveries,
    async applied(id: string): Promise<number> {
      const r = await sql<{ applied: number }>`select applied from test_effects where event_id = ${id}`.execute(
        database.db,
      );
      return r.rows[0]?.applied ?? 0;
    },
  };
}

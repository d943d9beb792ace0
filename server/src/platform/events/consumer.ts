import type { Database, Tx } from '../db/database.ts';
import type { Bus, Subscription } from './bus.ts';
import type { EventEnvelope } from './types.ts';

export type ConsumerHandler = (tx: Tx, event: EventEnvelope) => Promise<void>;

/**
 * Applies each event once although the bus may deliver it more than once: the handler runs in a
 * transaction that first records (consumer, event id) in event_consumptions; a second delivery
 * finds the record and does nothing. A handler that throws rolls the record back too, so the
 * redelivery applies it.
 */
export class IdempotentConsumer {
  constructor(
    private readonly database: Database,
    readonly name: string,
    private readonly handler: ConsumerHandler,
  ) {}

  /**
   * Like `handle` on each event in order, in one transaction (one commit for the run): records
   * every id at once and applies the events not recorded before. Returns how many were applied.
   */
  async handleMany(events: EventEnvelope[]): Promise<number> {
    if (events.length === 0) return 0;
    return this.database.transaction(async (tx) => {
      const fresh = await tx
        .insertInto('event_consumptions')
        .values(events.map((e) => ({ consumer: this.name, event_id: e.id })))
        .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
        .returning('event_id')
        .execute();
      const ids = new Set(fresh.map((r) => String(r.event_id)));
      let applied = 0;
      for (const e of events) {
        if (!ids.has(e.id)) continue;
        ids.delete(e.id);
        await this.handler(tx, e);
        applied += 1;
      }
      return applied;
    });
  }

  /** 'applied' the first time an event is seen (and the handler committed), 'duplicate' after. */
  async handle(event: EventEnvelope): Promise<'applied' | 'duplicate'> {
    return this.database.transaction(async (tx) => {
      const fresh = await tx
        .insertInto('event_consumptions')
        .values({ consumer: this.name, event_id: event.id })
        .onConflict((oc) => oc.columns(['consumer', 'event_id']).doNothing())
        .returning('event_id')
        .executeTakeFirst();
      if (!fresh) return 'duplicate';
      await this.handler(tx, event);
      return 'applied';
    });
  }
}

/**
 * Subscribes a database-writing handler durably, applied once per event:
 * `await consumeEvents(bus, database, 'webhooks.fanout', async (tx, e) => { ... })`.
 * `accept` picks the events it wants (others cost no database work).
 */
export function consumeEvents(
  bus: Bus,
  database: Database,
  name: string,
  handler: ConsumerHandler,
  options: { accept?: (event: EventEnvelope) => boolean } = {},
): Promise<Subscription> {
  const consumer = new IdempotentConsumer(database, name, handler);
  const accept = options.accept ?? (() => true);
  return bus.subscribe(
    async (event) => {
      if (!accept(event)) return;
      await consumer.handle(event);
    },
    // A run of events from the dispatcher: one transaction for all of it.
    { durable: name, batch: async (events) => void (await consumer.handleMany(events.filter(accept))) },
  );
}

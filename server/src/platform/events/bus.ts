import { type EventEnvelope, type Log, silentLog } from './types.ts';

export type EventHandler = (event: EventEnvelope) => void | Promise<void>;
/** A durable handler that takes a run of events at once (e.g. in one transaction). */
export type BatchHandler = (events: EventEnvelope[]) => Promise<void>;

export interface SubscribeOptions {
  /**
   * A named, durable subscription: every event reaches it at least once (a failed handler gets the
   * event again), and on NATS the nodes sharing the name share the work. Pair it with an
   * IdempotentConsumer. Without a name the subscription is live only: events published while it
   * exists, best effort (what SSE needs).
   */
  durable?: string;
  /**
   * With `durable`: where the bus can hand over a run of events at once (the in-process bus, when
   * the dispatcher publishes a batch), it calls this instead of the handler for each. It must have
   * the effect of calling the handler on each event in order.
   */
  batch?: BatchHandler;
}

export interface Subscription {
  close(): Promise<void>;
}

/** Where the dispatcher delivers outbox events, and where consumers listen. */
export interface Bus {
  readonly kind: 'in-process' | 'nats';
  /**
   * Resolves once the event is safely handed over (to JetStream, or in process to every
   * durable handler); rejects otherwise, and the dispatcher publishes it again later.
   */
  publish(event: EventEnvelope): Promise<void>;
  /**
   * Optional: hands over a run of events in order, as `publish` on each would. Resolves with how
   * many, from the first, were handed over; when fewer than all, `error` says why the next failed.
   */
  publishMany?(events: EventEnvelope[]): Promise<{ done: number; error?: unknown }>;
  subscribe(handler: EventHandler, options?: SubscribeOptions): Promise<Subscription>;
  /** True while the bus can take events (for readiness checks). */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

interface Entry {
  handler: EventHandler;
  durable: string | null;
  batch: BatchHandler | null;
}

/**
 * The default bus, inside one process. Live handlers are called without waiting (errors are
 * logged); durable handlers are awaited in turn, and if one throws, publish rejects so the
 * dispatcher retries the event later (the handlers that succeeded see it again: idempotency).
 */
export class InProcessBus implements Bus {
  readonly kind = 'in-process';
  #entries = new Set<Entry>();
  #log: Log;

  constructor(options: { logger?: Log } = {}) {
    this.#log = options.logger ?? silentLog;
  }

  async publish(event: EventEnvelope): Promise<void> {
    const entries = [...this.#entries];
    for (const e of entries) {
      if (e.durable === null) this.#callLive(e.handler, event);
    }
    const failures: unknown[] = [];
    for (const e of entries) {
      if (e.durable === null) continue;
      try {
        await e.handler(event);
      } catch (err) {
        this.#log.warn({ err, consumer: e.durable, eventId: event.id }, 'event consumer failed; will be redelivered');
        failures.push(err);
      }
    }
    if (failures.length > 0)
      throw new AggregateError(failures, `event ${event.id}: ${failures.length} consumer(s) failed`);
  }

  /**
   * A run: each durable handler that takes runs (`batch`, one transaction for a database
   * consumer) gets the whole run first. If one fails, the run falls back to `publish` event by
   * event, so a failure stops at the event it concerns (what was applied is rolled back or
   * idempotent). Otherwise each event goes, as in `publish`, to the live handlers and then to the
   * durable handlers that take single events.
   */
  async publishMany(events: EventEnvelope[]): Promise<{ done: number; error?: unknown }> {
    const entries = [...this.#entries];
    try {
      for (const e of entries) if (e.durable !== null && e.batch) await e.batch(events);
    } catch (err) {
      this.#log.warn({ err, events: events.length }, 'event consumer failed on a run; publishing one by one');
      for (const [i, event] of events.entries()) {
        try {
          await this.publish(event);
        } catch (error) {
          return { done: i, error };
        }
      }
      return { done: events.length };
    }
    for (const [i, event] of events.entries()) {
      for (const e of entries) if (e.durable === null) this.#callLive(e.handler, event);
      const failures: unknown[] = [];
      for (const e of entries) {
        if (e.durable === null || e.batch) continue;
        try {
          await e.handler(event);
        } catch (err) {
          this.#log.warn({ err, consumer: e.durable, eventId: event.id }, 'event consumer failed; will be redelivered');
          failures.push(err);
        }
      }
      if (failures.length > 0)
        return {
          done: i,
          error: new AggregateError(failures, `event ${event.id}: ${failures.length} consumer(s) failed`),
        };
    }
    return { done: events.length };
  }

  async subscribe(handler: EventHandler, options: SubscribeOptions = {}): Promise<Subscription> {
    const entry: Entry = { handler, durable: options.durable ?? null, batch: options.batch ?? null };
    this.#entries.add(entry);
    return {
      close: async () => {
        this.#entries.delete(entry);
      },
    };
  }

  async healthy(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  #callLive(handler: EventHandler, event: EventEnvelope): void {
    try {
      const r = handler(event);
      if (r instanceof Promise)
        r.catch((err) => this.#log.warn({ err, eventId: event.id }, 'live event handler failed'));
    } catch (err) {
      this.#log.warn({ err, eventId: event.id }, 'live event handler failed');
    }
  }
}

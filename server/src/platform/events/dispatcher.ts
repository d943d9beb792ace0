import { type Clock, systemClock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import type { Bus } from './bus.ts';
import { type ClaimedEvent, claimEvents, markFailed, markPublished } from './outbox.repository.ts';
import { type Log, silentLog } from './types.ts';

export interface DispatcherOptions {
  database: Database;
  bus: Bus;
  clock?: Clock;
  logger?: Log;
  /** Safety-net poll while started (ms). */
  pollMs?: number;
  batchSize?: number;
  /** How long a claim holds its events; a dispatcher that dies mid-publish frees them after this. */
  leaseMs?: number;
  /** Back-off after a failed publish: retryBaseMs · 2^attempts, at most retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface DispatchResult {
  published: number;
  failed: number;
}

/**
 * Delivers outbox events to the bus, at least once. Claims unpublished rows in id order
 * (FOR UPDATE SKIP LOCKED, so several nodes may run it; the claim is a lease), publishes them
 * (as one run where the bus takes runs: `publishMany`), then marks them published. A crash after publishing but before marking leaves the lease to
 * expire and the events to be published again: consumers are idempotent, JetStream dedupes.
 * The publish runs outside any transaction, so in-process consumers may use the database
 * (PGlite has one connection).
 */
export class Dispatcher {
  readonly #o: Required<Omit<DispatcherOptions, 'database' | 'bus'>>;
  readonly #database: Database;
  readonly #bus: Bus;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;

  constructor(options: DispatcherOptions) {
    this.#database = options.database;
    this.#bus = options.bus;
    this.#o = {
      clock: options.clock ?? systemClock,
      logger: options.logger ?? silentLog,
      pollMs: options.pollMs ?? 500,
      batchSize: options.batchSize ?? 100,
      leaseMs: options.leaseMs ?? 30_000,
      retryBaseMs: options.retryBaseMs ?? 1_000,
      retryMaxMs: options.retryMaxMs ?? 30_000,
    };
  }

  get started(): boolean {
    return this.#timer !== null;
  }

  /** Starts the poll and runs at once. */
  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.notify(), this.#o.pollMs);
    this.#timer.unref();
    this.notify();
  }

  /** Cheap: call after committing a transaction that emitted events. No-op unless started. */
  notify(): void {
    if (!this.#timer) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  /** Stops polling and waits for the work in flight. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Publishes every event due now, batch after batch; stops at the first failed publish. */
  async runOnce(): Promise<DispatchResult> {
    const total: DispatchResult = { published: 0, failed: 0 };
    for (;;) {
      const now = this.#o.clock.now();
      const until = new Date(now.getTime() + this.#o.leaseMs);
      const batch = await claimEvents(this.#database.db, now, until, this.#o.batchSize);
      if (batch.length === 0) break;
      const r = await this.#publish(batch);
      total.published += r.published;
      total.failed += r.failed;
      if (r.failed > 0 || batch.length < this.#o.batchSize) break;
    }
    return total;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      try {
        await this.runOnce();
      } catch (err) {
        this.#o.logger.error({ err }, 'outbox dispatch failed; will retry');
      }
    } while (this.#again && this.#timer);
  }

  async #publish(batch: ClaimedEvent[]): Promise<DispatchResult> {
    if (this.#bus.publishMany) {
      const r = await this.#bus.publishMany(batch.map((c) => c.event));
      const done = batch.slice(0, r.done).map((c) => c.event.id);
      await markPublished(this.#database.db, done, this.#o.clock.now());
      const failed = batch[r.done];
      if (!failed) return { published: done.length, failed: 0 };
      const delay = Math.min(this.#o.retryMaxMs, this.#o.retryBaseMs * 2 ** failed.attempts);
      const retryAt = new Date(this.#o.clock.now().getTime() + delay);
      const rest = batch.slice(r.done + 1).map((c) => c.event.id);
      await markFailed(this.#database.db, failed.event.id, errorText(r.error), retryAt, rest);
      this.#o.logger.warn(
        { err: r.error, eventId: failed.event.id, topic: failed.event.topic, retryAt },
        'event publish failed',
      );
      return { published: done.length, failed: 1 };
    }
    const done: string[] = [];
    for (const [i, { event, attempts }] of batch.entries()) {
      try {
        await this.#bus.publish(event);
        done.push(event.id);
      } catch (err) {
        await markPublished(this.#database.db, done, this.#o.clock.now());
        const delay = Math.min(this.#o.retryMaxMs, this.#o.retryBaseMs * 2 ** attempts);
        const retryAt = new Date(this.#o.clock.now().getTime() + delay);
        const rest = batch.slice(i + 1).map((c) => c.event.id);
        await markFailed(this.#database.db, event.id, errorText(err), retryAt, rest);
        this.#o.logger.warn({ err, eventId: event.id, topic: event.topic, retryAt }, 'event publish failed');
        return { published: done.length, failed: 1 };
      }
    }
    await markPublished(this.#database.db, done, this.#o.clock.now());
    return { published: done.length, failed: 0 };
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

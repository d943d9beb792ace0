import type { LiveEvent } from '@cordon/contracts';
import type { Viewer } from '../auth/viewer.ts';
import { type Clock, systemClock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { mayReceive } from './audience.ts';
import type { Bus, Subscription } from './bus.ts';
import { eventsAfter } from './outbox.repository.ts';
import { type EventEnvelope, type Log, silentLog } from './types.ts';

/** Where a connected console's frames go (an SSE response). */
export interface LiveSink {
  /** Writes one SSE frame; returns how many bytes wait unsent (slow clients are dropped). */
  write(frame: string): number;
  end(): void;
}

export interface LiveConnection {
  /** Resolves once the replay (Last-Event-ID) has been sent. */
  readonly ready: Promise<void>;
  close(): void;
}

export interface LiveHubOptions {
  database: Database;
  clock?: Clock;
  logger?: Log;
  heartbeatMs?: number;
  replayLimit?: number;
  replayWindowMs?: number;
  /** A client with more than this many bytes unsent is disconnected (it reconnects and replays). */
  maxBufferedBytes?: number;
  /**
   * Streams end after this long (checked at each heartbeat): the browser reconnects with
   * Last-Event-ID, so its session and rights are checked again and nothing is missed.
   */
  maxStreamMs?: number;
}

interface Client {
  viewer: Viewer;
  sink: LiveSink;
  /** Live events held back while the replay is read; null once live. */
  held: EventEnvelope[] | null;
  replayed: Set<string>;
  /** Wall-clock ms when it connected. */
  since: number;
}

/** Formats one event as an SSE frame: `id`, `event` (topic), `data` (a LiveEvent). */
export function sseFrame(e: EventEnvelope): string {
  const live: LiveEvent = { id: e.id, topic: e.topic, occurredAt: e.occurredAt, data: e.data };
  return `id: ${e.id}\nevent: ${e.topic}\ndata: ${JSON.stringify(live)}\n\n`;
}

/**
 * The consoles connected to this node. Each bus event goes to the clients whose viewer may
 * receive it (audience.ts); a reconnecting client first gets what it missed from the outbox.
 */
export class LiveHub {
  readonly #clients = new Set<Client>();
  readonly #recent = new Set<string>();
  readonly #o: Required<Omit<LiveHubOptions, 'database'>>;
  readonly #database: Database;
  #heartbeat: NodeJS.Timeout | null = null;
  #subscription: Subscription | null = null;

  constructor(options: LiveHubOptions) {
    this.#database = options.database;
    this.#o = {
      clock: options.clock ?? systemClock,
      logger: options.logger ?? silentLog,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      replayLimit: options.replayLimit ?? 500,
      replayWindowMs: options.replayWindowMs ?? 24 * 3600_000,
      maxBufferedBytes: options.maxBufferedBytes ?? 1 << 20,
      maxStreamMs: options.maxStreamMs ?? 15 * 60_000,
    };
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /** Listens to the bus (live, not durable). */
  async attach(bus: Bus): Promise<void> {
    this.#subscription ??= await bus.subscribe((e) => this.deliver(e));
  }

  /** Fans an event out to the clients that may see it; a redelivered event is sent once. */
  deliver(event: EventEnvelope): void {
    if (this.#recent.has(event.id)) return;
    this.#recent.add(event.id);
    if (this.#recent.size > 4096) this.#recent.delete(this.#recent.values().next().value as string);
    for (const c of this.#clients) {
      if (c.held) c.held.push(event);
      else this.#send(c, event);
    }
  }

  /** Registers a client; with `lastEventId`, first replays the visible events after it. */
  connect(viewer: Viewer, sink: LiveSink, lastEventId?: string | null): LiveConnection {
    const after = lastEventId && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : null;
    const client: Client = { viewer, sink, held: after === null ? null : [], replayed: new Set(), since: Date.now() };
    this.#clients.add(client);
    this.#startHeartbeat();
    const ready = after === null ? Promise.resolve() : this.#replay(client, after);
    return { ready, close: () => this.#drop(client) };
  }

  /** Ends every stream and stops listening. */
  async close(): Promise<void> {
    for (const c of [...this.#clients]) this.#drop(c);
    await this.#subscription?.close();
    this.#subscription = null;
  }

  async #replay(client: Client, afterId: number): Promise<void> {
    try {
      const since = new Date(this.#o.clock.now().getTime() - this.#o.replayWindowMs);
      const rows = await eventsAfter(this.#database.db, afterId, since, this.#o.replayLimit * 10);
      const visible = rows.filter((e) => mayReceive(client.viewer, e.audience)).slice(-this.#o.replayLimit);
      for (const e of visible) {
        this.#send(client, e);
        client.replayed.add(e.id);
      }
    } catch (err) {
      this.#o.logger.warn({ err }, 'live stream replay failed; continuing live');
    }
    const held = client.held ?? [];
    client.held = null;
    for (const e of held) this.#send(client, e);
  }

  #send(c: Client, e: EventEnvelope): void {
    if (!this.#clients.has(c) || c.replayed.has(e.id) || !mayReceive(c.viewer, e.audience)) return;
    this.#write(c, sseFrame(e));
  }

  #write(c: Client, frame: string): void {
    try {
      if (c.sink.write(frame) > this.#o.maxBufferedBytes) {
        this.#o.logger.warn({ userId: c.viewer.userId }, 'live stream client too slow; disconnected');
        this.#drop(c);
      }
    } catch (err) {
      this.#o.logger.debug({ err }, 'live stream write failed');
      this.#drop(c);
    }
  }

  #drop(c: Client): void {
    if (!this.#clients.delete(c)) return;
    try {
      c.sink.end();
    } catch {
      // already gone
    }
    if (this.#clients.size === 0 && this.#heartbeat) {
      clearInterval(this.#heartbeat);
      this.#heartbeat = null;
    }
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => {
      const expired = Date.now() - this.#o.maxStreamMs;
      for (const c of [...this.#clients]) {
        if (c.since <= expired) this.#drop(c);
        else this.#write(c, ': heartbeat\n\n');
      }
    }, this.#o.heartbeatMs);
    this.#heartbeat.unref();
  }
}

import {
  AckPolicy,
  type ConsumerMessages,
  connect,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
  nanos,
} from 'nats';
import type { Bus, EventHandler, SubscribeOptions, Subscription } from './bus.ts';
import { type EventEnvelope, type Log, silentLog } from './types.ts';

export interface NatsBusOptions {
  servers: string | string[];
  /** JetStream stream holding the events; created if missing. */
  stream?: string;
  /** Subjects are `<prefix>.<topic>`. */
  subjectPrefix?: string;
  /** How long the stream keeps events (durable consumers catch up within it). */
  maxAgeMs?: number;
  /** JetStream drops a re-publish with the same event id within this window. */
  duplicateWindowMs?: number;
  /** A durable consumer's unacknowledged event is redelivered after this. */
  ackWaitMs?: number;
  logger?: Log;
}

/**
 * The bus over NATS JetStream, for several API nodes. Publishing uses the event id as `msgID`,
 * so JetStream ignores a re-publish (dispatcher crash). Live subscriptions are ordered consumers
 * per node (each node feeds its own SSE clients); durable ones are shared, explicitly acked
 * consumers (each event handled by one node, redelivered on failure).
 */
/** The subject prefix under which an agency's events are also published. */
export const agencySubject = (agencyId: string) => `cordon.agency.${agencyId}`;

export class NatsBus implements Bus {
  readonly kind = 'nats';
  readonly #subs = new Set<Subscription>();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    readonly subjectPrefix: string,
    private readonly o: { ackWaitMs: number; logger: Log },
  ) {}

  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const stream = options.stream ?? 'CORDON_EVENTS';
    const prefix = options.subjectPrefix ?? 'cordon.events';
    const nc = await connect({ servers: options.servers, name: 'cordon', maxReconnectAttempts: -1 });
    try {
      const jsm = await nc.jetstreamManager();
      const config = {
        name: stream,
        subjects: [`${prefix}.>`],
        max_age: nanos(options.maxAgeMs ?? 24 * 3600_000),
        duplicate_window: nanos(options.duplicateWindowMs ?? 10 * 60_000),
      };
      await jsm.streams.info(stream).catch(() => jsm.streams.add(config));
      const logger = options.logger ?? silentLog;
      return new NatsBus(nc, nc.jetstream(), jsm, stream, prefix, { ackWaitMs: options.ackWaitMs ?? 30_000, logger });
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  async publish(event: EventEnvelope): Promise<void> {
    const ack = await this.js.publish(`${this.subjectPrefix}.${event.topic}`, JSON.stringify(event), {
      msgID: event.id,
      expect: { streamName: this.stream },
    });
    if (ack.duplicate) {
      this.o.logger.debug({ eventId: event.id }, 'event already in JetStream (re-publish ignored)');
      return;
    }
    // Per-agency subjects for the agency's own systems: `cordon.agency.<agency id>.<topic>`
    // (core NATS, at most once; JetStream above and webhooks are the durable paths).
    if (event.audience.kind === 'agencies') {
      const body = JSON.stringify(event);
      for (const id of event.audience.agencyIds) this.nc.publish(`${agencySubject(id)}.${event.topic}`, body);
    }
  }

  async subscribe(handler: EventHandler, options: SubscribeOptions = {}): Promise<Subscription> {
    const filter = `${this.subjectPrefix}.>`;
    let messages: ConsumerMessages;
    let durable = false;
    if (options.durable) {
      const name = options.durable.replace(/[^A-Za-z0-9_-]/g, '_');
      await this.jsm.consumers
        .add(this.stream, {
          durable_name: name,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.New,
          filter_subject: filter,
          ack_wait: nanos(this.o.ackWaitMs),
          max_deliver: -1,
        })
        .catch(() => this.jsm.consumers.info(this.stream, name));
      messages = await (await this.js.consumers.get(this.stream, name)).consume();
      durable = true;
    } else {
      // Start right after the last stored event: deterministic, whenever the consumer is created.
      const last = (await this.jsm.streams.info(this.stream)).state.last_seq;
      const consumer = await this.js.consumers.get(this.stream, {
        filterSubjects: filter,
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: last + 1,
      });
      messages = await consumer.consume();
    }
    const loop = (async () => {
      for await (const m of messages) {
        try {
          await handler(m.json<EventEnvelope>());
          if (durable) m.ack();
        } catch (err) {
          this.o.logger.warn({ err, subject: m.subject, consumer: options.durable }, 'event handler failed');
          if (durable) m.nak(1_000);
        }
      }
    })();
    const sub: Subscription = {
      close: async () => {
        this.#subs.delete(sub);
        await messages.close();
        await loop;
      },
    };
    this.#subs.add(sub);
    return sub;
  }

  async healthy(): Promise<boolean> {
    if (this.nc.isClosed()) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), 2_000);
    });
    try {
      return await Promise.race([this.nc.flush().then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    for (const s of [...this.#subs]) await s.close();
    if (!this.nc.isClosed()) await this.nc.drain();
  }

  /** Deletes the stream (tests, or decommissioning a deployment). */
  async deleteStream(): Promise<void> {
    await this.jsm.streams.delete(this.stream);
  }
}

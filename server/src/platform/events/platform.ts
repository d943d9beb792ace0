import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.ts';
import { type Bus, InProcessBus } from './bus.ts';
import { Dispatcher, type DispatcherOptions } from './dispatcher.ts';
import { LiveHub, type LiveHubOptions } from './live.ts';
import { NatsBus, type NatsBusOptions } from './natsBus.ts';
import { type Log, silentLog } from './types.ts';

export interface EventsPlatformOptions {
  database: Database;
  clock: Clock;
  /** NATS JetStream when set, otherwise the in-process bus. */
  natsUrl?: string | null;
  logger?: Log;
  /** Overrides for tests and tuning. */
  nats?: Omit<NatsBusOptions, 'servers' | 'logger'>;
  dispatcher?: Pick<DispatcherOptions, 'pollMs' | 'batchSize' | 'leaseMs' | 'retryBaseMs' | 'retryMaxMs'>;
  live?: Pick<LiveHubOptions, 'heartbeatMs' | 'replayLimit' | 'replayWindowMs' | 'maxBufferedBytes' | 'maxStreamMs'>;
  /** Start the dispatcher (default true). */
  start?: boolean;
}

export interface EventsPlatform {
  bus: Bus;
  dispatcher: Dispatcher;
  live: LiveHub;
  /** Shorthand for `dispatcher.notify()`: call after committing a transaction that emitted. */
  notify(): void;
  /** For /readyz: the bus is connected. */
  ready(): Promise<boolean>;
  /** Stops the dispatcher (awaiting in-flight work), ends live streams, closes the bus. */
  close(): Promise<void>;
}

/**
 * Wires the events platform: `const events = await createEventsPlatform({ database, clock,
 * natsUrl: config.natsUrl, logger })`, register `eventsRoutes` with `{ live: events.live }`,
 * subscribe durable consumers (consumeEvents) before traffic, `await events.close()` on shutdown.
 */
export async function createEventsPlatform(options: EventsPlatformOptions): Promise<EventsPlatform> {
  const logger = options.logger ?? silentLog;
  const bus: Bus = options.natsUrl
    ? await NatsBus.connect({ ...options.nats, servers: options.natsUrl, logger })
    : new InProcessBus({ logger });
  const live = new LiveHub({ ...options.live, database: options.database, clock: options.clock, logger });
  const dispatcher = new Dispatcher({
    ...options.dispatcher,
    database: options.database,
    bus,
    clock: options.clock,
    logger,
  });
  try {
    await live.attach(bus);
  } catch (err) {
    await bus.close();
    throw err;
  }
  if (options.start ?? true) dispatcher.start();
  logger.info({ bus: bus.kind }, 'events platform ready');
  return {
    bus,
    dispatcher,
    live,
    notify: () => dispatcher.notify(),
    ready: () => bus.healthy(),
    async close() {
      await dispatcher.stop();
      await live.close();
      await bus.close();
    },
  };
}

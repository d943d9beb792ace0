/**
 * bench/drain: how fast the outbox dispatcher drains a backlog (as after a bulk import) into the
 * webhook fan-out consumer, on PostgreSQL: one event at a time (the bus without publishMany, the
 * dispatcher's path before runs) against runs (publishMany, one consumer transaction per run).
 *
 *   npm run bench -- drain [events, default 10000]   (schema bench_lookup_drain in the test database)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createAuditor } from '../../server/src/platform/audit/audit.ts';
import { systemClock } from '../../server/src/platform/clock/clock.ts';
import { FieldCipher } from '../../server/src/platform/crypto/secrets.ts';
import { openDatabase } from '../../server/src/platform/db/database.ts';
import { migrate } from '../../server/src/platform/db/migrate.ts';
import { type Bus, InProcessBus } from '../../server/src/platform/events/bus.ts';
import { consumeEvents } from '../../server/src/platform/events/consumer.ts';
import { Dispatcher } from '../../server/src/platform/events/dispatcher.ts';
import { emitMany } from '../../server/src/platform/events/outbox.ts';
import { FANOUT_CONSUMER, WebhooksService } from '../../server/src/platform/webhooks/webhooks.service.ts';

const N = Number(process.argv[2] ?? 10000);
const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = 'bench_lookup_drain';
const admin = async (q: string) => {
  const c = new pg.Client(url);
  await c.connect();
  await c.query(q);
  await c.end();
};
await admin(`drop schema if exists ${schema} cascade; create schema ${schema}`);
const database = await openDatabase({ driver: 'postgres', url, schema, poolSize: 4 });
await migrate(database);
const webhooks = new WebhooksService({
  database,
  clock: systemClock,
  audit: createAuditor(systemClock),
  cipher: new FieldCipher(randomBytes(32)),
} as never);
/** The bus without publishMany: the dispatcher's one-event-at-a-time path (as before this change). */
const oneByOne = (inner: Bus): Bus => ({
  kind: inner.kind,
  publish: (e) => inner.publish(e),
  subscribe: (h, o) => inner.subscribe(h, o),
  healthy: () => inner.healthy(),
  close: () => inner.close(),
});
for (const [label, wrap] of [
  ['one event at a time', oneByOne],
  ['runs (publishMany)', (b: Bus) => b],
] as const) {
  await database.db.deleteFrom('outbox').execute();
  const agencies = Array.from({ length: 100 }, () => randomUUID());
  await database.transaction((tx) =>
    emitMany(
      tx,
      Array.from({ length: N }, (_, i) => ({
        topic: 'intel.hit.alert',
        data: { i },
        audience: { kind: 'agencies' as const, agencyIds: [agencies[i % 100] as string] },
      })),
    ),
  );
  const inner = new InProcessBus();
  const bus = wrap(inner);
  const sub = await consumeEvents(bus, database, FANOUT_CONSUMER, webhooks.fanOut, {
    accept: (e) => e.audience.kind !== 'users',
  });
  const d = new Dispatcher({ database, bus });
  const t0 = performance.now();
  const r = await d.runOnce();
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${r.published} events drained in ${s.toFixed(1)} s = ${Math.round(r.published / s)} events/s`);
  await sub.close();
}
await database.close();
await admin(`drop schema ${schema} cascade`);

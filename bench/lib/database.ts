import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type Driver, openDatabase } from '../../server/src/platform/db/database.ts';
import { migrate } from '../../server/src/platform/db/migrate.ts';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  database: Database;
  /** What the figures were measured on, for the report. */
  label: string;
  /** PostgreSQL: the pids of this benchmark's backends (CPU accounting); PGlite: none. */
  backends?(): Promise<Set<string>>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database: an in-memory PGlite, or a new schema on PostgreSQL
 * (DATABASE_URL, else TEST_DATABASE_URL, else the local test server) dropped on close.
 */
export async function openBenchDatabase(driver: Driver, poolSize = 10): Promise<BenchDatabase> {
  if (driver === 'pglite') {
    const database = await openDatabase({ driver: 'pglite' });
    await migrate(database);
    return {
      database,
      label: 'pglite (in-memory)',
      backends: async () => new Set<string>(),
      close: () => database.close(),
    };
  }
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create schema ${schema}`);
  // Named, so that its backends can be told from other clients of a shared server.
  const applicationName = `cordon-bench-${process.pid}`;
  const named = new URL(url);
  named.searchParams.set('application_name', applicationName);
  const database = await openDatabase({ driver: 'postgres', url: named.toString(), schema, poolSize });
  try {
    await migrate(database);
  } catch (e) {
    await database.close();
    await adminQuery(url, `drop schema ${schema} cascade`);
    throw e;
  }
  const version = await adminQuery(url, 'show server_version');
  return {
    database,
    label: `postgres ${String(version[0]?.server_version ?? '?')} (${redact(url)}, schema ${schema}, pool ${poolSize})`,
    backends: async () =>
      new Set(
        (
          await adminQuery(
            url,
            `select pid::text as pid from pg_stat_activity where application_name = '${applicationName}'`,
          )
        ).map((r) => String(r.pid)),
      ),
    async close() {
      await database.close();
      await adminQuery(url, `drop schema ${schema} cascade`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

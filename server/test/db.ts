import { randomBytes } from 'node:crypto';
import type { PGliteInterface } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Database, type Driver, openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgProblem = await postgresReachable();
if (pgProblem) {
  console.warn(`[cordon tests] PostgreSQL tests skipped: ${TEST_DATABASE_URL} is not reachable (${pgProblem})`);
}

/** The drivers medium tests run on: PGlite always, PostgreSQL when reachable. */
export const drivers: Driver[] = pgProblem ? ['pglite'] : ['pglite', 'postgres'];

let template: Promise<PGliteInterface> | null = null;

/** One migrated PGlite per worker; each test database is a clone of it (fast, isolated). */
function migratedPGlite(): Promise<PGliteInterface> {
  template ??= (async () => {
    const database = await openDatabase({ driver: 'pglite' });
    await migrate(database);
    if (!database.pglite) throw new Error('expected an embedded database');
    return database.pglite;
  })();
  return template;
}

export interface TestDb {
  database: Database;
  driver: Driver;
  close(): Promise<void>;
}

/** A fresh, migrated database of the given driver, isolated from every other test file. */
export async function createTestDb(driver: Driver): Promise<TestDb> {
  if (driver === 'pglite') {
    const base = await migratedPGlite();
    const clone = await base.clone();
    const database = await openDatabase({ driver: 'pglite', pglite: clone });
    return { database, driver, close: () => database.close() };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ driver: 'postgres', url: TEST_DATABASE_URL, schema, poolSize: 4 });
  await migrate(database);
  return {
    database,
    driver,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Registers beforeAll/afterAll for a test database; returns a getter for it. */
export function useTestDb(driver: Driver): () => TestDb {
  let t: TestDb | null = null;
  beforeAll(async () => {
    t = await createTestDb(driver);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('test database not ready');
    return t;
  };
}

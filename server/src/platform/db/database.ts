import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGlitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type Driver = 'pglite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the database or a transaction on it: what repositories take. */
export type Executor = Kysely<DB>;

export interface Database {
  readonly driver: Driver;
  readonly db: Db;
  /** The embedded instance, on the PGlite driver (for clone() in tests and dumps). */
  readonly pglite?: PGliteInterface;
  /** Runs `fn` in one transaction; rolled back on any throw. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { driver: 'pglite'; dataDir?: string; pglite?: PGliteInterface }
  | { driver: 'postgres'; url: string; schema?: string; poolSize?: number };

const INT8 = 20;
const DATE = 1082;

/** Same value shapes on both drivers: int8 as number, numeric as string, date as 'YYYY-MM-DD'. */
function pgTypes() {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return (v: string) => Number(v);
      if (oid === DATE) return (v: string) => v;
      return pg.types.getTypeParser(oid, format);
    },
  } as pg.CustomTypesConfig;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.driver === 'pglite') {
    const pglite = options.pglite ?? (await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {}));
    return wrap('pglite', new Kysely<DB>({ dialect: new PostgresDialect({ pool: new PGlitePool(pglite) }) }), pglite);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: pgTypes(),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  return wrap('postgres', new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }));
}

function wrap(driver: Driver, db: Db, pglite?: PGliteInterface): Database {
  return {
    driver,
    db,
    ...(pglite ? { pglite } : {}),
    transaction: (fn) => db.transaction().execute(fn),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

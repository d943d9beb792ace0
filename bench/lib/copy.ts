/**
 * Bulk loading with COPY, on both drivers: `COPY … FROM STDIN` through pg-copy-streams on
 * PostgreSQL, `COPY … FROM '/dev/blob'` on PGlite (the rows handed over as one Blob).
 * For benchmark baselines and set-up, never for the code under test.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../server/src/platform/db/database.ts';
import { DEFAULT_POSTGRES_URL } from './database.ts';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY text format: null as \N, backslash, tab and line breaks escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c] as string) : s;
}

/** One row in COPY text format, with its line break. */
export function copyLine(fields: Array<string | number | null>): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : '\t') + copyField(fields[i] ?? null);
  return `${line}\n`;
}

/** A client of its own on the bench schema (the pool's search_path), for COPY on PostgreSQL. */
async function rawClient(database: Database): Promise<pg.Client> {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(database.db);
  const schema = r.rows[0]?.s ?? 'public';
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

/**
 * Loads text-format rows (chunks of whole lines, see copyLine) into `table (columns)` with one
 * COPY statement. Returns the number of rows the database reports.
 */
export async function copyInto(
  database: Database,
  table: string,
  columns: readonly string[],
  chunks: Iterable<string>,
): Promise<number> {
  const statement = `copy ${table} (${columns.join(', ')}) from`;
  if (database.driver === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite database without its instance');
    const blob = new Blob([...chunks]);
    // Hold the pool's one connection so that nothing else runs on PGlite meanwhile.
    return database.db.connection().execute(async () => {
      const res = await pglite.query(`${statement} '/dev/blob'`, [], { blob });
      return res.affectedRows ?? 0;
    });
  }
  const client = await rawClient(database);
  try {
    const stream = client.query(copyFrom(`${statement} stdin`));
    await pipeline(Readable.from(chunks, { objectMode: false }), stream);
    return Number(stream.rowCount ?? 0);
  } finally {
    await client.end();
  }
}

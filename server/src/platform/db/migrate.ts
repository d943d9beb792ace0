import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `NNNN_name.sql` files in version order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const out: MigrationFile[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    out.push({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    });
  }
  const versions = new Set(out.map((m) => m.version));
  if (versions.size !== out.length) throw new Error('two migration files share a version number');
  return out;
}

export class MigrationChecksumError extends Error {}

/**
 * Applies every migration not yet applied, each in its own transaction together with its
 * row in schema_migrations. An applied file whose text changed is refused: migrations are
 * append-only. Returns the names applied now.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const files = await readMigrations(dir);
  const applied = new Map(
    (
      await sql<{ version: number; checksum: string }>`select version, checksum from schema_migrations`.execute(db)
    ).rows.map((r) => [r.version, r.checksum]),
  );
  const done: string[] = [];
  for (const m of files) {
    const seen = applied.get(m.version);
    if (seen !== undefined) {
      if (seen !== m.checksum) throw new MigrationChecksumError(`migration ${m.name} was changed after it was applied`);
      continue;
    }
    await database.transaction(async (tx) => {
      // Serialise concurrent starters (several API nodes on one PostgreSQL).
      await sql`select pg_advisory_xact_lock(7201)`.execute(tx);
      const again = await sql`select 1 from schema_migrations where version = ${m.version}`.execute(tx);
      if (again.rows.length > 0) return;
      await sql.raw(m.sql).execute(tx);
      await sql`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`.execute(
        tx,
      );
      done.push(m.name);
    });
  }
  return done;
}

import { sql } from 'kysely';
import type { Auditor } from '../audit/audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Database, Tx } from '../db/database.ts';
import type { FieldCipher } from './secrets.ts';

/** A table with FieldCipher columns, for `cordon keys rekey`. */
export interface EncryptedColumns {
  table: string;
  /** The primary key column (one column). */
  key: string;
  /** Columns holding `v1:<keyId>:…` values (nullable or not). */
  columns: readonly string[];
  /** Clear columns the `after` hook needs too (read as text). */
  also?: readonly string[];
  /**
   * More work for a rewritten row in the same transaction, given its decrypted values (e.g. a
   * `key_id` column, or blind keys derived from the platform key); returns extra columns to set.
   */
  after?: (
    tx: Tx,
    row: { key: string; plain: Record<string, string | null>; also: Record<string, string | null> },
  ) => Promise<Record<string, unknown>>;
}

export interface RekeyProgress {
  table: string;
  /** Rows moved to the current key so far in this run. */
  rewritten: number;
  /** Rows still under another key (counted before this batch). */
  remaining: number;
}

export interface RekeyCounts {
  table: string;
  /** Rows this run moved to the current key. */
  rewritten: number;
  /** Rows already under the current key when the run ended (including those it rewrote). */
  current: number;
}

/**
 * Re-encrypts every value of the given columns that is not under the cipher's current key, in
 * batches of `batchSize` rows, one transaction per batch (rows locked, rewritten, audited as
 * `keys.rekey.batch`), so a run killed half-way keeps its finished batches and the next run
 * picks up the rest. Idempotent: rows under the current key are never selected again. A value
 * under a key the cipher does not know stops the run with the error naming the key.
 */
export async function rekeyAll(
  database: Database,
  o: {
    cipher: FieldCipher;
    tables: readonly EncryptedColumns[];
    audit: Auditor;
    viewer: Viewer | null;
    batchSize?: number;
    onProgress?: (p: RekeyProgress) => void;
  },
): Promise<RekeyCounts[]> {
  const batchSize = o.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('the batch size must be a positive integer');
  const current = `v1:${o.cipher.keyId}:%`;
  const out: RekeyCounts[] = [];
  for (const t of o.tables) {
    const stale = sql.join(
      t.columns.map((c) => sql`(${sql.ref(c)} is not null and ${sql.ref(c)} not like ${current})`),
      sql` or `,
    );
    const countStale = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.table)} where ${stale}`.execute(
            database.db,
          )
        ).rows[0]?.n ?? 0,
      );
    let rewritten = 0;
    for (;;) {
      const remaining = await countStale();
      if (remaining === 0) break;
      o.onProgress?.({ table: t.table, rewritten, remaining });
      const n = await database.transaction(async (tx) => {
        const rows = (
          await sql<Record<string, string | null>>`
            select ${sql.ref(t.key)}::text as "__key", ${sql.join(t.columns.map((c) => sql.ref(c)))}
              ${sql.join(
                (t.also ?? []).map((c) => sql`, ${sql.ref(c)}::text as ${sql.ref(`__also_${c}`)}`),
                sql``,
              )}
            from ${sql.table(t.table)} where ${stale}
            order by ${sql.ref(t.key)} limit ${batchSize} for update`.execute(tx)
        ).rows;
        for (const row of rows) {
          const key = row.__key as string;
          const plain: Record<string, string | null> = {};
          const set: Record<string, unknown> = {};
          for (const c of t.columns) {
            const v = row[c] ?? null;
            let p: string | null;
            try {
              p = v === null ? null : o.cipher.decrypt(v);
            } catch (e) {
              throw new Error(`${t.table} ${key}, column ${c}: ${(e as Error).message}`);
            }
            plain[c] = p;
            if (v !== null && !o.cipher.isCurrent(v)) set[c] = o.cipher.encrypt(p as string);
          }
          const also = Object.fromEntries((t.also ?? []).map((c) => [c, row[`__also_${c}`] ?? null]));
          Object.assign(set, (await t.after?.(tx, { key, plain, also })) ?? {});
          const assignments = sql.join(Object.entries(set).map(([c, v]) => sql`${sql.ref(c)} = ${v}`));
          await sql`update ${sql.table(t.table)} set ${assignments} where ${sql.ref(t.key)}::text = ${key}`.execute(tx);
        }
        await o.audit(
          tx,
          { viewer: o.viewer },
          {
            action: 'keys.rekey.batch',
            objectType: 'table',
            objectId: t.table,
            details: { rows: rows.length, toKey: o.cipher.keyId },
          },
        );
        return rows.length;
      });
      rewritten += n;
      if (n === 0) break;
    }
    const total = Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.table)} where not (${stale})`.execute(
          database.db,
        )
      ).rows[0]?.n ?? 0,
    );
    out.push({ table: t.table, rewritten, current: total });
  }
  return out;
}

/** Values per table and key id (nulls left out): what `cordon keys status` prints. */
export async function keyUsage(
  database: Database,
  tables: readonly EncryptedColumns[],
): Promise<Array<{ table: string; keyId: string; values: number }>> {
  const out: Array<{ table: string; keyId: string; values: number }> = [];
  for (const t of tables) {
    const parts = t.columns.map(
      (c) =>
        sql`select split_part(${sql.ref(c)}, ':', 2) as k from ${sql.table(t.table)} where ${sql.ref(c)} is not null`,
    );
    const rows = (
      await sql<{ k: string; n: number }>`
        select k, count(*)::int as n from (${sql.join(parts, sql` union all `)}) v group by k order by k`.execute(
        database.db,
      )
    ).rows;
    for (const r of rows) out.push({ table: t.table, keyId: r.k, values: Number(r.n) });
  }
  return out;
}

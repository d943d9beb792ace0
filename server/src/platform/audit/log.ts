import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import { type AuditFields, canonicalWithoutSeq } from './chain.ts';

/** One record to link into the chain: its fields without the place (seq) the chain gives it. */
export type ChainInput = Omit<AuditFields, 'seq' | 'at'> & { at: Date };

/** Records per call of audit_append. */
const ROWS_PER_CALL = 5000;

/**
 * Appends the records to the audit chain in order, in one round trip per 5,000: the database
 * function `audit_append` (migration 0021) takes the chain lock, reads the head, links and inserts
 * them, with the hash of chain.ts. On a transaction, the records commit or roll back with it and
 * the lock is held until it ends (call it last); on the database itself, the call is its own
 * transaction. Returns the seq of the first record.
 *
 * The records go as one JSON parameter (JSON.stringify is native; the driver's escaping of ten
 * text arrays cost more than the rest of the append).
 */
export async function appendToChain(db: Executor, items: readonly ChainInput[]): Promise<number> {
  let first = 0;
  for (let i = 0; i === 0 || i < items.length; i += ROWS_PER_CALL) {
    const records = items.slice(i, i + ROWS_PER_CALL).map((x, j) => {
      const at = x.at.toISOString();
      return {
        i: j + 1,
        at,
        u: x.actorUserId,
        g: x.actorAgencyId,
        t: x.actorTokenId,
        a: x.action,
        ot: x.objectType,
        oi: x.objectId,
        d: x.details ?? {},
        r: x.requestId,
        c: canonicalWithoutSeq({ ...x, at }),
      };
    });
    const r = await sql<{ first: number }>`select audit_append(${JSON.stringify(records)}::json) as first`.execute(db);
    if (i === 0) first = Number(r.rows[0]?.first);
  }
  return first;
}

import type { Db } from '../db/database.ts';
import { chainHash, GENESIS_HASH } from './chain.ts';

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadSeq: number; reason: string };

/**
 * Walks the chain in order, recomputing every hash. Names the first row that does not
 * fit: a changed field, a broken link, or a gap (a deleted row).
 */
export async function verifyAuditChain(db: Db, batch = 2000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of page) {
      const bad = (reason: string): VerifyResult => ({ ok: false, rows, firstBadSeq: expectSeq, reason });
      if (r.seq !== expectSeq) return bad(`row ${expectSeq} is missing (next row is ${r.seq})`);
      if (r.prev_hash !== prevHash) return bad(`row ${r.seq} does not link to the row before it`);
      const hash = chainHash(prevHash, {
        seq: r.seq,
        at: new Date(r.at).toISOString(),
        actorUserId: r.actor_user_id,
        actorAgencyId: r.actor_agency_id,
        actorTokenId: r.actor_token_id,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        details: r.details,
        requestId: r.request_id,
      });
      if (hash !== r.hash) return bad(`row ${r.seq} was changed after it was written`);
      prevHash = r.hash;
      expectSeq += 1;
      rows += 1;
    }
    if (page.length < batch) return { ok: true, rows };
  }
}

export function describeVerify(r: VerifyResult): string {
  return r.ok ? `chain intact, ${r.rows} rows` : `chain broken at row ${r.firstBadSeq}: ${r.reason}`;
}

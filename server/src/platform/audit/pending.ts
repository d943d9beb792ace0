import { sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { AUDIT_LOCK } from './chain.ts';
import { appendToChain } from './log.ts';

/**
 * Read audits left in `audit_pending` by earlier versions (docs/decisions.md, "Read audits are
 * group-committed into the chain"). Until migration 0021 a read's record was committed there first
 * and chained later; reads now go straight into the chain (read-audit.ts). Rows an earlier node or
 * a crash left are chained by the `AuditChainer`'s sweep on every node and by `cordon audit verify`,
 * so a rolling upgrade loses none. Chaining moves rows into audit_log under the chain lock, in id
 * order, deleting them in the same transaction: a record is always in exactly one of the tables.
 */

/**
 * Moves up to `limit` pending records into the chain (oldest id first), in one transaction under
 * the chain lock; returns how many. Safe on several nodes at once: the lock serialises them, and
 * each deletes exactly the rows it chained.
 */
export async function chainPendingBatch(database: Database, limit = 5000): Promise<number> {
  return database.transaction(async (tx) => {
    // Taken before reading the pending rows, so two chainers never chain the same rows.
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const pending = await tx.selectFrom('audit_pending').selectAll().orderBy('id').limit(limit).execute();
    if (pending.length === 0) return 0;
    await appendToChain(
      tx,
      pending.map((p) => ({
        at: new Date(p.at),
        actorUserId: p.actor_user_id,
        actorAgencyId: p.actor_agency_id,
        actorTokenId: p.actor_token_id,
        action: p.action,
        objectType: p.object_type,
        objectId: p.object_id,
        details: p.details,
        requestId: p.request_id,
      })),
    );
    await tx
      .deleteFrom('audit_pending')
      .where('id', '=', sql<number>`any(${sql.val(pending.map((p) => String(p.id)))}::bigint[])`)
      .execute();
    return pending.length;
  });
}

/** Chains everything pending now; returns how many records it chained. */
export async function chainPendingAudit(database: Database, batch = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await chainPendingBatch(database, batch);
    total += n;
    if (n < batch) return total;
  }
}

export async function pendingAuditCount(db: Db): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_pending`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export interface AuditChainerOptions {
  /** Chain what is pending every this many ms (default 10,000). */
  sweepMs?: number;
  onError?: (e: unknown) => void;
}

/** One per node: chains records earlier versions left pending, on a slow sweep and on stop. */
export class AuditChainer {
  #sweep: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  readonly #o: Required<AuditChainerOptions>;

  constructor(
    private readonly database: Database,
    options: AuditChainerOptions = {},
  ) {
    this.#o = { sweepMs: 10_000, onError: () => {}, ...options };
    this.#sweep = setInterval(() => void this.flush().catch(this.#o.onError), this.#o.sweepMs);
    this.#sweep.unref();
  }

  /** Chains everything pending now (waits for a run in progress first). */
  async flush(): Promise<number> {
    while (this.#running) await this.#running.catch(() => {});
    const run = chainPendingAudit(this.database);
    this.#running = run;
    try {
      return await run;
    } finally {
      this.#running = null;
    }
  }

  /** Stops the sweep and chains what is left (call before closing the database). */
  async stop(): Promise<void> {
    if (this.#sweep) clearInterval(this.#sweep);
    this.#sweep = null;
    await this.flush();
  }
}

import { sql } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import type { AuditContext, AuditEntry } from './audit.ts';
import { AUDIT_LOCK, type AuditFields, chainHash, GENESIS_HASH } from './chain.ts';

/**
 * Read audits, chained in batches (docs/decisions.md, "Read audits are chained in batches").
 *
 * A read of sensitive data must not be answered before its record is durably written, but it
 * need not wait for the chain lock. `recordPending` commits the record into `audit_pending`
 * (no lock, one insert shared by the reads that arrive while the previous insert is in flight:
 * a group commit) and resolves only after that commit. `chainPendingAudit` later moves pending
 * rows into `audit_log` under the chain lock, in id order, deleting them in the same transaction:
 * a record is always in exactly one of the two tables. An `AuditChainer` per node does this
 * shortly after each write, on a slow sweep (rows left by another node or a crash), and when the
 * node stops; `cordon audit verify` chains what is pending before it verifies.
 */

interface PendingRow {
  at: Date;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  actor_token_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  details: string;
  request_id: string | null;
}

interface Waiter {
  row: PendingRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Rows per insert statement (10 parameters each; PostgreSQL takes at most 65,535). */
const INSERT_BATCH = 1000;

/** Group commit into audit_pending: one insert in flight per database; the next takes all that queued. */
class PendingWriter {
  #queue: Waiter[] = [];
  #draining: Promise<void> | null = null;
  readonly #written = new Set<() => void>();
  constructor(private readonly db: Db) {}

  add(row: PendingRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ row, resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Called after every committed batch (the chainer schedules itself on it). */
  onWritten(fn: () => void): () => void {
    this.#written.add(fn);
    return () => this.#written.delete(fn);
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue.splice(0, INSERT_BATCH);
        try {
          await this.db
            .insertInto('audit_pending')
            .values(batch.map((w) => w.row))
            .execute();
        } catch (e) {
          for (const w of batch) w.reject(e);
          continue;
        }
        for (const w of batch) w.resolve();
        for (const fn of this.#written) fn();
      }
    } finally {
      this.#draining = null;
    }
  }
}

const writers = new WeakMap<Db, PendingWriter>();
const writerOf = (db: Db) => {
  let w = writers.get(db);
  if (!w) {
    w = new PendingWriter(db);
    writers.set(db, w);
  }
  return w;
};

/**
 * Commits a read's audit record (not yet chained) and resolves once it is durable. Never call it
 * inside a transaction on PGlite (it writes through `database.db`).
 */
export function recordPending(database: Database, at: Date, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  return writerOf(database.db).add({
    at,
    actor_user_id: ctx.viewer?.userId ?? null,
    actor_agency_id: ctx.viewer?.agencyId ?? null,
    actor_token_id: ctx.viewer?.tokenId ?? null,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    request_id: ctx.requestId ?? null,
  });
}

/**
 * Moves up to `limit` pending records into the chain (oldest id first), in one transaction under
 * the chain lock; returns how many. Safe on several nodes at once: the lock serialises them, and
 * each deletes exactly the rows it chained.
 */
export async function chainPendingBatch(database: Database, limit = 5000): Promise<number> {
  return database.transaction(async (tx) => {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const pending = await tx.selectFrom('audit_pending').selectAll().orderBy('id').limit(limit).execute();
    if (pending.length === 0) return 0;
    const head = await tx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const rows = pending.map((p) => {
      seq += 1;
      const at = new Date(p.at);
      const fields: AuditFields = {
        seq,
        at: at.toISOString(),
        actorUserId: p.actor_user_id,
        actorAgencyId: p.actor_agency_id,
        actorTokenId: p.actor_token_id,
        action: p.action,
        objectType: p.object_type,
        objectId: p.object_id,
        details: p.details,
        requestId: p.request_id,
      };
      const hash = chainHash(prevHash, fields);
      const row = {
        seq,
        at,
        actor_user_id: p.actor_user_id,
        actor_agency_id: p.actor_agency_id,
        actor_token_id: p.actor_token_id,
        action: p.action,
        object_type: p.object_type,
        object_id: p.object_id,
        details: JSON.stringify(p.details),
        request_id: p.request_id,
        prev_hash: prevHash,
        hash,
      };
      prevHash = hash;
      return row;
    });
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await tx
        .insertInto('audit_log')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    }
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
  /** Chain this long after a read audit was written here (ms; default 200). */
  afterWriteMs?: number;
  /** Also chain every this many ms, for records another node or a crash left (default 10,000). */
  sweepMs?: number;
  onError?: (e: unknown) => void;
}

/** One per node: chains pending read audits soon after they are written, and on stop. */
export class AuditChainer {
  #timer: NodeJS.Timeout | null = null;
  #sweep: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  #stopped = false;
  readonly #unsubscribe: () => void;
  readonly #o: Required<AuditChainerOptions>;

  constructor(
    private readonly database: Database,
    options: AuditChainerOptions = {},
  ) {
    this.#o = { afterWriteMs: 200, sweepMs: 10_000, onError: () => {}, ...options };
    this.#unsubscribe = writerOf(database.db).onWritten(() => this.#schedule(this.#o.afterWriteMs));
    this.#sweep = setInterval(() => this.#schedule(0), this.#o.sweepMs);
    this.#sweep.unref();
  }

  #schedule(ms: number): void {
    if (this.#stopped || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.flush().catch(this.#o.onError);
    }, ms);
    this.#timer.unref();
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

  /** Stops the timers and chains what is left (call before closing the database). */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe();
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#sweep) clearInterval(this.#sweep);
    this.#timer = null;
    this.#sweep = null;
    await this.flush();
  }
}

import { sql } from 'kysely';
import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { AUDIT_LOCK, type AuditFields, chainHash, GENESIS_HASH } from './chain.ts';
import { recordPending } from './pending.ts';

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditContext {
  /** Null for the system itself (start-up, seeding, jobs) or an anonymous attempt. */
  viewer: Viewer | null;
  requestId?: string | null;
}

/**
 * Appends one row to the audit chain inside the caller's transaction, so the record of a
 * write commits or rolls back with the write itself. Call it last in the transaction: it
 * takes the chain lock, which is held until commit.
 */
export async function appendAudit(tx: Tx, clock: Clock, ctx: AuditContext, entry: AuditEntry): Promise<number> {
  // The lock and the head read must be two statements: under READ COMMITTED a statement's
  // snapshot is taken when it starts, so a read in the locking statement could see a stale head.
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = new Date(Math.floor(clock.now().getTime()));
  const fields: AuditFields = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorUserId: ctx.viewer?.userId ?? null,
    actorAgencyId: ctx.viewer?.agencyId ?? null,
    actorTokenId: ctx.viewer?.tokenId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    details: entry.details ?? {},
    requestId: ctx.requestId ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx
    .insertInto('audit_log')
    .values({
      seq: fields.seq,
      at,
      actor_user_id: fields.actorUserId,
      actor_agency_id: fields.actorAgencyId,
      actor_token_id: fields.actorTokenId,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      details: JSON.stringify(fields.details),
      request_id: fields.requestId,
      prev_hash: prevHash,
      hash: chainHash(prevHash, fields),
    })
    .execute();
  return fields.seq;
}

/**
 * Appends several rows to the chain in the caller's transaction, in order, with one lock, one
 * head read and one insert (a bulk submission's entries, one per submitting agency).
 */
export async function appendAuditMany(
  tx: Tx,
  clock: Clock,
  items: Array<{ ctx: AuditContext; entry: AuditEntry }>,
): Promise<void> {
  if (items.length === 0) return;
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
  const last = await tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const at = new Date(Math.floor(clock.now().getTime()));
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = items.map(({ ctx, entry }) => {
    seq += 1;
    const fields: AuditFields = {
      seq,
      at: at.toISOString(),
      actorUserId: ctx.viewer?.userId ?? null,
      actorAgencyId: ctx.viewer?.agencyId ?? null,
      actorTokenId: ctx.viewer?.tokenId ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      details: entry.details ?? {},
      requestId: ctx.requestId ?? null,
    };
    const hash = chainHash(prevHash, fields);
    const row = {
      seq,
      at,
      actor_user_id: fields.actorUserId,
      actor_agency_id: fields.actorAgencyId,
      actor_token_id: fields.actorTokenId,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      details: JSON.stringify(fields.details),
      request_id: fields.requestId,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

/**
 * Binds the clock, so services call `audit(tx, ctx, entry)` for a write (chained in the write's
 * transaction) and `audit.read(database, ctx, entry)` for a read of sensitive data (committed
 * before it resolves, chained in a batch shortly after: see pending.ts).
 */
export interface Auditor {
  (tx: Tx, ctx: AuditContext, entry: AuditEntry): Promise<number>;
  read(database: Database, ctx: AuditContext, entry: AuditEntry): Promise<void>;
  many(tx: Tx, items: Array<{ ctx: AuditContext; entry: AuditEntry }>): Promise<void>;
}

export function createAuditor(clock: Clock): Auditor {
  const audit = (tx: Tx, ctx: AuditContext, entry: AuditEntry) => appendAudit(tx, clock, ctx, entry);
  return Object.assign(audit, {
    read: (database: Database, ctx: AuditContext, entry: AuditEntry) =>
      recordPending(database, new Date(Math.floor(clock.now().getTime())), ctx, entry),
    many: (tx: Tx, items: Array<{ ctx: AuditContext; entry: AuditEntry }>) => appendAuditMany(tx, clock, items),
  });
}

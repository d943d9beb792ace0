import type { Viewer } from '../auth/viewer.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { appendToChain, type ChainInput } from './log.ts';
import { appendRead } from './read-audit.ts';

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

/** The chain's record of an entry by this context at this time. */
function toChainInput(at: Date, ctx: AuditContext, entry: AuditEntry): ChainInput {
  return {
    at,
    actorUserId: ctx.viewer?.userId ?? null,
    actorAgencyId: ctx.viewer?.agencyId ?? null,
    actorTokenId: ctx.viewer?.tokenId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    details: entry.details ?? {},
    requestId: ctx.requestId ?? null,
  };
}

/**
 * Appends one row to the audit chain inside the caller's transaction, so the record of a
 * write commits or rolls back with the write itself. Call it last in the transaction: it
 * takes the chain lock, which is held until commit.
 */
export async function appendAudit(tx: Tx, clock: Clock, ctx: AuditContext, entry: AuditEntry): Promise<number> {
  return appendToChain(tx, [toChainInput(new Date(Math.floor(clock.now().getTime())), ctx, entry)]);
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
  const at = new Date(Math.floor(clock.now().getTime()));
  await appendToChain(
    tx,
    items.map(({ ctx, entry }) => toChainInput(at, ctx, entry)),
  );
}

/**
 * Binds the clock, so services call `audit(tx, ctx, entry)` for a write (chained in the write's
 * transaction) and `audit.read(database, ctx, entry)` for a read of sensitive data (in the chain
 * before it resolves, the append shared with the reads around it: see read-audit.ts).
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
      appendRead(database, toChainInput(new Date(Math.floor(clock.now().getTime())), ctx, entry)),
    many: (tx: Tx, items: Array<{ ctx: AuditContext; entry: AuditEntry }>) => appendAuditMany(tx, clock, items),
  });
}

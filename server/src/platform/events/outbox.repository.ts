import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OutboxTable } from './events.tables.ts';
import type { EventEnvelope } from './types.ts';

/** The outbox's SQL for the dispatcher and the live stream's replay. */

export function toEnvelope(
  row: Pick<Selectable<OutboxTable>, 'id' | 'topic' | 'data' | 'audience' | 'created_at'>,
): EventEnvelope {
  return {
    id: String(row.id),
    topic: row.topic,
    occurredAt: new Date(row.created_at).toISOString(),
    data: row.data,
    audience: row.audience,
  };
}

export interface ClaimedEvent {
  event: EventEnvelope;
  /** Failed publishes so far. */
  attempts: number;
}

/**
 * Claims up to `limit` unpublished events, oldest first, that no live lease or back-off holds:
 * rows locked by another dispatcher's claim are skipped, and the claim is a lease until `until`,
 * so the publish itself runs outside any transaction.
 */
export async function claimEvents(db: Db, now: Date, until: Date, limit: number): Promise<ClaimedEvent[]> {
  // One statement, so its own transaction: the row locks last only while it runs.
  const rows = await db
    .updateTable('outbox')
    .set({ claimed_until: until })
    .where('id', 'in', (q) =>
      q
        .selectFrom('outbox')
        .select('id')
        .where('published_at', 'is', null)
        .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'topic', 'data', 'audience', 'created_at', 'attempts'])
    .execute();
  return rows.sort((a, b) => a.id - b.id).map((r) => ({ event: toEnvelope(r), attempts: r.attempts }));
}

export async function markPublished(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ published_at: now, claimed_until: null, last_error: null, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', ids.map(Number))
    .execute();
}

/** A failed publish: the event waits until `retryAt`, the others claimed with it are released. */
export async function markFailed(db: Db, id: string, error: string, retryAt: Date, release: string[]): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('outbox')
      .set((eb) => ({ claimed_until: retryAt, last_error: error.slice(0, 2000), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', Number(id))
      .execute();
    if (release.length > 0) {
      await tx.updateTable('outbox').set({ claimed_until: null }).where('id', 'in', release.map(Number)).execute();
    }
  });
}

/** Events after `afterId` (newest `limit`, not older than `since`), in id order, for a reconnecting stream. */
export async function eventsAfter(db: Db, afterId: number, since: Date, limit: number): Promise<EventEnvelope[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'topic', 'data', 'audience', 'created_at'])
    .where('id', '>', afterId)
    .where('created_at', '>=', since)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map(toEnvelope);
}

/**
 * Housekeeping: deletes published events created before `publishedBefore` (keep at least the
 * replay window) and consumption records older than `consumedBefore` (keep longer than any
 * redelivery can come: the bus's retention).
 */
export async function pruneEvents(db: Db, cut: { publishedBefore: Date; consumedBefore: Date }): Promise<number> {
  const res = await db
    .deleteFrom('outbox')
    .where('published_at', 'is not', null)
    .where('created_at', '<', cut.publishedBefore)
    .executeTakeFirst();
  await db.deleteFrom('event_consumptions').where('consumed_at', '<', cut.consumedBefore).execute();
  return Number(res.numDeletedRows);
}

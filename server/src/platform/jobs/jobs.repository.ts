import type { Selectable } from 'kysely';
import type { Db, Executor } from '../db/database.ts';
import type { JobsTable } from './jobs.tables.ts';

export type JobRow = Selectable<JobsTable>;

/**
 * Claims up to `limit` due jobs of these kinds (queued with run_at <= now, or running under an
 * expired lease), skipping rows another runner is claiming; each is leased until `until` and its
 * attempt counted. A job whose lease expired on its last attempt fails instead.
 */
export async function claimJobs(db: Db, kinds: string[], now: Date, until: Date, limit: number): Promise<JobRow[]> {
  if (kinds.length === 0) return [];
  return db.transaction().execute(async (tx) => {
    await tx
      .updateTable('jobs')
      .set({ status: 'failed', locked_until: null, finished_at: now, last_error: 'lease expired on the last attempt' })
      .where('status', '=', 'running')
      .where('locked_until', '<=', now)
      .whereRef('attempts', '>=', 'max_attempts')
      .execute();
    const rows = await tx
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', locked_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (q) =>
        q
          .selectFrom('jobs')
          .select('id')
          .where('kind', 'in', kinds)
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'queued'), w('run_at', '<=', now)]),
              w.and([w('status', '=', 'running'), w('locked_until', '<=', now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.run_at.getTime() - b.run_at.getTime() || a.id - b.id);
  });
}

/** Marks the job done if this attempt still holds it; false when the lease was lost. */
export async function completeJob(ex: Executor, id: number, attempt: number, now: Date): Promise<boolean> {
  const res = await ex
    .updateTable('jobs')
    .set({ status: 'done', locked_until: null, finished_at: now, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A failed attempt: queued again at `retryAt`, or failed for good when `retryAt` is null. */
export async function failJob(
  db: Db,
  id: number,
  attempt: number,
  error: string,
  now: Date,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set(
      retryAt
        ? { status: 'queued', run_at: retryAt, locked_until: null, last_error: error }
        : { status: 'failed', locked_until: null, finished_at: now, last_error: error },
    )
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt)
    .execute();
}

/** Housekeeping: deletes jobs that finished (done or failed) before `before`. */
export async function pruneJobs(db: Db, before: Date): Promise<number> {
  const res = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

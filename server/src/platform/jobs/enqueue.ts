import type { Tx } from '../db/database.ts';

export interface NewJob<P = unknown> {
  kind: string;
  payload?: P;
  /** When it becomes due (from the platform clock, e.g. `clock.now()` or a deadline). */
  runAt: Date;
  /**
   * At most one job ever exists per key: enqueueing again is a no-op that returns the existing
   * job (e.g. `sla:notice:<id>`). Put a version in the key to arm a timer anew.
   */
  dedupeKey?: string;
  /** Attempts before the job fails for good (default 5). */
  maxAttempts?: number;
}

export interface Enqueued {
  id: number;
  /** False when a job with the same dedupe key already existed. */
  created: boolean;
}

/** Enqueues a job in the caller's transaction: it exists if and only if the caller commits. */
export async function enqueue<P>(tx: Tx, job: NewJob<P>): Promise<Enqueued> {
  if (!job.kind) throw new Error('a job needs a kind');
  if (Number.isNaN(job.runAt.getTime())) throw new Error('a job needs a valid runAt');
  const row = await tx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      dedupe_key: job.dedupeKey ?? null,
      ...(job.maxAttempts !== undefined ? { max_attempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: row.id, created: true };
  const existing = await tx
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', job.dedupeKey ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** Removes a job that has not started (e.g. an SLA timer whose case was answered). */
export async function cancelJob(tx: Tx, dedupeKey: string): Promise<boolean> {
  const res = await tx
    .deleteFrom('jobs')
    .where('dedupe_key', '=', dedupeKey)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

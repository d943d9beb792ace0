import { sql } from 'kysely';
import type { Clock } from './clock/clock.ts';
import type { Database, Tx } from './db/database.ts';
import { pruneEvents } from './events/outbox.repository.ts';
import { enqueue } from './jobs/enqueue.ts';
import { pruneJobs } from './jobs/jobs.repository.ts';
import type { JobRunner } from './jobs/runner.ts';

const DAY = 86_400_000;
export const HOUSEKEEPING_JOB = 'platform.housekeeping';

/** A cleanup step a module contributes (e.g. expired sessions); runs in the job's transaction. */
export type CleanupStep = (tx: Tx, now: Date) => Promise<number>;

/** Platform cleanup: published events after 7 days, finished jobs after 30, idempotency keys after 1. */
export function platformCleanup(): Record<string, CleanupStep> {
  return {
    events: (tx, now) =>
      pruneEvents(tx, {
        publishedBefore: new Date(now.getTime() - 7 * DAY),
        consumedBefore: new Date(now.getTime() - 7 * DAY),
      }),
    jobs: (tx, now) => pruneJobs(tx, new Date(now.getTime() - 30 * DAY)),
    idempotencyKeys: async (tx, now) =>
      Number(
        (
          await tx
            .deleteFrom('idempotency_keys')
            .where('created_at', '<', new Date(now.getTime() - DAY))
            .executeTakeFirst()
        ).numDeletedRows,
      ),
  };
}

const dayKey = (d: Date) => `${HOUSEKEEPING_JOB}:${d.toISOString().slice(0, 10)}`;

/**
 * A daily housekeeping job: runs every step, then schedules tomorrow's run (the dedupe key per
 * day makes scheduling idempotent across nodes and restarts).
 */
export async function scheduleHousekeeping(
  runner: JobRunner,
  database: Database,
  clock: Clock,
  steps: Record<string, CleanupStep>,
  log: (counts: Record<string, number>) => void = () => {},
): Promise<void> {
  runner.register(HOUSEKEEPING_JOB, async (job) => {
    await job.transaction(async (tx) => {
      const counts: Record<string, number> = {};
      for (const [name, step] of Object.entries(steps)) counts[name] = await step(tx, job.now);
      // PGlite has no autovacuum: refresh planner statistics once a day.
      if (database.driver === 'pglite') await sql`analyze`.execute(tx);
      const next = new Date(job.now.getTime() + DAY);
      await enqueue(tx, { kind: HOUSEKEEPING_JOB, runAt: next, dedupeKey: dayKey(next) });
      log(counts);
    });
  });
  const now = clock.now();
  await database.transaction((tx) => enqueue(tx, { kind: HOUSEKEEPING_JOB, runAt: now, dedupeKey: dayKey(now) }));
}

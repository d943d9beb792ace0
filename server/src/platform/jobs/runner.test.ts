import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import { ManualClock } from '../clock/clock.ts';
import { cancelJob, enqueue } from './enqueue.ts';
import { type JobContext, JobRunner, PermanentJobError } from './runner.ts';

const MINUTE = 60_000;

describe.each(drivers)('jobs on %s', (driver) => {
  const t = useTestDb(driver);
  let n = 0;
  /** A job kind of its own per test: tests share the database. */
  const kind = () => `test.kind${++n}`;
  const jobRow = (id: number) =>
    t().database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('runs a job only once it is due, and then once', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    const ran: unknown[] = [];
    const runner = new JobRunner({ database, clock }).register<{ noticeId: string }>(k, async (job) => {
      ran.push(job.payload);
      expect(job.attempt).toBe(1);
    });
    const due = new Date(clock.now().getTime() + 10 * MINUTE);
    const { id } = await database.transaction((tx) =>
      enqueue(tx, { kind: k, payload: { noticeId: 'n1' }, runAt: due }),
    );

    expect(await runner.runDue()).toEqual({ done: 0, retried: 0, failed: 0 });
    clock.advance(10 * MINUTE - 1);
    await runner.runDue();
    expect(ran).toEqual([]);
    clock.advance(1);
    expect(await runner.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    clock.advance(60 * MINUTE);
    await runner.runDue();
    expect(ran).toEqual([{ noticeId: 'n1' }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, finished_at: expect.any(Date) });
  });

  it('does not exist when the enqueueing transaction rolls back', async () => {
    const { database } = t();
    const k = kind();
    await database
      .transaction(async (tx) => {
        await enqueue(tx, { kind: k, runAt: new ManualClock().now() });
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await database.db.selectFrom('jobs').where('kind', '=', k).select('id').execute()).toEqual([]);
  });

  it('retries a failing job with exponential back-off, then fails it for good', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    const attempts: number[] = [];
    const runner = new JobRunner({ database, clock, retryBaseMs: MINUTE, retryMaxMs: 60 * MINUTE });
    runner.register(k, async (job) => {
      attempts.push(job.attempt);
      throw new Error(`webhook answered 503 (attempt ${job.attempt})`);
    });
    const { id } = await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now(), maxAttempts: 4 }));

    expect(await runner.runDue()).toEqual({ done: 0, retried: 1, failed: 0 });
    // Back-off doubles: 1, 2, 4 minutes after attempts 1, 2, 3.
    for (const [attempt, delay] of [
      [1, MINUTE],
      [2, 2 * MINUTE],
      [3, 4 * MINUTE],
    ] as const) {
      const row = await jobRow(id);
      expect(row).toMatchObject({
        status: 'queued',
        attempts: attempt,
        last_error: `Error: webhook answered 503 (attempt ${attempt})`,
      });
      expect(row.run_at).toEqual(new Date(clock.now().getTime() + delay));
      clock.advance(delay - 1);
      await runner.runDue();
      expect(attempts).toHaveLength(attempt);
      clock.advance(1);
      await runner.runDue();
    }
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(await jobRow(id)).toMatchObject({
      status: 'failed',
      attempts: 4,
      last_error: 'Error: webhook answered 503 (attempt 4)',
    });
    clock.advance(24 * 60 * MINUTE);
    await runner.runDue();
    expect(attempts).toHaveLength(4);
  });

  it('fails at once on a PermanentJobError', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    const runner = new JobRunner({ database, clock }).register(k, async () => {
      throw new PermanentJobError('the subscriber endpoint was deleted');
    });
    const { id } = await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now() }));
    expect(await runner.runDue()).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('two runners never run the same job twice', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    const runs = new Map<number, number>();
    const handler = async (job: { id: number }) => {
      await new Promise((r) => setImmediate(r));
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    };
    const runners = [0, 1].map(() => new JobRunner({ database, clock, batchSize: 3 }).register(k, handler));
    const ids = await database.transaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < 30; i++) out.push((await enqueue(tx, { kind: k, payload: { i }, runAt: clock.now() })).id);
      return out;
    });
    const summaries = await Promise.all([...runners, ...runners].map((r) => r.runDue()));
    expect(summaries.reduce((s, x) => s + x.done, 0)).toBe(30);
    expect(ids.map((id) => runs.get(id))).toEqual(ids.map(() => 1));
  });

  it('takes over a job whose runner died once its lease expires; the dead runner cannot commit', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    let release!: () => void;
    const stuck = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    await sql`create table test_job_effects (job_id bigint, attempt integer)`.execute(database.db);
    const handler = async (job: JobContext) => {
      calls++;
      if (job.attempt === 1) await stuck; // the first runner hangs (its node died)
      await job.transaction(async (tx) => {
        await sql`insert into test_job_effects values (${job.id}, ${job.attempt})`.execute(tx);
      });
    };
    const first = new JobRunner({ database, clock, leaseMs: 5 * MINUTE }).register(k, handler);
    const second = new JobRunner({ database, clock, leaseMs: 5 * MINUTE }).register(k, handler);
    const { id } = await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now() }));
    const dead = first.runDue();
    while (calls === 0) await new Promise((r) => setImmediate(r));
    expect(await second.runDue()).toEqual({ done: 0, retried: 0, failed: 0 }); // leased
    clock.advance(5 * MINUTE);
    expect(await second.runDue()).toEqual({ done: 1, retried: 0, failed: 0 });
    release();
    expect(await dead).toEqual({ done: 0, retried: 0, failed: 0 }); // lease lost: rolled back
    const effects = await sql<{ attempt: number }>`select attempt from test_job_effects where job_id = ${id}`.execute(
      database.db,
    );
    expect(effects.rows).toEqual([{ attempt: 2 }]);
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('keeps one job per dedupe key, and cancels a queued one', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    const key = `sla:${k}`;
    const a = await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now(), dedupeKey: key }));
    const b = await database.transaction((tx) =>
      enqueue(tx, { kind: k, payload: { second: true }, runAt: clock.now(), dedupeKey: key }),
    );
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(await database.db.selectFrom('jobs').where('dedupe_key', '=', key).select('id').execute()).toHaveLength(1);

    expect(await database.transaction((tx) => cancelJob(tx, key))).toBe(true);
    const c = await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now(), dedupeKey: key }));
    expect(c.created).toBe(true);
    let ran = 0;
    await new JobRunner({ database, clock })
      .register(k, async () => {
        ran++;
      })
      .runDue();
    expect(ran).toBe(1);
    await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now(), dedupeKey: key }));
    expect(await database.transaction((tx) => cancelJob(tx, key))).toBe(false); // done: kept
  });

  it('leaves jobs of kinds it has no handler for to other runners', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const [mine, other] = [kind(), kind()];
    const { id } = await database.transaction((tx) => enqueue(tx, { kind: other, runAt: clock.now() }));
    await new JobRunner({ database, clock }).register(mine, async () => {}).runDue();
    expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('polls while started and stops cleanly', async () => {
    const { database } = t();
    const clock = new ManualClock();
    const k = kind();
    let done!: () => void;
    const ran = new Promise<void>((r) => {
      done = r;
    });
    const runner = new JobRunner({ database, clock, pollMs: 10 }).register(k, async () => done());
    runner.start();
    await database.transaction((tx) => enqueue(tx, { kind: k, runAt: clock.now() }));
    runner.notify();
    await ran;
    await runner.stop();
  });
});

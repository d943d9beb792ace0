import type { BaseLogger } from 'pino';
import { type Clock, systemClock } from '../clock/clock.ts';
import type { Database, Tx } from '../db/database.ts';
import { claimJobs, completeJob, failJob, type JobRow } from './jobs.repository.ts';

type Log = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
const noop = () => {};
const silent: Log = { debug: noop, info: noop, warn: noop, error: noop };

export interface JobContext<P = unknown> {
  readonly id: number;
  readonly kind: string;
  readonly payload: P;
  /** 1 on the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** The clock's time when the job was claimed. */
  readonly now: Date;
  /**
   * Runs `fn` in a transaction that also marks the job done: its writes happen exactly once.
   * If another runner took the job over meanwhile (lease expired), it rolls back and throws.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type JobHandler<P = unknown> = (job: JobContext<P>) => Promise<void>;

/** Thrown by a handler for a job that cannot succeed: it fails at once, without retries. */
export class PermanentJobError extends Error {}
export class JobLeaseLostError extends Error {}

export interface JobRunnerOptions {
  database: Database;
  clock?: Clock;
  logger?: Log;
  /** Poll interval (ms) while started. */
  pollMs?: number;
  /** Jobs claimed (and run concurrently) at a time. */
  batchSize?: number;
  /** How long a claim holds a job; a runner that dies frees it after this. */
  leaseMs?: number;
  /** Retry after retryBaseMs · 2^(attempt-1), at most retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
}

export interface RunSummary {
  done: number;
  retried: number;
  failed: number;
}

/**
 * Runs due jobs of the kinds registered with it. Claims with FOR UPDATE SKIP LOCKED and a lease,
 * so runners on several nodes never run one job at the same time; failures retry with
 * exponential back-off until max_attempts. Every time comes from the Clock.
 */
export class JobRunner {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #database: Database;
  readonly #o: Required<Omit<JobRunnerOptions, 'database'>>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;

  constructor(options: JobRunnerOptions) {
    this.#database = options.database;
    this.#o = {
      clock: options.clock ?? systemClock,
      logger: options.logger ?? silent,
      pollMs: options.pollMs ?? 1_000,
      batchSize: options.batchSize ?? 10,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      retryBaseMs: options.retryBaseMs ?? 30_000,
      retryMaxMs: options.retryMaxMs ?? 6 * 3600_000,
    };
  }

  register<P>(kind: string, handler: JobHandler<P>): this {
    if (this.#handlers.has(kind)) throw new Error(`a handler for job kind ${kind} is already registered`);
    this.#handlers.set(kind, handler as JobHandler);
    return this;
  }

  /** The delay before retry number `attempt` + 1. */
  backoffMs(attempt: number): number {
    return Math.min(this.#o.retryMaxMs, this.#o.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  }

  start(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => this.notify(), this.#o.pollMs);
    this.#timer.unref();
    this.notify();
  }

  /** Runs due jobs soon (e.g. after enqueueing one due now). No-op unless started. */
  notify(): void {
    if (!this.#timer || this.#running) return;
    this.#running = this.runDue()
      .catch((err) => this.#o.logger.error({ err }, 'job run failed'))
      .finally(() => {
        this.#running = null;
      });
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Runs every job due at the clock's time, batch after batch, until none is left. */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { done: 0, retried: 0, failed: 0 };
    for (let round = 0; round < 1000; round++) {
      const now = this.#o.clock.now();
      const until = new Date(now.getTime() + this.#o.leaseMs);
      const jobs = await claimJobs(this.#database.db, [...this.#handlers.keys()], now, until, this.#o.batchSize);
      if (jobs.length === 0) break;
      const results = await Promise.all(jobs.map((j) => this.#run(j, now)));
      for (const r of results) if (r) summary[r] += 1;
    }
    return summary;
  }

  async #run(job: JobRow, now: Date): Promise<keyof RunSummary | null> {
    const handler = this.#handlers.get(job.kind);
    let completed = false;
    const ctx: JobContext = {
      id: job.id,
      kind: job.kind,
      payload: job.payload,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      now,
      transaction: (fn) =>
        this.#database.transaction(async (tx) => {
          const result = await fn(tx);
          if (!(await completeJob(tx, job.id, job.attempts, this.#o.clock.now()))) {
            throw new JobLeaseLostError(`job ${job.id} was taken over by another runner`);
          }
          completed = true;
          return result;
        }),
    };
    try {
      if (!handler) throw new PermanentJobError(`no handler for job kind ${job.kind}`);
      await handler(ctx);
      if (!completed) await completeJob(this.#database.db, job.id, job.attempts, this.#o.clock.now());
      return 'done';
    } catch (err) {
      if (completed) {
        this.#o.logger.warn({ err, jobId: job.id }, 'job failed after its transaction committed; kept as done');
        return 'done';
      }
      if (err instanceof JobLeaseLostError) {
        this.#o.logger.warn({ jobId: job.id }, 'job lease lost; its transaction was rolled back');
        return null;
      }
      const permanent = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
      const at = this.#o.clock.now();
      const retryAt = permanent ? null : new Date(at.getTime() + this.backoffMs(job.attempts));
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      await failJob(this.#database.db, job.id, job.attempts, message.slice(0, 2000), at, retryAt);
      this.#o.logger.warn({ err, jobId: job.id, kind: job.kind, attempt: job.attempts, retryAt }, 'job failed');
      return permanent ? 'failed' : 'retried';
    }
  }
}

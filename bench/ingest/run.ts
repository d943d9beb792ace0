import { sql } from 'kysely';
import type { BenchDatabase } from '../lib/database.ts';
import { type SyntheticSet, systemViewer } from '../lib/intel-synthetic.ts';
import type { QueryTimer } from '../lib/query-timer.ts';
import type { RunningApp } from '../lib/server.ts';
import { perSecond, seconds } from './report.ts';
import type { Agencies, AutoAnalyze } from './setup.ts';

/** bench/ingest's figure: the reports through the app's intel service, timed (see index.ts). */

export type Rows = ReturnType<QueryTimer['rows']>;

export interface Ingest {
  ms: number;
  drainMs: number;
  /** Statement totals after the first tenth of the reports, before the last tenth, at the end. */
  phases: { firstEnd?: Rows; lastStart?: Rows; lastEnd?: Rows };
  tenth: number;
  /** Per submission: of one report (--batch 0) or of one batch. */
  latencies: number[];
  /** Hit-alert and watch-alert events the dispatcher published after the last submission. */
  drained: number;
}

/**
 * Submits every synthetic report, in order, through the app's intel service: in batches of
 * `batch` reports (ReportsService.submitBatch, as `cordon import` does) or, with batch 0, one by
 * one (ReportsService.submit, as the API does), `concurrency` submissions at a time.
 */
export async function ingest(
  database: BenchDatabase['database'],
  running: RunningApp,
  set: SyntheticSet,
  agencies: Agencies,
  o: { batch: number; concurrency: number; perReport: number },
  analyze: AutoAnalyze | null,
  timer: QueryTimer | null,
): Promise<Ingest> {
  const { intel } = running.app.features;
  const { events } = running;
  const viewers = agencies.map(systemViewer);
  const size = Math.max(1, o.batch);
  const units = Math.ceil(set.reports.length / size);
  const latencies = new Array<number>(units);
  const phases: Ingest['phases'] = {};
  const tenth = Math.max(1, Math.ceil(set.reports.length / 10));
  let next = 0;
  let done = 0;
  let lastMark = performance.now();
  let lastDone = 0;
  const t0 = lastMark;
  const progress = (before: number) => {
    if (timer && before < tenth && done >= tenth) phases.firstEnd = timer.rows();
    if (timer && before < set.reports.length - tenth && done >= set.reports.length - tenth)
      phases.lastStart = timer.rows();
    if (Math.floor(done / tenth) > Math.floor(before / tenth) || done === set.reports.length) {
      const now = performance.now();
      const n = done - lastDone;
      console.log(
        `  ${String(done).padStart(7)} reports  ${seconds(now - t0).padStart(8)} s  ` +
          `last ${n}: ${perSecond(n * o.perReport, now - lastMark)} selectors/s`,
      );
      lastMark = now;
      lastDone = done;
    }
  };
  const worker = async () => {
    for (;;) {
      const u = next++;
      if (u >= units) return;
      const slice = set.reports.slice(u * size, (u + 1) * size);
      const s = performance.now();
      if (o.batch === 0) {
        const r = slice[0]!;
        const report = await intel.reports.submit(viewers[r.agency]!, r.input);
        if (report.counts.selectors !== r.ids.length) {
          throw new Error(`report ${u} stored ${report.counts.selectors} of ${r.ids.length} selectors`);
        }
      } else {
        const outcomes = await intel.reports.submitBatch(
          slice.map((r) => ({ viewer: viewers[r.agency]!, input: r.input })),
          { requestId: `bench-batch-${u}` },
        );
        for (const [i, out] of outcomes.entries()) {
          if (!out.ok) throw new Error(`report ${u * size + i} refused: ${out.error.message}`);
          if (out.entities !== slice[i]!.ids.length) {
            throw new Error(`report ${u * size + i} stored ${out.entities} of ${slice[i]!.ids.length} selectors`);
          }
        }
      }
      latencies[u] = performance.now() - s;
      analyze?.rowsAdded(slice.reduce((n, r) => n + r.ids.length, 0));
      const before = done;
      done += slice.length;
      progress(before);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const t1 = performance.now();
  await analyze?.settle();
  if (timer) phases.lastEnd = timer.rows();
  // The dispatcher keeps publishing alerts after the last submission: wait for the outbox to
  // drain (printed, not part of the figure), allowing 120 s plus 20 ms an event (the dispatcher
  // publishes a few hundred events a second on a quiet machine, fewer on a busy one).
  const pending = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from outbox where published_at is null`.execute(database.db))
      .rows[0]?.n ?? 0;
  const drained = await pending();
  const limit = 120_000 + 20 * drained;
  for (;;) {
    if ((await pending()) === 0) break;
    if (performance.now() - t1 > limit) throw new Error(`the outbox did not drain within ${seconds(limit)} s`);
    events.notify();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ms: t1 - t0, drainMs: performance.now() - t1, latencies, phases, tenth, drained };
}

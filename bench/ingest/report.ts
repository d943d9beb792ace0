import type { RawBuilder } from 'kysely';
import type { BenchDatabase } from '../lib/database.ts';
import type { QueryTimer } from '../lib/query-timer.ts';
import { round } from '../lib/report.ts';
import type { Ingest, Rows } from './run.ts';

/** bench/ingest's printing: seconds, rates, percentiles, the statement breakdown. */

export const seconds = (ms: number) => (ms / 1000).toFixed(2);
export const perSecond = (n: number, ms: number) => round((n * 1000) / ms);

/** Nearest-rank percentile of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function printBreakdown(timer: QueryTimer, reports: number, run: Ingest): void {
  const ingestMs = run.ms;
  const rows = timer.rows();
  const msOf = (rs: Rows | undefined, label: string) => rs?.find((r) => r.label === label)?.ms ?? 0;
  const { firstEnd, lastStart, lastEnd } = run.phases;
  const perReport = (label: string, from: Rows | undefined, to: Rows | undefined) =>
    ((msOf(to, label) - msOf(from, label)) / run.tenth).toFixed(2).padStart(9);
  const n = rows.reduce((a, r) => a + r.count, 0);
  const ms = rows.reduce((a, r) => a + r.ms, 0);
  console.log(
    `breakdown: ${n} statements (${(n / reports).toFixed(1)} per report), ${seconds(ms)} s in statements ` +
      `(${Math.round((100 * ms) / ingestMs)} % of the ingest; the rest is BEGIN/COMMIT, JavaScript and waiting)`,
  );
  console.log(
    '  statement                                      count  per report   total s   ms/stmt  % of ingest' +
      '   ms/report: first 10 %  last 10 %',
  );
  for (const r of rows.slice(0, 25)) {
    console.log(
      `  ${r.label.padEnd(44)} ${String(r.count).padStart(8)} ${(r.count / reports).toFixed(2).padStart(11)} ` +
        `${seconds(r.ms).padStart(9)} ${(r.ms / r.count).toFixed(3).padStart(9)} ${((100 * r.ms) / ingestMs).toFixed(1).padStart(12)}` +
        `   ${perReport(r.label, undefined, firstEnd).padStart(20)} ${perReport(r.label, lastStart, lastEnd)}`,
    );
  }
}

export async function count(database: BenchDatabase['database'], query: RawBuilder<{ n: number }>) {
  const r = await query.execute(database.db);
  return r.rows[0]?.n ?? 0;
}

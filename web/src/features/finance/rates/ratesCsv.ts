import type { RateRow } from '@cordon/contracts';

/**
 * Reads a rates CSV: a header naming currency (or token), valid_from (or date) and usd (or
 * rate); one rate a row. Lines it cannot read are returned by line number; the server checks
 * the values.
 */
export function parseRatesCsv(text: string): { rows: RateRow[]; bad: number[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = (lines[0] ?? '').split(',').map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, ''),
  );
  const col = (...names: string[]) => head.findIndex((h) => names.includes(h));
  const [c, d, u] = [
    col('currency', 'token', 'asset'),
    col('validfrom', 'date', 'from'),
    col('usd', 'rate', 'usdrate'),
  ];
  const rows: RateRow[] = [];
  const bad: number[] = [];
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return;
    const f = line.split(',').map((x) => x.trim());
    const currency = f[c] ?? '';
    const validFrom = f[d] ?? '';
    const usd = f[u] ?? '';
    if (c < 0 || d < 0 || u < 0 || !currency || !/^\d{4}-\d{2}-\d{2}$/.test(validFrom) || !usd) bad.push(i + 2);
    else rows.push({ currency: currency.toUpperCase(), validFrom, usd });
  });
  return { rows, bad };
}

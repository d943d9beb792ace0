import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AccountInput, NewTransaction } from '@cordon/contracts';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { ImportError } from '../../intel/bulk/error-report.ts';

/**
 * Reads a transaction file into API rows: a CSV (loss reports, bank STR files) or a blockchain
 * transfer export (CSV or JSON: hash, from, to, amount, token, time). Column names are matched
 * without case, spaces or dashes; unknown columns are ignored. Rows are numbered from 1 after the
 * header (JSON: from 1 in array order); a row that cannot become a transaction is reported.
 *
 * Columns: row_key | source_key; hash | tx_hash | txid; log_index; from | from_value, from_type,
 * from_country, from_bank, from_chain, from_provider; the same for to; amount | value; currency |
 * token | asset; time | timestamp | occurred_at | date (ISO 8601 or Unix seconds); victim_ref;
 * victim_country; case_ref; chain (default chain of both wallets).
 */
export interface ParsedRows {
  rows: { row: number; tx: NewTransaction }[];
  errors: ImportError[];
}

const normed = new Map<string, string>();
/** A column name without case, spaces, underscores or dashes (the same few names on every row: kept). */
const norm = (k: string) => {
  let n = normed.get(k);
  if (n === undefined) {
    n = k.toLowerCase().replace(/[\s_-]/g, '');
    if (normed.size < 10_000) normed.set(k, n);
  }
  return n;
};
const ALIASES: Record<string, string[]> = {
  rowKey: ['rowkey', 'sourcekey'],
  hash: ['hash', 'txhash', 'txid', 'transactionhash'],
  logIndex: ['logindex', 'index'],
  amount: ['amount', 'value'],
  currency: ['currency', 'token', 'asset', 'symbol'],
  time: ['time', 'timestamp', 'occurredat', 'date', 'blocktime'],
  victimRef: ['victimref', 'victim'],
  victimCountry: ['victimcountry'],
  caseRef: ['caseref', 'case'],
  chain: ['chain', 'network'],
};
const SIDE = ['value', 'type', 'country', 'bank', 'chain', 'provider'] as const;

function pick(rec: Record<string, unknown>, names: string[]): string | undefined {
  for (const n of names) {
    const v = rec[n];
    if (v === undefined || v === null) continue;
    const t = (typeof v === 'string' ? v : String(v)).trim();
    if (t !== '') return t;
  }
  return undefined;
}

/** The type of an account value when the file does not say: wallets by shape, IBANs by shape. */
function guessType(value: string): AccountInput['type'] {
  if (
    /^(0x[0-9a-f]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|41[0-9a-f]{40}|bc1[0-9a-z]{8,87}|[13][1-9A-HJ-NP-Za-km-z]{25,34})$/i.test(
      value,
    )
  )
    return 'crypto';
  if (/^[A-Z]{2}\d{2}[A-Z0-9 ]{10,32}$/i.test(value)) return 'iban';
  return 'bank-account';
}

function side(rec: Record<string, unknown>, prefix: 'from' | 'to', chain: string | undefined): AccountInput | null {
  const get = (k: (typeof SIDE)[number]) =>
    pick(rec, k === 'value' ? [prefix, `${prefix}value`, `${prefix}address`, `${prefix}account`] : [`${prefix}${k}`]);
  const value = get('value');
  if (!value) return null;
  const type = (get('type') as AccountInput['type'] | undefined) ?? guessType(value);
  const out: AccountInput = { type, value };
  for (const k of ['country', 'bank', 'provider'] as const) {
    const v = get(k);
    if (v) out[k] = v;
  }
  const c = get('chain') ?? chain;
  if (c && type === 'crypto') out.chain = c.toLowerCase();
  return out;
}

function time(v: string | undefined): string | null {
  if (!v) return null;
  if (/^\d{9,10}$/.test(v)) return new Date(Number(v) * 1000).toISOString();
  if (/^\d{12,13}$/.test(v)) return new Date(Number(v)).toISOString();
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function toTransaction(
  raw: Record<string, unknown>,
  row: number,
): { tx?: NewTransaction; errors: ImportError[] } {
  const rec: Record<string, unknown> = {};
  for (const k in raw) if (Object.hasOwn(raw, k)) rec[norm(k)] = raw[k];
  const errors: ImportError[] = [];
  const get = (k: keyof typeof ALIASES) => pick(rec, ALIASES[k]!);
  const chain = get('chain');
  const to = side(rec, 'to', chain);
  if (!to) errors.push({ row, field: 'to', message: 'the receiving account is missing' });
  const amount = get('amount');
  if (!amount) errors.push({ row, field: 'amount', message: 'missing' });
  const currency = get('currency');
  if (!currency) errors.push({ row, field: 'currency', message: 'missing' });
  const at = time(get('time'));
  if (!at) errors.push({ row, field: 'time', message: 'missing or not a date (ISO 8601 or Unix seconds)' });
  if (errors.length > 0 || !to || !amount || !currency || !at) return { errors };
  const hash = get('hash');
  const logIndex = get('logIndex');
  const rowKey = get('rowKey');
  const from = side(rec, 'from', chain);
  const tx: NewTransaction = {
    to,
    ...(from ? { from } : {}),
    amount,
    currency,
    occurredAt: at,
    ...(hash ? { txHash: hash } : {}),
    ...(rowKey ? { sourceKey: rowKey } : hash && logIndex ? { sourceKey: `tx:${hash.toLowerCase()}:${logIndex}` } : {}),
  };
  for (const k of ['victimRef', 'victimCountry', 'caseRef'] as const) {
    const v = get(k);
    if (v) (tx as Record<string, unknown>)[k] = k === 'victimCountry' ? v.toUpperCase() : v;
  }
  return { tx, errors };
}

const CSV_OPTIONS = { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true } as const;

/** One row of a file read as a stream: the transaction, or the row's errors. */
export interface FileRow {
  row: number;
  tx?: NewTransaction;
  errors: ImportError[];
}

/**
 * Reads a transaction file row by row without holding it in memory (CSV streams; JSON is read
 * whole, as a JSON array must be). A file that cannot be read at all yields one row-0 error.
 */
export async function* readTransactionFile(file: string, format: 'csv' | 'json'): AsyncGenerator<FileRow> {
  if (format === 'json') {
    const parsed = parseTransactionFile(await readFile(file, 'utf8'), 'json');
    const byRow = new Map<number, ImportError[]>();
    for (const e of parsed.errors) byRow.set(Number(e.row), [...(byRow.get(Number(e.row)) ?? []), e]);
    const rows: FileRow[] = [
      ...parsed.rows.map((r) => ({ row: r.row, tx: r.tx, errors: [] })),
      ...[...byRow].map(([row, errors]) => ({ row, errors })),
    ];
    yield* rows.sort((a, b) => a.row - b.row);
    return;
  }
  let row = 0;
  try {
    for await (const rec of createReadStream(file).pipe(parseStream(CSV_OPTIONS))) {
      row++;
      const r = toTransaction(rec as Record<string, unknown>, row);
      yield r.tx ? { row, tx: r.tx, errors: r.errors } : { row, errors: r.errors };
    }
  } catch (e) {
    yield { row: 0, errors: [{ row: 0, field: 'file', message: `CSV: ${(e as Error).message}` }] };
  }
}

export function parseTransactionFile(text: string, format: 'csv' | 'json'): ParsedRows {
  const out: ParsedRows = { rows: [], errors: [] };
  let records: Record<string, unknown>[];
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      out.errors.push({ row: 0, field: 'file', message: `not JSON: ${(e as Error).message}` });
      return out;
    }
    const list = Array.isArray(data)
      ? data
      : ((data as { transfers?: unknown; data?: unknown })?.transfers ?? (data as { data?: unknown })?.data);
    if (!Array.isArray(list)) {
      out.errors.push({ row: 0, field: 'file', message: 'expected an array of transfers (or {"transfers": [...]})' });
      return out;
    }
    records = list.map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {}));
  } else {
    try {
      records = parse(text, CSV_OPTIONS);
    } catch (e) {
      out.errors.push({ row: 0, field: 'file', message: `CSV: ${(e as Error).message}` });
      return out;
    }
  }
  records.forEach((rec, i) => {
    const r = toTransaction(rec, i + 1);
    out.errors.push(...r.errors);
    if (r.tx) out.rows.push({ row: i + 1, tx: r.tx });
  });
  return out;
}

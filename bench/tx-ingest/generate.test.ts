import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTransactionFile } from '../../server/src/features/finance/import/tx-file.ts';
import { prepareTransaction } from '../../server/src/features/finance/transactions.ts';
import { CSV_HEADER, csvChunks, firstLines, writeCsv } from './generate.ts';
import { ingestOptions } from './options.ts';

const file = (rows: number, badEvery: number, seed = 3) =>
  `${CSV_HEADER}\n${[...csvChunks({ rows, accounts: 400, seed, badEvery }, 250)].join('')}`;

describe('bench/tx-ingest data', () => {
  it('writes chain transfers and bank rows the import reads, with exactly the bad rows asked for', () => {
    const parsed = parseTransactionFile(file(3000, 100), 'csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toHaveLength(3000);
    const refused = parsed.rows.filter((r) => !prepareTransaction(r.tx).ok).map((r) => r.row);
    expect(refused).toEqual(Array.from({ length: 30 }, (_, i) => (i + 1) * 100));
    const kinds = new Map<string, number>();
    for (const r of parsed.rows) {
      const k = `${r.tx.currency}:${r.tx.to.chain ?? r.tx.to.type}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    // About 60% TRON USDT, 15% Ethereum USDT, 5% ETH, 20% bank rows in EUR.
    expect(kinds.get('USDT:tron')).toBeGreaterThan(1600);
    expect(kinds.get('USDT:ethereum')).toBeGreaterThan(300);
    expect(kinds.get('ETH:ethereum')).toBeGreaterThan(60);
    expect(kinds.get('EUR:iban')).toBeGreaterThan(450);
    expect(parsed.rows.some((r) => r.tx.victimRef && r.tx.victimCountry)).toBe(true);
    // Every good row has its own idempotency key.
    const keys = parsed.rows.flatMap((r) => {
      const p = prepareTransaction(r.tx);
      return p.ok ? [p.tx.sourceKey] : [];
    });
    expect(new Set(keys).size).toBe(2970);
  });

  it('is deterministic from the seed', () => {
    expect(file(500, 0)).toBe(file(500, 0));
    expect(file(500, 0, 4)).not.toBe(file(500, 0));
  });

  it('reads its options with the shared parser', () => {
    expect(ingestOptions(['--rows', '2000', '--batch', '100', '--driver', 'pglite'])).toMatchObject({
      rows: 2000,
      batch: 100,
      driver: 'pglite',
      accounts: 1_000_000,
      badEvery: 1000,
    });
    expect(ingestOptions([]).rows).toBe(10_000_000);
  });

  it('takes the first lines of a file (the re-import check), across read chunks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tx-ingest-'));
    try {
      const path = join(dir, 'f.csv');
      await writeCsv(path, { rows: 3000, accounts: 400, seed: 5, badEvery: 0 });
      const lines = (await readFile(path, 'utf8')).split('\n');
      for (const n of [1, 2, 500, 1001, 3001]) {
        expect(await firstLines(path, n)).toBe(`${lines.slice(0, n).join('\n')}\n`);
      }
      // More lines than the file has: the whole file.
      expect(await firstLines(path, 5000)).toBe(lines.join('\n'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

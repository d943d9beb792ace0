import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Region } from '@cordon/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.ts';
import { drivers } from '../../../../test/db.ts';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import { germanIban, tronHex } from '../synthetic.ts';
import { prepareTransaction } from '../transactions.ts';
import { parseTransactionFile } from './tx-file.ts';
import { importTransactions } from './tx-import.ts';

const GREEN = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' } as const;
const sink = () => {
  const lines: string[] = [];
  const write = (c: unknown, _e: BufferEncoding, cb: () => void) => {
    lines.push(String(c));
    cb();
  };
  return Object.assign(new Writable({ write }), { lines });
};

const CHAIN_CSV = [
  'hash,from,to,amount,token,time,log_index',
  ...Array.from(
    { length: 25 },
    (_, i) => `0xabc${i},${tronHex(`f${i}`)},${tronHex('collector')},${100 + i}.5,USDT,${1_767_225_600 + i * 60},0`,
  ),
  `0xbad1,${tronHex('a')},T-not-an-address,10,USDT,1767225600,0`,
  `0xbad2,${tronHex('a')},${tronHex('b')},1.1234567,USDT,1767225600,0`,
  `0xbad3,${tronHex('a')},${tronHex('b')},-3,USDT,1767225600,0`,
  `0xbad4,${tronHex('a')},${tronHex('b')},3,XYZ,1767225600,0`,
  `0xbad5,${tronHex('a')},${tronHex('b')},3,USDT,yesterday,0`,
].join('\n');

describe('transaction files', () => {
  it('reads chain exports, loss-report CSV and JSON, reporting rows it cannot read', () => {
    const csv = parseTransactionFile(CHAIN_CSV, 'csv');
    expect(csv.rows).toHaveLength(29);
    expect(csv.rows[0]?.tx).toMatchObject({
      currency: 'USDT',
      txHash: '0xabc0',
      sourceKey: 'tx:0xabc0:0',
      to: { type: 'crypto' },
    });
    expect(csv.errors).toEqual([
      { row: 30, field: 'time', message: 'missing or not a date (ISO 8601 or Unix seconds)' },
    ]);
    const loss = parseTransactionFile(
      `Row Key,Victim Ref,Victim Country,To Value,To Type,Amount,Currency,Occurred At\nLR-1,V-1,ke,${germanIban('x')},iban,250.00,EUR,2026-05-01T10:00:00Z\n`,
      'csv',
    );
    expect(loss.rows[0]?.tx).toMatchObject({
      sourceKey: 'LR-1',
      victimRef: 'V-1',
      victimCountry: 'KE',
      to: { type: 'iban' },
    });
    const json = parseTransactionFile(
      JSON.stringify({
        transfers: [
          {
            hash: '0x1',
            from: tronHex('a'),
            to: tronHex('b'),
            amount: '5',
            token: 'USDT',
            time: '2026-01-01T00:00:00Z',
          },
          { hash: '0x2' },
        ],
      }),
      'json',
    );
    expect(json.rows).toHaveLength(1);
    expect(json.errors.map((e) => e.field)).toEqual(['to', 'amount', 'currency', 'time']);
  });
});

describe('transaction rows', () => {
  it('refuses a date the database cannot hold (a cut Unix time reads as year 17691) with its field', () => {
    const file = parseTransactionFile(
      `hash,from,to,amount,token,time\n0x1,${tronHex('a')},${tronHex('b')},5,USDT,17691\n`,
      'csv',
    );
    const row = file.rows[0]?.tx;
    expect(row).toBeDefined();
    const p = prepareTransaction(row as NonNullable<typeof row>);
    expect(p).toMatchObject({ ok: false, errors: [{ field: 'occurredAt' }] });
  });
});

describe.each(drivers)('transaction import on %s', (driver) => {
  const t = useTestApp(driver);

  it('stores each row once across an interrupted run and a re-run, with a progress bar and an error report', async () => {
    const agency = await t().newAgency({ country: 'TH' });
    const viewer: Viewer = {
      kind: 'user',
      userId: null,
      tokenId: null,
      agencyId: agency.id,
      country: 'TH',
      region: agency.region as Region,
      roles: ['finance'],
      scopes: null,
    };
    const dir = await mkdtemp(join(tmpdir(), 'fin-import-'));
    const file = join(dir, 'chain.csv');
    await writeFile(file, CHAIN_CSV);
    const finance = t().app.features.finance;
    let calls = 0;
    // The first run dies after its first batch of 10 (as a kill -9 would, between two commits).
    const dying = async (batch: Parameters<typeof finance.transactions.record>[1]) => {
      if (++calls === 2) throw new Error('killed');
      return finance.transactions.record(viewer, batch);
    };
    await expect(
      importTransactions({ record: dying, out: sink() }, { file, source: 'chain', marking: GREEN, batchSize: 10 }),
    ).rejects.toThrow('killed');
    const count = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from fin_transactions where owner_agency_id = ${agency.id}`.execute(t().database())
      ).rows[0]?.n;
    expect(await count()).toBe(10);

    const out = sink();
    const errorsFile = join(dir, 'errors.csv');
    const s = await importTransactions(
      { record: (b) => finance.transactions.record(viewer, b), out },
      { file, source: 'chain', marking: GREEN, batchSize: 10, errorsFile },
    );
    expect(s).toMatchObject({ rows: 30, created: 15, existing: 10 });
    expect(s.errors.map((e) => [e.row, e.field])).toEqual([
      [26, 'to.value'],
      [27, 'amount'],
      [28, 'amount'],
      [29, 'currency'],
      [30, 'time'],
    ]);
    expect(await count()).toBe(25);
    expect(out.lines.join('')).toMatch(/30\/30 transactions · created 15 · already present 10 · failed 5/);
    expect((await readFile(errorsFile, 'utf8')).split('\n')[0]).toBe('row,field,message');
    const again = await importTransactions(
      { record: (b) => finance.transactions.record(viewer, b), out: sink() },
      { file, source: 'chain', marking: GREEN },
    );
    expect(again).toMatchObject({ created: 0, existing: 25 });
    expect(await count()).toBe(25);
  });
});

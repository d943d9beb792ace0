import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db/database.ts';

const run = promisify(execFile);
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const APT1 = fileURLToPath(
  new URL('../../../../shared/reference/stix2.1/examples/threat-reports/apt1.json', import.meta.url),
);
const AS = 'analyst@th.cordon.example';
const HEADER =
  'report_ref,report_title,tlp,pap,grade,mo_tags,entity_type,entity_ref,selector_kind,value,country,names,role,related_to,relationship';

/** `cordon import` as a user runs it: a real process on an embedded database with the demo world. */
describe('cordon import (embedded database)', () => {
  let dir = '';
  const env = () => ({ ...process.env, CORDON_DATA_DIR: join(dir, 'data') });
  const cordon = async (...args: string[]) => {
    try {
      const r = await run(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: env() });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  const storedWith = async (prefix: string) => {
    const database = await openDatabase({ driver: 'pglite', dataDir: join(dir, 'data', 'pgdata') });
    try {
      const r = await sql<{ n: number; d: number }>`
        select count(*)::int as n, count(distinct source_ref)::int as d from reports where source_ref like ${`${prefix}%`}`.execute(
        database.db,
      );
      return r.rows[0]!;
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cordon-import-'));
    const seed = await cordon('seed');
    expect(seed.out, seed.err).toMatch(/demo world loaded/);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a CSV, lists bad rows with their reasons, and counts a second run as already present', async () => {
    const file = join(dir, 'intel.csv');
    await writeFile(
      file,
      [
        HEADER,
        'R1,Recruiters for KK Park,AMBER,GREEN,B2,social-media-job-ads,person,p1,,,,Somchai Test,recruiter,s1,uses',
        'R1,,,,,,selector,s1,phone,081 234 5670,,,,,',
        'R1,,,,,,selector,s2,email,not-an-email,,,,,',
        'R2,Wallets,GREEN,GREEN,C3,crypto-fraud,selector,w1,crypto,0x52908400098527886E0F7030069857D2E4169EE7,,,,,',
        'R3,Only bad,GREEN,GREEN,Z9,,selector,x,domain,scam-jobs.com,,,,,',
      ].join('\n'),
    );
    const dry = await cordon('import', file, '--as', AS, '--dry-run');
    expect(dry.out).toMatch(/would submit 2 report\(s\), failed 0; 2 error\(s\)/);
    expect(dry.code).toBe(1);
    expect(await storedWith('csv:')).toEqual({ n: 0, d: 0 });

    const errors = join(dir, 'errors.csv');
    const first = await cordon('import', file, '--as', AS, '--errors', errors);
    expect(first.out).toMatch(/created 2, already present 0, failed 0; 2 error\(s\)/);
    expect(first.code).toBe(1);
    expect((await readFile(errors, 'utf8')).trim().split('\n')).toEqual([
      'row,field,message',
      "4,value,not an e-mail address (no '@')",
      `6,grade,"'Z9' is not an Admiralty grade (A–F then 1–6, e.g. B2)"`,
    ]);
    const second = await cordon('import', file, '--as', AS);
    expect(second.out).toMatch(/created 0, already present 2, failed 0/);
    expect(second.err).toMatch(/^row,field,message\n4,value,/);
    expect(await storedWith('csv:')).toEqual({ n: 2, d: 2 });
  }, 120_000);

  it('stores each report once when an import killed half-way (kill -9) is run again', async () => {
    const file = join(dir, 'many.csv');
    const rows = [HEADER];
    for (let i = 0; i < 60; i++)
      rows.push(`K${i},Batch report ${i},GREEN,GREEN,B2,,selector,s,ip,198.51.100.${i + 1},,,,,`);
    await writeFile(file, rows.join('\n'));
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'import', file, '--as', AS], { env: env() });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(\d+)\/60 reports/g;
        const done = Math.max(0, ...[...out.matchAll(m)].map((x) => Number(x[1])));
        if (done >= 12 && done < 60) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => resolve());
      child.on('error', reject);
    });
    const half = await storedWith('csv:');
    expect(half.n - 2, 'killed half-way').toBeGreaterThan(0);
    expect(half.n - 2, 'killed half-way').toBeLessThan(60);
    const again = await cordon('import', file, '--as', AS);
    expect(again.code, again.err).toBe(0);
    const m = /created (\d+), already present (\d+), failed 0; 0 error/.exec(again.out);
    expect(m, again.out).not.toBeNull();
    expect(Number(m![1]) + Number(m![2])).toBe(60);
    expect(Number(m![2])).toBeGreaterThanOrEqual(half.n - 2);
    expect(await storedWith('csv:')).toEqual({ n: 62, d: 62 });
  }, 120_000);

  it('imports a STIX bundle once and itemises what has no Cordon equivalent', async () => {
    const errors = join(dir, 'stix-errors.csv');
    const first = await cordon('import', APT1, '--as', AS, '--errors', errors);
    expect(first.out).toMatch(/\(stix\): submitted 1 report\(s\) — created 1, already present 0, failed 0; \d+ error/);
    expect(await readFile(errors, 'utf8')).toMatch(
      /\nattack-pattern--[0-9a-f-]+,attack-pattern,type attack-pattern has no Cordon equivalent\n/,
    );
    const second = await cordon('import', APT1, '--as', AS, '--format', 'stix');
    expect(second.out).toMatch(/created 0, already present 1/);
    expect(await storedWith('report--e33ffe07')).toEqual({ n: 1, d: 1 });
  }, 120_000);
});

import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NewReport, Report } from '@cordon/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/http/errors.ts';
import { errorsCsv, Progress } from './error-report.ts';
import { BULK_SIZE, detectFormat, type ImportDeps, runImport } from './import-run.ts';

const defaultMarking = {
  tlp: 'AMBER',
  audience: { kind: 'all' },
  pap: 'AMBER',
  reliability: 'F',
  credibility: '6',
} as const;
const HEADER = 'report_ref,report_title,tlp,pap,grade,entity_type,entity_ref,selector_kind,value';

class Sink extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer, _e: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** A fake intel service: stores by sourceRef, refuses what `refuse` says, reports old ones as old. */
function fakeService(refuse: (input: NewReport) => Error | undefined = () => undefined) {
  const stored = new Map<string, Report>();
  const submitted: NewReport[] = [];
  const deps: ImportDeps & { out: Sink; err: Sink } = {
    out: new Sink(),
    err: new Sink(),
    async submit(input) {
      submitted.push(input);
      const e = refuse(input);
      if (e) throw e;
      const seen = stored.get(input.sourceRef!);
      if (seen) return { ...seen, createdAt: '2000-01-01T00:00:00.000Z' };
      const r = { createdAt: new Date().toISOString() } as Report;
      stored.set(input.sourceRef!, r);
      return r;
    },
  };
  return { deps, stored, submitted };
}

describe('runImport', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cordon-run-'));
  });
  const file = async (name: string, text: string) => {
    const p = join(dir, name);
    await writeFile(p, text);
    return p;
  };

  it('submits each report, counts created and already present, and reports bad rows', async () => {
    const path = await file(
      'a.csv',
      `${HEADER}\nR1,First,GREEN,GREEN,B2,selector,s1,domain,jobs-a.com\nR2,Second,GREEN,GREEN,B2,selector,s1,domain,jobs-b.com\nR2,,,,,selector,s2,email,nope\n`,
    );
    const { deps, stored } = fakeService();
    const one = await runImport(deps, { file: path, defaultMarking });
    expect(one).toMatchObject({ format: 'csv', reports: 2, created: 2, present: 0, failed: 0 });
    expect(one.errors).toEqual([{ row: 4, field: 'value', message: "not an e-mail address (no '@')" }]);
    expect(deps.err.text).toBe("row,field,message\n4,value,not an e-mail address (no '@')\n");
    expect(deps.out.text).toMatch(/^0\/2 reports[\s\S]*\n2\/2 reports · created 2/);
    const two = await runImport(deps, { file: path, defaultMarking });
    expect(two).toMatchObject({ created: 0, present: 2 });
    expect(stored.size).toBe(2);
  });

  it('places the service’s field errors on the rows they came from', async () => {
    const path = await file(
      'b.csv',
      `${HEADER}\nR1,First,GREEN,GREEN,B2,selector,s1,domain,jobs-a.com\nR1,,,,,selector,s2,domain,jobs-b.com\nR2,Other,GREEN,GREEN,B2,selector,s1,domain,jobs-c.com\n`,
    );
    const { deps } = fakeService((input) =>
      input.title === 'First'
        ? new ValidationError([{ field: 'selectors.1.value', message: 'no such thing' }])
        : new Error('database went away'),
    );
    const r = await runImport(deps, { file: path, defaultMarking, errorsFile: join(dir, 'b-errors.csv') });
    expect(r).toMatchObject({ created: 0, failed: 2 });
    expect(r.errors).toEqual([
      { row: 3, field: 'selectors.1.value', message: 'selectors.1.value: no such thing (report not stored)' },
      { row: 4, field: '', message: 'database went away (report not stored)' },
    ]);
    expect(await readFile(join(dir, 'b-errors.csv'), 'utf8')).toMatch(/^row,field,message\n3,selectors\.1\.value,/);
  });

  it('submits a big file in bulk batches, with the same counts and errors placed on their rows', async () => {
    const rows = Array.from(
      { length: BULK_SIZE + 20 },
      (_, i) => `R${i},Report ${i},GREEN,GREEN,B2,selector,s1,domain,jobs-${i}.com`,
    );
    const path = await file('big.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const { deps, stored } = fakeService();
    const batches: number[] = [];
    deps.submitBatch = async (inputs) => {
      batches.push(inputs.length);
      return inputs.map((input, k) => {
        if (input.title === 'Report 7') {
          return { ok: false, error: new ValidationError([{ field: 'selectors.0.value', message: 'refused' }]) };
        }
        const seen = stored.has(input.sourceRef!);
        stored.set(input.sourceRef!, {} as Report);
        return { ok: true, reportId: `id-${k}`, created: !seen, entities: 1, hits: 0 };
      });
    };
    const one = await runImport(deps, { file: path, defaultMarking });
    // At least ten batches: 520 reports go in ten batches of 52.
    expect(batches).toEqual(Array.from({ length: 10 }, () => 52));
    expect(one).toMatchObject({ reports: BULK_SIZE + 20, created: BULK_SIZE + 19, present: 0, failed: 1 });
    expect(one.errors).toEqual([
      { row: 9, field: 'selectors.0.value', message: 'selectors.0.value: refused (report not stored)' },
    ]);
    const two = await runImport(deps, { file: path, defaultMarking });
    expect(two).toMatchObject({ created: 0, present: BULK_SIZE + 19, failed: 1 });
  });

  it('dry-runs without submitting, and reads STIX (by content) with itemised errors', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--00000000-0000-4000-8000-000000000001',
      objects: [
        { type: 'domain-name', id: 'domain-name--00000000-0000-4000-8000-000000000002', value: 'jobs-a.com' },
        { type: 'malware', id: 'malware--00000000-0000-4000-8000-000000000003', name: 'x', is_family: true },
      ],
    };
    const path = await file('bundle.data', JSON.stringify(bundle));
    const { deps, submitted } = fakeService();
    const r = await runImport(deps, { file: path, dryRun: true, defaultMarking });
    expect(r).toMatchObject({ format: 'stix', reports: 1, created: 0 });
    expect(submitted).toEqual([]);
    expect(r.errors).toEqual([
      {
        row: 'malware--00000000-0000-4000-8000-000000000003',
        field: 'malware',
        message: 'type malware has no Cordon equivalent',
      },
    ]);
    expect(deps.out.text).toMatch(/would submit 1 report/);
    const junk = await runImport(fakeService().deps, { file: await file('junk.json', '{ nope'), defaultMarking });
    expect(junk.errors[0]?.message).toMatch(/^not JSON/);
  });

  it('detects the format from the option, the extension, then the content', async () => {
    expect(await detectFormat('x.csv')).toBe('csv');
    expect(await detectFormat('x.JSON')).toBe('stix');
    expect(await detectFormat('x.json', 'csv')).toBe('csv');
    await expect(detectFormat('x.csv', 'xml')).rejects.toThrow(/unknown format/);
    expect(await detectFormat(await file('bom', '\uFEFF  {"type":"bundle"}'))).toBe('stix');
    expect(await detectFormat(await file('plain', 'report_ref,entity_type\n'))).toBe('csv');
  });
});

describe('error report and progress', () => {
  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(
      errorsCsv([
        { row: 2, field: 'value', message: 'a, "b"' },
        { row: 3, field: '', message: '=cmd()' },
      ]),
    ).toBe('row,field,message\n2,value,"a, ""b"""\n3,,"=cmd()"\n');
  });

  it('redraws one line on a terminal and prints every tenth otherwise', () => {
    const tty = new Sink(true);
    const p = new Progress(tty, 4);
    for (let i = 0; i <= 4; i++) p.update(i, { created: i, present: 0, failed: 0 });
    expect(tty.text.split('\r')).toHaveLength(6);
    expect(tty.text.endsWith('failed 0\x1b[K\n')).toBe(true);
    const log = new Sink(false);
    const q = new Progress(log, 100);
    for (let i = 0; i <= 100; i++) q.update(i, { created: i, present: 0, failed: 0 });
    expect(log.text.trim().split('\n')).toHaveLength(11);
  });
});

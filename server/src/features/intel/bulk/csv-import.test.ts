import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { normaliseSelector } from '../selectors/index.ts';
import { COLUMNS } from './columns.ts';
import { parseBulkCsv } from './csv-import.ts';
import { checkNewReport } from './validate.ts';

type Row = Partial<Record<(typeof COLUMNS)[number], string>>;
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (...rows: Row[]) =>
  `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => quote(r[c] ?? '')).join(','))].join('\n')}\n`;

const head: Row = {
  report_ref: 'R1',
  report_title: 'KK Park recruiters',
  tlp: 'AMBER',
  pap: 'GREEN',
  grade: 'B2',
  mo_tags: 'fake-job-ads',
};
const good = csv(
  {
    ...head,
    report_summary: 'From the hotline',
    audience: 'regions:Asia;europe',
    entity_type: 'person',
    entity_ref: 'p1',
    names: 'Zhao Wei;赵伟',
    role: 'boss',
    nationalities: 'cn',
    related_to: 'c1',
    relationship: 'operates',
  },
  {
    report_ref: 'R1',
    entity_type: 'scam-centre',
    entity_ref: 'c1',
    names: 'KK Park;KK Garden',
    country: 'MM',
    lat: '16.6587',
    lon: '98.5121',
    status: 'raided',
    workforce: '3000',
  },
  {
    report_ref: 'R2',
    report_title: 'Wallets',
    tlp: 'TLP:RED',
    audience: 'agencies:0b7f6f1e-8a43-4f7e-9d57-0c2b1c7e5a10',
    pap: 'red',
    grade: 'a1',
    entity_type: 'selector',
    entity_ref: 'w1',
    selector_kind: 'crypto',
    value: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL',
  },
  {
    report_ref: 'R1',
    mo_tags: 'pig-butchering',
    entity_type: 'selector',
    entity_ref: 's1',
    selector_kind: 'phone',
    value: '081 234 5678',
    related_to: 'p1',
    relationship: 'uses',
  },
  { report_ref: 'R1', entity_type: 'selector', entity_ref: 's2', selector_kind: 'phone', value: '+66812345678' },
  { report_ref: 'R1', entity_type: 'selector', selector_kind: 'handle', platform: 'telegram', value: '@easyjobs_th' },
  {
    report_ref: 'R1',
    entity_type: 'organisation',
    entity_ref: 'o1',
    names: 'Golden Fortune Group',
    role: 'syndicate',
    country: 'MM',
  },
  { report_ref: 'R1', entity_ref: 'p1', related_to: 'o1', relationship: 'controls' },
);

describe('parseBulkCsv', () => {
  it('groups rows into valid submissions with their markings, relationships and rows', async () => {
    const r = await parseBulkCsv(good, { defaultCountry: 'TH' });
    expect(r.errors).toEqual([]);
    expect(r.rowCount).toBe(8);
    expect(r.reports.map((x) => x.input.title)).toEqual(['KK Park recruiters', 'Wallets']);
    const [one, two] = r.reports.map((x) => x.input);
    for (const x of r.reports) expect(checkNewReport(x.input)).toEqual([]);
    expect(r.reports[0]!.rows).toEqual([2, 3, 5, 6, 7, 8, 9]);
    expect(one!.marking).toEqual({
      tlp: 'AMBER',
      audience: { kind: 'regions', regions: ['Asia', 'Europe'] },
      pap: 'GREEN',
      reliability: 'B',
      credibility: '2',
    });
    expect(two!.marking).toMatchObject({
      tlp: 'RED',
      pap: 'RED',
      reliability: 'A',
      credibility: '1',
      audience: { kind: 'agencies' },
    });
    expect(one!.moTags).toEqual(['fake-job-ads', 'pig-butchering']);
    expect(one!.summary).toBe('From the hotline');
    expect(one!.persons).toEqual([{ ref: 'p1', names: ['Zhao Wei', '赵伟'], role: 'boss', nationalities: ['CN'] }]);
    expect(one!.scamCentres?.[0]).toMatchObject({
      name: 'KK Park',
      aliases: ['KK Garden'],
      location: { lat: 16.6587, lon: 98.5121 },
      workforce: 3000,
    });
    // The same phone written two ways is one selector; the second ref points at the first.
    expect(one!.selectors?.map((s) => s.ref)).toEqual(['s1', 'row-7']);
    expect(one!.relationships).toEqual([
      { from: 'p1', to: 'c1', type: 'operates' },
      { from: 's1', to: 'p1', type: 'uses' },
      { from: 'p1', to: 'o1', type: 'controls' },
    ]);
    expect(r.reports[0]!.origin['selectors.1']).toBe(7);
    expect(one!.sourceRef).toBe(`csv:${r.fileHash}:R1`);
    expect(r.fileHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('names every bad row with its row number and reason, and drops reports whose rows all failed', async () => {
    const r = await parseBulkCsv(
      csv(
        { ...head, entity_type: 'selector', selector_kind: 'email', value: 'jobs@gmail.com' },
        { report_ref: 'R1', entity_type: 'selector', selector_kind: 'crypto', value: 'T123' },
        { report_ref: 'R1', tlp: 'RED', entity_type: 'selector', selector_kind: 'ip', value: '203.0.113.9' },
        { report_ref: 'R1', entity_type: 'alien', value: 'x' },
        { report_ref: 'R1', entity_type: 'person', names: 'No Role' },
        { report_ref: 'R1', entity_type: 'scam-centre', names: 'X', country: 'ZZ', lat: '91' },
        {
          report_ref: 'R1',
          entity_type: 'selector',
          selector_kind: 'domain',
          value: 'a-jobs.com',
          related_to: 'nobody',
          relationship: 'uses',
        },
        {
          report_ref: 'R3',
          report_title: 'All bad',
          tlp: 'GREEN',
          pap: 'GREEN',
          grade: 'Z9',
          entity_type: 'selector',
          selector_kind: 'phone',
          value: '12',
        },
        {
          report_ref: 'R4',
          report_title: 'No marking',
          entity_type: 'selector',
          selector_kind: 'domain',
          value: 'b-jobs.com',
        },
        { entity_type: 'selector', selector_kind: 'domain', value: 'c-jobs.com' },
      ),
      { defaultCountry: 'TH' },
    );
    const at = (row: number) => r.errors.filter((e) => e.row === row).map((e) => `${e.field}: ${e.message}`);
    expect(at(3)).toEqual([expect.stringMatching(/^value: .*crypto/i)]);
    expect(at(4)).toEqual([
      expect.stringMatching(/^report: 'RED' conflicts with 'AMBER' given for report R1 on row 2/),
    ]);
    expect(at(5)).toEqual([expect.stringMatching(/^entity_type: 'alien' is not one of/)]);
    expect(at(6)).toEqual(['role: required for this entity_type']);
    expect(at(7)).toEqual([
      expect.stringMatching(/^country: 'ZZ'/),
      expect.stringMatching(/^lat: '91'/),
      'lat: lat and lon go together',
    ]);
    expect(at(8)).toEqual([expect.stringMatching(/^related_to: 'nobody' is no imported entity_ref of report R1/)]);
    expect(at(9).map((e) => e.split(':')[0])).toEqual(['grade', 'value']);
    expect(at(10)).toEqual(['tlp: report R4 has no tlp on any row: not imported']);
    expect(at(11)).toEqual(['report_ref: required']);
    expect(r.reports.map((x) => x.input.title)).toEqual(['KK Park recruiters']);
    expect(r.reports[0]!.rows).toEqual([2, 8]);
    expect(r.reports[0]!.input.selectors?.map((s) => s.value)).toEqual(['jobs@gmail.com', 'a-jobs.com']);
  });

  it('gives the same sourceRefs for the same file and different ones for another file', async () => {
    const a = await parseBulkCsv(good, { defaultCountry: 'TH' });
    const b = await parseBulkCsv(Readable.from([Buffer.from(good.slice(0, 100)), Buffer.from(good.slice(100))]), {
      defaultCountry: 'TH',
    });
    expect(b.reports.map((x) => x.input)).toEqual(a.reports.map((x) => x.input));
    const c = await parseBulkCsv(good.replace('From the hotline', 'From a hotline'), { defaultCountry: 'TH' });
    expect(c.reports[0]!.input.sourceRef).not.toBe(a.reports[0]!.input.sourceRef);
  });

  it('counts spreadsheet rows across blank lines and multi-line cells; reports broken quoting', async () => {
    const text = `${COLUMNS.join(',')}\n\n${csv({
      ...head,
      report_summary: 'line one\nline two',
      entity_type: 'selector',
      selector_kind: 'domain',
      value: 'a-jobs.com',
    })
      .split('\n')
      .slice(1)
      .join('\n')}R1,,,,,,,,selector,,domain,"b-jobs.com"x\n`;
    const r = await parseBulkCsv(text);
    expect(r.reports[0]!.rows).toEqual([3]);
    expect(r.reports[0]!.input.summary).toBe('line one\nline two');
    // csv-parse may lose step after a bad quote and report the rest of the file as well.
    expect(r.errors[0]).toEqual({
      row: 4,
      field: '',
      message: expect.stringMatching(/^unreadable CSV: Invalid Closing/),
    });
    for (const e of r.errors) expect(e.row).toBeGreaterThanOrEqual(4);
  });

  it('refuses a file without the required columns, and an empty one', async () => {
    expect((await parseBulkCsv('title,value\nx,y\n')).errors).toEqual([
      { row: 1, field: 'report_ref, entity_type', message: expect.stringMatching(/^missing column/) },
    ]);
    expect((await parseBulkCsv('')).errors).toEqual([{ row: 1, field: '', message: 'empty file: no header row' }]);
  });

  it('checks MO codes against the taxonomy when given, and national numbers with the default country', async () => {
    const file = csv({
      ...head,
      mo_tags: 'fake-job-ads;made-up',
      entity_type: 'selector',
      selector_kind: 'phone',
      value: '081 234 5678',
    });
    const r = await parseBulkCsv(file, { moTags: new Set(['fake-job-ads']), defaultCountry: 'TH' });
    expect(r.errors).toEqual([{ row: 2, field: 'mo_tags', message: 'not in the modus-operandi taxonomy: made-up' }]);
    const noCountry = await parseBulkCsv(
      csv({ ...head, entity_type: 'selector', selector_kind: 'phone', value: '081 234 5678' }),
    );
    expect(noCountry.errors[0]).toMatchObject({ row: 2, field: 'value' });
  });

  it('streams a large file', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 20_000; i++)
      rows.push({
        ...head,
        report_ref: `R${i % 40}`,
        entity_type: 'selector',
        selector_kind: 'ip',
        value: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
      });
    const started = Date.now();
    const r = await parseBulkCsv(Readable.from(csv(...rows).split(/(?<=\n)/)));
    expect(r.errors).toEqual([]);
    expect(r.reports).toHaveLength(40);
    expect(r.reports.reduce((n, x) => n + (x.input.selectors?.length ?? 0), 0)).toBe(20_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    const key = normaliseSelector({ kind: 'ip', value: '10.0.0.1' });
    expect(key.ok).toBe(true);
  });
});

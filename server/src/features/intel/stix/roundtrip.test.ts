import type { Marking, NewReport } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { checkNewReport } from '../bulk/validate.ts';
import { normaliseSelector } from '../selectors/index.ts';
import { toStixBundle } from './export.ts';
import { fromStixBundle } from './import.ts';
import { SAMPLE_AGENCY, sampleReport } from './testkit.ts';

const ctx = { agencies: new Map([[SAMPLE_AGENCY.id, SAMPLE_AGENCY]]) };
const fallback: Marking = { tlp: 'CLEAR', audience: { kind: 'all' }, pap: 'CLEAR', reliability: 'F', credibility: '6' };
const markings: Marking[] = [
  {
    tlp: 'RED',
    audience: { kind: 'agencies', agencyIds: [SAMPLE_AGENCY.id] },
    pap: 'RED',
    reliability: 'A',
    credibility: '1',
  },
  {
    tlp: 'AMBER+STRICT',
    audience: { kind: 'regions', regions: ['Asia', 'Europe'] },
    pap: 'AMBER',
    reliability: 'B',
    credibility: '2',
  },
  { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'E', credibility: '5' },
];

const keysOf = (r: NewReport) =>
  (r.selectors ?? []).map((s) => {
    const n = normaliseSelector(s);
    if (!n.ok) throw new Error(n.reason);
    return n.selector.key;
  });

describe('Report → STIX bundle → NewReport', () => {
  it.each(markings)(
    'keeps every selector and the marking (TLP $tlp, PAP $pap, grade $reliability $credibility)',
    (marking) => {
      const report = sampleReport(marking);
      const { reports, errors } = fromStixBundle(toStixBundle(report, ctx), { defaultMarking: fallback });
      expect(errors).toEqual([]);
      expect(reports).toHaveLength(1);
      const back = reports[0]!;
      expect(checkNewReport(back)).toEqual([]);
      expect(back.marking).toEqual(marking);
      const exported = report.entities.filter((e) => e.kind === 'selector').map((e) => e.key);
      expect(keysOf(back).sort()).toEqual([...exported].sort());
    },
  );

  it('keeps persons, organisations, centres, relationships, MO tags and the source reference', () => {
    const report = sampleReport(markings[1]!);
    const bundle = toStixBundle(report, ctx);
    const back = fromStixBundle(bundle, { defaultMarking: fallback }).reports[0]!;
    expect(back.title).toBe(report.title);
    expect(back.summary).toBe(report.summary);
    expect(back.moTags).toEqual(report.moTags);
    expect(back.sourceRef).toBe(bundle.objects.find((o) => o.type === 'report')!.id);
    expect(back.persons).toEqual([
      expect.objectContaining({
        names: ['Zhao Wei', '赵伟'],
        role: 'boss',
        nationalities: ['CN'],
        dateOfBirth: '1979',
      }),
      expect.objectContaining({ names: ['Ana Reyes'], role: 'victim', gender: 'female' }),
    ]);
    expect(back.organisations).toEqual([
      expect.objectContaining({ name: 'Golden Fortune Group', aliases: ['GFG'], kind: 'syndicate', country: 'MM' }),
      expect.objectContaining({ name: 'Easy Jobs Ltd', kind: 'fake-recruitment-agency', country: 'TH' }),
    ]);
    expect(back.scamCentres).toEqual([
      expect.objectContaining({
        name: 'KK Park',
        aliases: ['KK Garden'],
        country: 'MM',
        location: { lat: 16.6587, lon: 98.5121 },
        address: 'Myawaddy',
        status: 'raided',
        workforce: 3000,
      }),
    ]);
    const types = (back.relationships ?? []).map((r) => r.type).sort();
    expect(types).toEqual(report.relationships.map((r) => r.type).sort());
  });

  it('gives the same submission twice, so the second import is a no-op by sourceRef', () => {
    const bundle = toStixBundle(sampleReport(markings[0]!), ctx);
    const a = fromStixBundle(bundle, { defaultMarking: fallback });
    const b = fromStixBundle(structuredClone(bundle), { defaultMarking: fallback });
    expect(b).toEqual(a);
  });
});

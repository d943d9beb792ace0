import type { Marking, NewReport, Report } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/app.ts';
import { drivers } from '../../../../test/db.ts';
import { toStixBundle } from './export.ts';
import { fromStixBundle } from './import.ts';
import { loadStixSchemas } from './testkit.ts';

const marking: Marking = {
  tlp: 'AMBER',
  audience: { kind: 'regions', regions: ['Asia'] },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
};
const original: NewReport = {
  title: 'Recruiters for a Myawaddy compound',
  summary: 'Hotline reports, March.',
  marking,
  moTags: ['social-media-job-ads', 'romance-pig-butchering'],
  persons: [{ ref: 'p1', names: ['Zhao Wei', '赵伟'], role: 'boss', nationalities: ['CN'], dateOfBirth: '1979' }],
  organisations: [{ ref: 'o1', name: 'Golden Fortune Group', kind: 'syndicate', country: 'MM' }],
  scamCentres: [
    { ref: 'c1', name: 'Test Compound', country: 'MM', location: { lat: 16.7, lon: 98.5 }, status: 'active' },
  ],
  selectors: [
    { ref: 's1', kind: 'phone', value: '081 234 5678' },
    { ref: 's2', kind: 'crypto', value: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL' },
    { ref: 's3', kind: 'handle', platform: 'telegram', value: '@easyjobs_th' },
    { ref: 's4', kind: 'passport', value: 'AA1234567', country: 'TH' },
  ],
  relationships: [
    { from: 'o1', to: 'c1', type: 'operates' },
    { from: 'p1', to: 's2', type: 'uses' },
  ],
};

/** A report stored by the service, exported, validated, imported by another agency: the same selectors meet. */
describe.each(drivers)('STIX round trip through the intel service on %s', (driver) => {
  const t = useTestApp(driver);

  it('exports a stored report as a valid bundle that another agency imports once', async () => {
    const th = await t().newAgency({ country: 'TH', name: 'TH police' });
    const mm = await t().newAgency({ country: 'MM' });
    const [cTh, cMm] = [
      await t().login(await t().newUser({ agency: th, roles: ['analyst'] })),
      await t().login(await t().newUser({ agency: mm, roles: ['analyst'] })),
    ];
    const post = (cookie: string, payload: NewReport) =>
      t().app.inject({ method: 'POST', url: '/api/intel/reports', headers: { cookie }, payload });
    const created = await post(cTh, original);
    expect(created.statusCode, created.body).toBe(201);
    const stored = created.json() as Report;

    const bundle = toStixBundle(stored, { agencies: new Map([[th.id, { name: 'TH police', country: 'TH' }]]) });
    expect(loadStixSchemas().check(bundle)).toEqual([]);
    expect(toStixBundle(stored, { agencies: new Map() }).objects.map((o) => o.id)).toEqual(
      bundle.objects.map((o) => o.id),
    );

    const { reports, errors } = fromStixBundle(bundle, {
      defaultMarking: { ...marking, tlp: 'CLEAR' },
      defaultCountry: 'MM',
    });
    expect(errors).toEqual([]);
    const again = await post(cMm, reports[0]!);
    expect(again.statusCode, again.body).toBe(201);
    const imported = again.json() as Report;
    const keys = (r: Report) =>
      r.entities
        .map((e) => e.key)
        .filter(Boolean)
        .sort();
    expect(keys(imported)).toEqual(keys(stored));
    expect(imported.marking).toEqual(marking);
    expect(imported.relationships).toHaveLength(2);
    expect(imported.hits.length).toBeGreaterThan(0);

    const twice = await post(cMm, reports[0]!);
    expect((twice.json() as Report).id).toBe(imported.id);
  });
});

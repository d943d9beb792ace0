import { type Marking, TLP_LEVELS } from '@cordon/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { toStixBundle } from './export.ts';
import { TLP2_IDS } from './markings.ts';
import {
  EXAMPLES,
  loadStixSchemas,
  MISSING_FROM_BUNDLE,
  readExample,
  SAMPLE_AGENCY,
  type StixValidator,
  sampleReport,
} from './testkit.ts';
import type { StixObject } from './types.ts';

const marking: Marking = {
  tlp: 'AMBER',
  audience: { kind: 'regions', regions: ['Asia', 'Oceania'] },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
};
const ctx = { agencies: new Map([[SAMPLE_AGENCY.id, { name: SAMPLE_AGENCY.name, country: SAMPLE_AGENCY.country }]]) };

describe('toStixBundle', () => {
  let schemas: StixValidator;
  beforeAll(() => {
    schemas = loadStixSchemas();
  });

  it.each(TLP_LEVELS)('gives a bundle valid against the STIX 2.1 schemas (TLP:%s)', (tlp) => {
    const bundle = toStixBundle(sampleReport({ ...marking, tlp }), ctx);
    expect(schemas.check(bundle)).toEqual([]);
  });

  it('is valid with every audience kind and with an unknown holder agency', () => {
    const agencies = { ...marking, audience: { kind: 'agencies' as const, agencyIds: [SAMPLE_AGENCY.id] } };
    expect(schemas.check(toStixBundle(sampleReport(agencies), { agencies: new Map() }))).toEqual([]);
    expect(schemas.check(toStixBundle(sampleReport({ ...marking, audience: { kind: 'all' } }), ctx))).toEqual([]);
  });

  it('bundle.json as published refuses only the object types it forgot to list', () => {
    const bundle = toStixBundle(sampleReport(marking), ctx);
    const refused = new Set(schemas.checkUnpatched(bundle).map((e) => bundle.objects[e.index]?.type));
    expect([...refused].sort()).toEqual(['extension-definition', 'location']);
    for (const t of refused) expect(Object.keys(MISSING_FROM_BUNDLE)).toContain(t);
  });

  it('the validator accepts the reference examples and rejects a broken bundle', () => {
    for (const f of EXAMPLES) expect(schemas.check(readExample(f)), f).toEqual([]);
    const bundle = toStixBundle(sampleReport(marking), ctx);
    const report = bundle.objects.find((o) => o.type === 'report')!;
    delete report.published;
    bundle.objects.push({ type: 'location', id: 'location--not-a-uuid', spec_version: '2.1' });
    expect(schemas.check(bundle).length).toBeGreaterThan(1);
  });

  it('gives the same ids and content on a re-export', () => {
    const a = toStixBundle(sampleReport(marking), ctx);
    const b = toStixBundle(sampleReport(marking), ctx);
    expect(b).toEqual(a);
    expect(new Set(a.objects.map((o) => o.id)).size).toBe(a.objects.length);
  });

  it('maps each Cordon kind to the documented STIX type', () => {
    const bundle = toStixBundle(sampleReport(marking), ctx);
    const byName = (name: string) => bundle.objects.find((o) => o.name === name) as StixObject;
    expect(byName('Zhao Wei')).toMatchObject({ type: 'threat-actor', roles: ['director'], aliases: ['赵伟'] });
    expect(byName('Ana Reyes')).toMatchObject({
      type: 'identity',
      identity_class: 'individual',
      x_cordon_role: 'victim',
    });
    expect(byName('Golden Fortune Group')).toMatchObject({
      type: 'threat-actor',
      threat_actor_types: ['crime-syndicate'],
    });
    expect(byName('Easy Jobs Ltd')).toMatchObject({ type: 'identity', identity_class: 'organization' });
    expect(byName('KK Park')).toMatchObject({
      type: 'location',
      country: 'MM',
      latitude: 16.6587,
      longitude: 98.5121,
      x_cordon_status: 'raided',
      x_cordon_workforce: 3000,
    });
    const types = bundle.objects.map((o) => o.type);
    for (const t of ['email-addr', 'domain-name', 'url', 'ipv4-addr', 'ipv6-addr', 'user-account', 'x-cordon-selector'])
      expect(types).toContain(t);
    expect(bundle.objects.find((o) => o.type === 'user-account' && o.account_login === 'scam_boss')).toMatchObject({
      account_type: 'twitter',
    });
    const phone = bundle.objects.find((o) => o.selector_kind === 'phone');
    expect(phone).toMatchObject({ type: 'x-cordon-selector', key: 'phone:+66812345678', value: '+66812345678' });
  });

  it('marks every object with the TLP 2.0 marking and carries PAP, grade and audience on the report', () => {
    const bundle = toStixBundle(sampleReport({ ...marking, tlp: 'AMBER+STRICT' }), ctx);
    const tlpId = TLP2_IDS['AMBER+STRICT'];
    expect(bundle.objects[0]).toMatchObject({ id: tlpId, name: 'TLP:AMBER+STRICT' });
    const marked = bundle.objects.filter(
      (o) => !['marking-definition', 'extension-definition'].includes(o.type) && o.name !== 'Cordon',
    );
    for (const o of marked) expect(o.object_marking_refs, o.id).toEqual([tlpId]);
    const report = bundle.objects.find((o) => o.type === 'report')!;
    expect(report).toMatchObject({
      x_cordon_pap: 'GREEN',
      x_cordon_reliability: 'B',
      x_cordon_credibility: '2',
      x_cordon_audience: marking.audience,
      x_cordon_mo_tags: ['pig-butchering', 'fake-job-ads'],
    });
    const refs = new Set(report.object_refs as string[]);
    for (const o of bundle.objects.filter(
      (x) =>
        !['marking-definition', 'extension-definition', 'identity', 'report'].includes(x.type) ||
        x.created_by_ref === report.created_by_ref,
    ))
      if (o.type !== 'report') expect(refs.has(o.id), o.id).toBe(true);
  });

  it('uses STIX deterministic ids for observables', () => {
    const bundle = toStixBundle(sampleReport(marking), ctx);
    // Computed by STIX 2.1 §2.9 (UUIDv5, SCO namespace, JCS of {"value": ...}); stable across releases.
    const ip = bundle.objects.find((o) => o.type === 'ipv4-addr')!;
    expect(ip.id).toMatch(/^ipv4-addr--[0-9a-f-]{36}$/);
    const other = toStixBundle({ ...sampleReport(marking), id: '9f0c9a52-6a1e-4a53-b7e7-2a1d3c4b5e6f' }, ctx);
    expect(other.objects.find((o) => o.type === 'ipv4-addr')!.id).toBe(ip.id);
    expect(other.objects.find((o) => o.type === 'report')!.id).not.toBe(
      bundle.objects.find((o) => o.type === 'report')!.id,
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Marking } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { checkNewReport } from '../bulk/validate.ts';
import { fromStixBundle } from './import.ts';
import { TLP2_IDS } from './markings.ts';
import { EXAMPLES, readExample, STIX_REFERENCE } from './testkit.ts';
import type { StixObject } from './types.ts';

const defaultMarking: Marking = {
  tlp: 'AMBER',
  audience: { kind: 'all' },
  pap: 'AMBER',
  reliability: 'F',
  credibility: '6',
};
const T = '2025-01-01T00:00:00.000Z';
const sdo = (type: string, n: number, props: Record<string, unknown> = {}): StixObject => ({
  type,
  spec_version: '2.1',
  id: `${type}--00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  created: T,
  modified: T,
  ...props,
});
const rel = (n: number, source: StixObject, type: string, target: StixObject) =>
  sdo('relationship', n, { relationship_type: type, source_ref: source.id, target_ref: target.id });
const bundle = (...objects: StixObject[]) => ({
  type: 'bundle',
  id: 'bundle--00000000-0000-4000-8000-000000000000',
  objects,
});

describe('fromStixBundle on the reference examples', () => {
  it.each(EXAMPLES)('%s gives valid submissions or itemised errors, never a crash', (file) => {
    const input = readExample(file);
    const { reports, errors } = fromStixBundle(input, { defaultMarking });
    for (const r of reports) {
      expect(checkNewReport(r)).toEqual([]);
      expect(r.sourceRef).toMatch(/^(report|bundle)--/);
    }
    const ids = new Set([input.id, ...input.objects.map((o) => o.id)]);
    for (const e of errors) {
      expect(ids.has(e.objectId), e.objectId).toBe(true);
      expect(e.message.length).toBeGreaterThan(5);
    }
    expect(reports.length + errors.length).toBeGreaterThan(0);
  });

  it('reads APT1: actors attributed to individuals are persons, groups are organisations, domains are selectors', () => {
    const { reports, errors } = fromStixBundle(readExample('threat-reports/apt1.json'), { defaultMarking });
    const r = reports[0]!;
    expect(r.title).toMatch(/^APT1/);
    expect(r.sourceRef).toBe('report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf');
    expect(r.persons?.find((p) => p.names[0] === 'Ugly Gorilla')?.names).toContain('Wang Dong');
    expect(r.organisations?.map((o) => o.name)).toEqual(expect.arrayContaining(['APT1', 'Unit 61398']));
    expect(r.selectors?.map((s) => s.value)).toEqual(['hugesoft.org', 'arrowservice.net', 'msnhome.org']);
    expect(r.relationships).toContainEqual({ from: r.persons![0]!.ref, to: r.selectors![0]!.ref, type: 'uses' });
    expect(errors.some((e) => /CIDR/.test(e.message))).toBe(true);
    expect(errors.some((e) => /file:hashes\.md5 names no selector/.test(e.message))).toBe(true);
  });

  it('reads the observables of the infrastructure example and explains the rest', () => {
    const { reports, errors } = fromStixBundle(readExample('infrastructure.json'), { defaultMarking });
    expect(reports[0]?.selectors?.map((s) => s.kind).sort()).toEqual(['domain', 'ip']);
    expect(reports[0]?.marking).toEqual(defaultMarking);
    expect(errors.some((e) => /infrastructure without a located-at location/.test(e.message))).toBe(true);
  });

  it('refuses what is not a bundle, and junk, with an error', () => {
    const lone = JSON.parse(readFileSync(join(STIX_REFERENCE, 'examples/interop-objectmarking-test.json'), 'utf8'));
    expect(fromStixBundle(lone, { defaultMarking }).errors[0]?.message).toBe('not a STIX bundle (a campaign)');
    for (const junk of [null, 42, 'x', [], { type: 'bundle', objects: [1, null, { id: 'x' }] }]) {
      const r = fromStixBundle(junk, { defaultMarking });
      expect(r.reports).toEqual([]);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('fromStixBundle mapping', () => {
  it('takes the strictest TLP (v1 or v2 ids) of the report and its objects', () => {
    const ta = sdo('threat-actor', 1, { name: 'Boss', object_marking_refs: [TLP2_IDS.RED] });
    const report = sdo('report', 2, {
      name: 'Mixed',
      published: T,
      object_refs: [ta.id],
      object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'],
    });
    expect(fromStixBundle(bundle(report, ta), { defaultMarking }).reports[0]?.marking.tlp).toBe('RED');
    delete ta.object_marking_refs;
    expect(fromStixBundle(bundle(report, ta), { defaultMarking }).reports[0]?.marking.tlp).toBe('GREEN');
  });

  it('turns an infrastructure located at a place into a scam centre', () => {
    const infra = sdo('infrastructure', 1, { name: 'Shwe Kokko compound', infrastructure_types: ['unknown'] });
    const place = sdo('location', 2, { country: 'mm', latitude: 16.8, longitude: 98.5, city: 'Shwe Kokko' });
    const phone = {
      type: 'x-cordon-selector',
      id: 'x-cordon-selector--00000000-0000-5000-8000-000000000003',
      selector_kind: 'phone',
      value: '+95 9 212 3456',
    };
    const { reports, errors } = fromStixBundle(
      bundle(
        infra,
        place,
        phone,
        rel(4, infra, 'located-at', place),
        rel(5, infra, 'consists-of', phone as StixObject),
      ),
      { defaultMarking },
    );
    expect(errors).toEqual([]);
    const r = reports[0]!;
    expect(r.scamCentres).toEqual([
      {
        ref: infra.id,
        name: 'Shwe Kokko compound',
        country: 'MM',
        status: 'active',
        location: { lat: 16.8, lon: 98.5 },
        address: 'Shwe Kokko',
      },
    ]);
    expect(r.relationships).toEqual([{ from: infra.id, to: phone.id, type: 'uses' }]);
  });

  it('names bad selectors with the normaliser reason and keeps one selector per key', () => {
    const good = sdo('indicator', 1, {
      pattern_type: 'stix',
      valid_from: T,
      pattern: "[email-addr:value = 'Jobs@Gmail.com']",
    });
    const same = {
      type: 'email-addr',
      id: 'email-addr--00000000-0000-5000-8000-000000000002',
      value: 'jobs@gmail.com',
    };
    const bad = sdo('indicator', 3, {
      pattern_type: 'stix',
      valid_from: T,
      pattern: "[ipv4-addr:value = '999.1.1.1']",
    });
    const and = sdo('indicator', 4, {
      pattern_type: 'stix',
      valid_from: T,
      pattern: "[url:value = 'a' AND url:value = 'b']",
    });
    const { reports, errors } = fromStixBundle(bundle(good, same as StixObject, bad, and), { defaultMarking });
    expect(reports[0]?.selectors).toHaveLength(1);
    expect(errors).toEqual([
      { objectId: bad.id, message: "ip '999.1.1.1': not a valid IPv4 or IPv6 address" },
      { objectId: and.id, message: expect.stringMatching(/^unsupported pattern near 'AND/) },
    ]);
  });
});

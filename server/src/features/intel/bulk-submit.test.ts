import type { NewReport } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { type TestAgency, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { normaliseName } from './names/index.ts';

const GREEN_ALL = {
  tlp: 'GREEN',
  audience: { kind: 'all' },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
} as const;
const RED_OWN: NewReport['marking'] = {
  tlp: 'RED',
  audience: { kind: 'agencies', agencyIds: [] },
  pap: 'RED',
  reliability: 'C',
  credibility: '3',
};

interface Names {
  /** Word that makes this run's selectors and names its own, so the two runs never meet. */
  ns: string;
  person: [latin: string, other: string, dob: string];
  lat: number;
}

/**
 * Eight reports from four agencies: selectors met within and across batches, an agency meeting
 * itself (no hit), a scam centre by name and one by distance, a person in two scripts, a repeated
 * sourceRef, a RED report (hit without disclosure), and a watched selector.
 */
function scenario(n: Names): Array<{ agency: number; input: NewReport }> {
  const mail = (i: number, upper = false) => {
    const v = `x${i}.${n.ns}@scam-mail.com`;
    return upper ? v.toUpperCase() : v;
  };
  const sel = (i: number, upper = false) => ({ ref: `m${i}`, kind: 'email' as const, value: mail(i, upper) });
  const report = (title: string, body: Partial<NewReport>): NewReport => ({
    title,
    summary: '',
    marking: GREEN_ALL,
    moTags: [],
    ...body,
  });
  return [
    {
      agency: 0,
      input: report('R0', {
        selectors: [sel(1), sel(2)],
        scamCentres: [
          {
            ref: 'c',
            name: `Golden ${n.ns} Park`,
            country: 'MM',
            location: { lat: n.lat, lon: 97.5 },
            status: 'active',
          },
        ],
        persons: [{ ref: 'p', names: [n.person[0]], dateOfBirth: n.person[2], nationalities: ['TH'], role: 'boss' }],
      }),
    },
    {
      agency: 1,
      input: report('R1', {
        marking: RED_OWN,
        selectors: [sel(1, true)],
        scamCentres: [{ ref: 'c', name: `Golden ${n.ns} Park`, country: 'MM', status: 'active' }],
      }),
    },
    { agency: 0, input: report('R2', { selectors: [sel(1)] }) },
    {
      agency: 2,
      input: report('R3', {
        selectors: [sel(1), sel(2), sel(3)],
        persons: [{ ref: 'p', names: [n.person[1]], dateOfBirth: n.person[2], nationalities: ['TH'], role: 'boss' }],
      }),
    },
    { agency: 1, input: report('R4', { selectors: [sel(3)], sourceRef: `ref-${n.ns}` }) },
    { agency: 1, input: report('R5', { selectors: [sel(3)], sourceRef: `ref-${n.ns}` }) },
    {
      agency: 3,
      input: report('R6', {
        selectors: [sel(2)],
        scamCentres: [
          {
            ref: 'c',
            name: `Compound ${n.ns}`,
            country: 'MM',
            location: { lat: n.lat + 0.003, lon: 97.5 },
            status: 'active',
          },
        ],
      }),
    },
    { agency: 0, input: report('R7', { selectors: [sel(3)], moTags: [] }) },
  ];
}

describe.each(drivers)('bulk submission on %s', (driver) => {
  const t = useTestApp(driver);

  it('stores, matches and alerts as the per-report path does, and is idempotent by sourceRef', async () => {
    const agencies: TestAgency[] = [
      await t().newAgency({ country: 'TH' }),
      await t().newAgency({ country: 'PH' }),
      await t().newAgency({ country: 'KE' }),
      await t().newAgency({ country: 'TH' }),
    ];
    const viewers: Viewer[] = [];
    for (const a of agencies) {
      const u = await t().newUser({ agency: a, roles: ['analyst'] });
      viewers.push({
        kind: 'user',
        userId: u.id,
        tokenId: null,
        agencyId: a.id,
        country: a.country,
        region: a.region as Viewer['region'],
        roles: ['analyst'],
        scopes: null,
      });
    }
    const { intel } = t().app.features;
    const one: Names = { ns: 'alpha', person: ['Somchai Jaidee', 'สมชาย ใจดี', '1979-03-02'], lat: 16.7 };
    const two: Names = { ns: 'bravo', person: ['Ivan Petrov', 'Иван Петров', '1985-11-20'], lat: 20.1 };
    // Agency 2 watches x3 of both runs.
    for (const n of [one, two]) {
      await intel.watch.add(viewers[2] as Viewer, {
        kind: 'selector',
        selectorKind: 'email',
        value: `x3.${n.ns}@scam-mail.com`,
      });
    }

    // Run one: report after report through ReportsService.submit.
    const singleIds: string[] = [];
    for (const s of scenario(one))
      singleIds.push((await intel.reports.submit(viewers[s.agency] as Viewer, s.input)).id);
    // Run two: the same reports in two batches (matches inside a batch and across batches).
    const items = scenario(two).map((s) => ({ viewer: viewers[s.agency] as Viewer, input: s.input }));
    const first = await intel.reports.submitBatch(items.slice(0, 4));
    const second = await intel.reports.submitBatch(items.slice(4));
    const outcomes = [...first, ...second];
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const bulkIds = outcomes.map((o) => (o.ok ? o.reportId : ''));
    // The repeated sourceRef answers with the first report, in both runs.
    expect(singleIds[5]).toBe(singleIds[4]);
    expect(bulkIds[5]).toBe(bulkIds[4]);
    expect(outcomes.map((o) => o.ok && o.created)).toEqual([true, true, true, true, true, false, true, true]);

    const db = t().database();
    /** The run's hits and alerts, written without ids and without the run's word. */
    const shape = async (ids: string[], n: Names) => {
      const { ns } = n;
      const idx = (id: string) => ids.indexOf(id);
      // The runs differ only by their word and their person (whose score depends on the names).
      const words = [ns, ns.toUpperCase(), normaliseName(ns).key, n.person[0], n.person[1]];
      const strip = (s: string) => words.reduce((acc, w) => acc.replaceAll(w, '*'), s);
      const entities = await db.selectFrom('entities').selectAll().where('report_id', 'in', ids).execute();
      const ent = new Map(entities.map((e) => [e.id, e]));
      const hits = (await db.selectFrom('hits').selectAll().execute())
        .filter((h) => ent.has(h.a_entity_id))
        .map((h) => {
          const a = ent.get(h.a_entity_id);
          const b = ent.get(h.b_entity_id);
          return [
            h.kind,
            h.status,
            h.kind === 'person' ? 'scored' : h.score,
            `R${idx(a?.report_id ?? '')}:${strip(a?.label ?? '')}`,
            `R${idx(b?.report_id ?? '')}:${strip(b?.label ?? '')}`,
            strip(h.match_key),
          ].join(' ');
        })
        .sort();
      const alerts = (await db.selectFrom('alerts').selectAll().execute())
        .filter((al) => {
          const d = al.data as Record<string, unknown>;
          return JSON.stringify(d).includes(ns) || ids.includes(String(d.reportId ?? '')) || ids.includes(al.ref_id)
            ? true
            : [...ent.keys()].includes(String(d.myEntityId ?? ''));
        })
        .map((al) => `${agencies.findIndex((a) => a.id === al.agency_id)} ${al.kind} ${strip(al.title)}`)
        .sort();
      return { hits, alerts, entities: entities.length };
    };
    const single = await shape(singleIds, one);
    const bulk = await shape(bulkIds, two);
    expect(single.hits.length).toBeGreaterThanOrEqual(8);
    expect(single.hits.some((h) => h.startsWith('person'))).toBe(true);
    expect(single.hits.filter((h) => h.startsWith('scam-centre'))).toHaveLength(2);
    expect(single.alerts.some((a) => a.includes(' watch '))).toBe(true);
    expect(bulk).toEqual(single);

    // The batch's events are in the outbox like the per-report path's: one per alert.
    const events = await db
      .selectFrom('outbox')
      .select('topic')
      .where('topic', 'in', ['intel.hit.alert', 'intel.watch.alert'])
      .execute();
    expect(events.length).toBe(single.alerts.length * 2);

    // One audit entry per agency and batch, naming its reports.
    const audits = await db
      .selectFrom('audit_log')
      .select(['actor_agency_id', 'details'])
      .where('action', '=', 'intel.report.batch-submitted')
      .execute();
    expect(audits).toHaveLength(3 + 3); // agencies 0, 1, 2 in the first batch; 1, 3, 0 in the second
    const named = audits.flatMap((a) => (a.details as { reports: string[] }).reports);
    expect(new Set(named)).toEqual(new Set(bulkIds));
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // Submitted again: nothing new, each answered with its first report.
    const hitsBefore = (await db.selectFrom('hits').select('id').execute()).length;
    const again = await intel.reports.submitBatch(items.slice(4, 6));
    expect(again).toEqual([
      { ok: true, reportId: bulkIds[4], created: false, entities: 0, hits: 0 },
      { ok: true, reportId: bulkIds[4], created: false, entities: 0, hits: 0 },
    ]);
    expect((await db.selectFrom('hits').select('id').execute()).length).toBe(hitsBefore);
  });

  it('refuses an invalid report alone, with the field at fault, and stores the others', async () => {
    const a = await t().newAgency({ country: 'TH' });
    const u = await t().newUser({ agency: a, roles: ['analyst'] });
    const viewer: Viewer = {
      kind: 'user',
      userId: u.id,
      tokenId: null,
      agencyId: a.id,
      country: a.country,
      region: a.region as Viewer['region'],
      roles: ['analyst'],
      scopes: null,
    };
    const ok: NewReport = {
      title: 'fine',
      summary: '',
      marking: GREEN_ALL,
      moTags: [],
      selectors: [{ ref: 's', kind: 'email', value: 'ok.charlie@scam-mail.com' }],
    };
    const bad: NewReport = { ...ok, selectors: [{ ref: 's', kind: 'email', value: 'not an e-mail' }] };
    const out = await t().app.features.intel.reports.submitBatch([
      { viewer, input: ok },
      { viewer, input: bad },
    ]);
    expect(out[0]).toMatchObject({ ok: true, created: true, entities: 1 });
    expect(out[1]?.ok).toBe(false);
    if (out[1] && !out[1].ok) expect(out[1].error.errors?.[0]?.field).toBe('selectors.0.value');
  });
});

import { HIT_REASON_CODES, type Hit, type NewReport } from '@cordon/contracts';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';

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

async function analyst(t: TestContext, agency: TestAgency): Promise<{ cookie: string; viewer: Viewer }> {
  const u = await t.newUser({ agency, roles: ['analyst'] });
  const viewer: Viewer = {
    kind: 'user',
    userId: u.id,
    tokenId: null,
    agencyId: agency.id,
    country: agency.country,
    region: agency.region as Viewer['region'],
    roles: ['analyst'],
    scopes: null,
  };
  return { cookie: await t.login(u), viewer };
}

/** A report with one selector, one scam centre and one person, all of them this run's own. */
const held = (ns: string, lat: number): NewReport => ({
  title: `Held ${ns}`,
  summary: '',
  marking: GREEN_ALL,
  moTags: [],
  selectors: [{ ref: 's', kind: 'email', value: `boss.${ns}@scam-mail.com` }],
  scamCentres: [
    { ref: 'c', name: `Lucky ${ns} Plaza`, country: 'KH', location: { lat, lon: 103.5 }, status: 'active' },
  ],
  persons: [{ ref: 'p', names: [`Somchai ${ns}`], dateOfBirth: '1984-06-15', nationalities: ['TH'], role: 'boss' }],
});
/** The same things as another agency writes them: e-mail in capitals, the centre 300 m away, the name in Thai. */
const matching = (ns: string, lat: number, marking: NewReport['marking'] = GREEN_ALL): NewReport => ({
  title: `Matching ${ns}`,
  summary: '',
  marking,
  moTags: [],
  selectors: [{ ref: 's', kind: 'email', value: `BOSS.${ns}@scam-mail.com`.toUpperCase() }],
  scamCentres: [
    { ref: 'c', name: 'Block 9', country: 'KH', location: { lat: lat + 0.0027, lon: 103.5 }, status: 'active' },
  ],
  persons: [{ ref: 'p', names: [`Somchay ${ns}`], dateOfBirth: '1984-06-15', nationalities: ['TH'], role: 'boss' }],
});

const codesOf = (h: Hit) => h.reasonCodes.map((r) => r.code);

describe.each(drivers)('hit reasons as codes on %s', (driver) => {
  const t = useTestApp(driver);
  const hitsOf = async (cookie: string, reportId: string): Promise<Hit[]> => {
    const res = await t().app.inject({ method: 'GET', url: `/api/intel/reports/${reportId}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json().hits;
  };

  /** Every hit carries codes whose English text is its `reasons`, and the codes expected for its kind. */
  const expectCoded = (hits: Hit[]) => {
    const byKind = new Map(hits.map((h) => [h.kind, h]));
    expect([...byKind.keys()].sort()).toEqual(['person', 'scam-centre', 'selector']);
    for (const h of hits) {
      expect(h.reasonCodes.length, h.kind).toBeGreaterThan(0);
      expect(h.reasonCodes.map((r) => r.text)).toEqual(h.reasons);
      for (const r of h.reasonCodes) expect(HIT_REASON_CODES).toContain(r.code);
    }
    const selector = byKind.get('selector') as Hit;
    expect(selector.reasonCodes).toEqual([
      expect.objectContaining({ code: 'selector-same', params: { selectorKind: 'email', label: expect.any(String) } }),
    ]);
    const centre = byKind.get('scam-centre') as Hit;
    expect(codesOf(centre)).toEqual(['centre-near']);
    const km = centre.reasonCodes[0]?.params.km as number;
    expect(km).toBeGreaterThan(0.2);
    expect(km).toBeLessThan(0.4);
    expect(centre.reasonCodes[0]?.params.thresholdKm).toEqual(expect.any(Number));
    const person = byKind.get('person') as Hit;
    expect(codesOf(person)).toEqual(expect.arrayContaining(['birth-same-date', 'nationality-shared']));
    expect(codesOf(person).some((c) => c.startsWith('name-'))).toBe(true);
    expect(person.reasonCodes.find((r) => r.code === 'birth-same-date')?.params).toEqual({ date: '1984-06-15' });
  };

  it('stores codes with parameters for hits found by a single report and by a batch', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const kh = await t().newAgency({ country: 'KH' });
    const [a, b] = [await analyst(t(), th), await analyst(t(), kh)];
    const { intel } = t().app.features;

    // Single-report path.
    await intel.reports.submit(a.viewer, held('alpha', 11.5));
    const single = await intel.reports.submit(b.viewer, matching('alpha', 11.5));
    expectCoded(await hitsOf(b.cookie, single.id));

    // Search answers say why as a code too (the English `why` is its text).
    const search = async (q: string) =>
      (
        await t().app.inject({
          method: 'GET',
          url: `/api/intel/search?q=${encodeURIComponent(q)}`,
          headers: { cookie: b.cookie },
        })
      ).json().entities as Array<{ label: string; why: string; whyCode: { code: string; text: string } }>;
    const byMail = (await search('boss.alpha@scam-mail.com')).filter((e) => e.whyCode.code === 'search-same-selector');
    expect(byMail.length).toBeGreaterThanOrEqual(2);
    const byName = (await search('Somchai alpha')).find((e) => e.label === 'Somchai alpha');
    expect(byName?.whyCode.code).toMatch(/^name-/);
    for (const e of [...byMail, byName]) expect(e?.why).toBe(e?.whyCode.text);

    // Bulk path.
    const [heldOut, batchOut] = [
      ...(await intel.reports.submitBatch([
        { viewer: a.viewer, input: held('bravo', 12.5) },
        { viewer: b.viewer, input: matching('bravo', 12.5) },
      ])),
    ];
    expect(heldOut?.ok && batchOut?.ok).toBe(true);
    expectCoded(await hitsOf(b.cookie, batchOut?.ok ? batchOut.reportId : ''));

    // The stored column holds what the API serves.
    const rows = await t()
      .database()
      .selectFrom('hits')
      .select(['reasons', 'reason_codes'])
      .where('a_agency_id', '=', kh.id)
      .execute();
    expect(rows).toHaveLength(6);
    for (const r of rows) expect((r.reason_codes as { text: string }[]).map((x) => x.text)).toEqual(r.reasons);
  });

  it('shows a record the viewer may not read as a coded hidden match, and an old hit by its text', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const kh = await t().newAgency({ country: 'KH' });
    const [a, b] = [await analyst(t(), th), await analyst(t(), kh)];
    const { intel } = t().app.features;
    const mine = await intel.reports.submit(a.viewer, held('charlie', 13.5));
    await intel.reports.submit(b.viewer, matching('charlie', 13.5, RED_OWN));
    const hits = await hitsOf(a.cookie, mine.id);
    const person = hits.find((h) => h.kind === 'person') as Hit;
    expect(person.other.visible).toBe(false);
    expect(person.reasonCodes).toEqual([
      {
        code: 'hidden-match',
        params: { kind: 'person', score: person.score },
        conflict: false,
        text: person.reasons[0],
      },
    ]);
    expect(person.reasons[0]).toMatch(/^person match scored \d\.\d\d; request disclosure/);

    // A hit stored before codes existed: no codes, its English text still served.
    const selector = hits.find((h) => h.kind === 'selector') as Hit;
    await t().database().updateTable('hits').set({ reason_codes: null }).where('id', '=', selector.id).execute();
    const old = (await hitsOf(a.cookie, mine.id)).find((h) => h.id === selector.id) as Hit;
    expect(old.reasonCodes).toEqual([]);
    expect(old.reasons).toEqual(selector.reasons);
    expect(old.reasons[0]).toMatch(/^same email: /);
  });
});

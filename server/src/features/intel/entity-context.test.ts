import type { NewReport } from '@cordon/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { chainPendingAudit } from '../../platform/audit/pending.ts';

const GREEN_ALL = {
  tlp: 'GREEN',
  audience: { kind: 'all' },
  pap: 'GREEN',
  reliability: 'B',
  credibility: '2',
} as const;
const amberTo = (ids: string[]) =>
  ({
    tlp: 'AMBER',
    audience: { kind: 'agencies', agencyIds: ids },
    pap: 'AMBER',
    reliability: 'C',
    credibility: '3',
  }) as const;

async function analyst(t: TestContext, agency: TestAgency) {
  return t.login(await t.newUser({ agency, roles: ['analyst'] }));
}

type Ev = {
  type: string;
  agencyId: string;
  marking: { tlp: string } | null;
  grade: string;
  reportId: string | null;
  reportTitle: string | null;
  relationship?: { type: string; direction: string; other: { label: string } | null };
  hit?: { visible: boolean; kind: string };
  disclosure?: { step: string; outgoing: boolean };
};

describe.each(drivers)('entity timeline, places, alert messages and taxonomy on %s', (driver) => {
  const t = useTestApp(driver);
  const submit = (cookie: string, body: Partial<NewReport> & Pick<NewReport, 'marking'>) =>
    t().app.inject({
      method: 'POST',
      url: '/api/intel/reports',
      headers: { cookie },
      payload: { title: 'Report', summary: '', moTags: [], ...body },
    });
  const get = (cookie: string, url: string) => t().app.inject({ method: 'GET', url, headers: { cookie } });
  /** Audit rows of an action once pending read records are chained (reads are chained in batches). */
  const auditActions = async (action: string) => {
    await chainPendingAudit(t().db.database);
    return (
      (
        await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(
          t().database(),
        )
      ).rows[0]?.n ?? 0
    );
  };

  /** TH: a phone used by a recruiter who recruits for a compound; PH holds the same phone, marked for KE only. */
  let worlds = 0;
  async function world() {
    // A phone of its own per world: the database is shared by the tests of a driver.
    const n = 5000 + worlds++;
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const ke = await t().newAgency({ country: 'KE' });
    const [cTh, cPh, cKe] = [await analyst(t(), th), await analyst(t(), ph), await analyst(t(), ke)];
    const thReport = await submit(cTh, {
      title: 'Recruiter line',
      marking: GREEN_ALL,
      selectors: [{ ref: 'tel', kind: 'phone', value: `+66 81 234 ${n}` }],
      persons: [{ ref: 'p', names: ['Arjun Mehtani'], role: 'recruiter' }],
      scamCentres: [
        { ref: 'c', name: 'Shwe Lin', country: 'MM', status: 'raided', location: { lat: 16.83, lon: 98.53 } },
      ],
      relationships: [
        { from: 'p', to: 'tel', type: 'uses' },
        { from: 'p', to: 'c', type: 'recruits-for' },
      ],
    });
    expect(thReport.statusCode).toBe(201);
    const ents = thReport.json().entities as Array<{ id: string; kind: string }>;
    const idOf = (kind: string) => ents.find((e) => e.kind === kind)?.id as string;
    t().clock.advance(60_000);
    const phReport = await submit(cPh, {
      title: 'Mule handler',
      marking: amberTo([ke.id]),
      selectors: [{ ref: 's', kind: 'phone', value: `081 234 ${n}`, country: 'TH' }],
    });
    expect(phReport.statusCode).toBe(201);
    return {
      th,
      ph,
      ke,
      cTh,
      cPh,
      cKe,
      thReportId: thReport.json().id as string,
      phReportId: phReport.json().id as string,
      phone: idOf('selector'),
      person: idOf('person'),
      centre: idOf('scam-centre'),
      phPhone: phReport.json().entities[0].id as string,
    };
  }

  it('puts reports, relationships, hits and disclosures on the timeline, each as the viewer may know it', async () => {
    const w = await world();
    const thView = (await get(w.cTh, `/api/intel/entities/${w.phone}/timeline`)).json() as Ev[];
    expect(thView.map((e) => e.type)).toEqual(['report', 'relationship', 'hit']);
    expect(thView[0]).toMatchObject({
      agencyId: w.th.id,
      reportId: w.thReportId,
      marking: { tlp: 'GREEN' },
      grade: 'B2',
    });
    expect(thView[1]?.relationship).toEqual({
      type: 'uses',
      direction: 'in',
      other: { id: w.person, kind: 'person', label: 'Arjun Mehtani' },
    });
    // TH may not read PH's report: the hit names the holder and the grade, nothing else.
    expect(thView[2]).toMatchObject({
      agencyId: w.ph.id,
      marking: null,
      grade: 'C3',
      reportId: null,
      reportTitle: null,
    });
    expect(thView[2]?.hit).toMatchObject({ visible: false, kind: 'selector' });

    // TH asks for disclosure; PH declines: both steps appear on both sides.
    const hitId = (await get(w.cTh, '/api/intel/hits')).json()[0].id;
    const asked = await t().app.inject({
      method: 'POST',
      url: `/api/intel/hits/${hitId}/disclosure`,
      headers: { cookie: w.cTh },
      payload: { reason: 'Same recruiter in our case' },
    });
    expect(asked.statusCode).toBe(201);
    t().clock.advance(60_000);
    const dId = (await get(w.cPh, '/api/intel/disclosures?direction=incoming')).json()[0].id;
    const declined = await t().app.inject({
      method: 'POST',
      url: `/api/intel/disclosures/${dId}/decision`,
      headers: { cookie: w.cPh },
      payload: { approve: false },
    });
    expect(declined.statusCode).toBe(200);
    const after = (await get(w.cTh, `/api/intel/entities/${w.phone}/timeline`)).json() as Ev[];
    expect(
      after.filter((e) => e.type === 'disclosure').map((e) => [e.disclosure?.step, e.disclosure?.outgoing]),
    ).toEqual([
      ['requested', true],
      ['declined', true],
    ]);
    expect(
      after.filter((e) => e.type === 'disclosure').every((e) => e.marking === null && e.reportTitle === null),
    ).toBe(true);
    // PH's own timeline of its phone: its report, TH's GREEN report (same selector), the hit (TH visible), the disclosure.
    const phView = (await get(w.cPh, `/api/intel/entities/${w.phPhone}/timeline`)).json() as Ev[];
    expect(phView.filter((e) => e.type === 'report').map((e) => e.reportTitle)).toEqual([
      'Recruiter line',
      'Mule handler',
    ]);
    expect(phView.find((e) => e.type === 'hit')).toMatchObject({ agencyId: w.th.id, reportTitle: 'Recruiter line' });
    expect(phView.filter((e) => e.type === 'disclosure').map((e) => e.disclosure?.outgoing)).toEqual([false, false]);

    // KE reads both reports but is no party to the hit: no hit, no disclosure.
    const before = await auditActions('intel.entity.timeline.read');
    const keView = (await get(w.cKe, `/api/intel/entities/${w.phPhone}/timeline`)).json() as Ev[];
    expect(keView.map((e) => e.type)).toEqual(['report', 'relationship', 'report']);
    expect(await auditActions('intel.entity.timeline.read')).toBe(before + 1);
  });

  it('answers 404 for an entity the viewer may not read, and hides relationship ends it may not read', async () => {
    const w = await world();
    const other = await t().newAgency({ country: 'AU' });
    const cAu = await analyst(t(), other);
    expect((await get(cAu, `/api/intel/entities/${w.phPhone}/timeline`)).statusCode).toBe(404);
    expect((await get(cAu, `/api/intel/entities/${w.phPhone}/places`)).statusCode).toBe(404);
    // PH links TH's (readable) person to its own AMBER-for-KE person: TH sees the link, not the other end.
    const link = await submit(w.cPh, {
      title: 'Boss',
      marking: amberTo([w.ke.id]),
      persons: [{ ref: 'b', names: ['Hidden Boss'], role: 'boss' }],
      relationships: [{ from: 'b', to: w.person, type: 'controls' }],
    });
    expect(link.statusCode).toBe(201);
    const thView = (await get(w.cTh, `/api/intel/entities/${w.person}/timeline`)).json() as Ev[];
    expect(thView.some((e) => JSON.stringify(e).includes('Hidden Boss'))).toBe(false);
  });

  it('maps the scam centres an entity is or reaches through relationships, within markings', async () => {
    const w = await world();
    const places = async (cookie: string, id: string) =>
      (
        (await get(cookie, `/api/intel/entities/${id}/places`)).json() as Array<{
          label: string;
          hops: number;
          status: string;
        }>
      ).map((p) => [p.label, p.hops, p.status]);
    expect(await places(w.cTh, w.centre)).toEqual([['Shwe Lin', 0, 'raided']]);
    expect(await places(w.cTh, w.person)).toEqual([['Shwe Lin', 1, 'raided']]);
    expect(await places(w.cTh, w.phone)).toEqual([['Shwe Lin', 2, 'raided']]);
    // KE reaches TH's compound from PH's phone through the same selector in TH's GREEN report.
    expect(await places(w.cKe, w.phPhone)).toEqual([['Shwe Lin', 2, 'raided']]);
    // A compound in a report TH keeps to itself is not shown to PH, even though TH linked it.
    const own = await submit(w.cTh, {
      title: 'Second site',
      marking: amberTo([w.th.id]),
      scamCentres: [
        { ref: 'c', name: 'Hidden site', country: 'MM', status: 'active', location: { lat: 16.9, lon: 98.5 } },
      ],
      relationships: [{ from: w.person, to: 'c', type: 'recruits-for' }],
    });
    expect(own.statusCode).toBe(201);
    expect(await places(w.cTh, w.person)).toEqual([
      ['Hidden site', 1, 'active'],
      ['Shwe Lin', 1, 'raided'],
    ]);
    expect(await places(w.cPh, w.person)).toEqual([['Shwe Lin', 1, 'raided']]);
  });

  it('gives alerts a message key and parameters beside the English title', async () => {
    const w = await world();
    const [thAlert] = (await get(w.cTh, '/api/intel/alerts')).json();
    expect(thAlert.title).toMatch(/^Hit: /);
    expect(thAlert.message).toEqual({
      key: 'hit.hidden',
      params: {
        kind: 'selector',
        label: expect.stringMatching(/^\+66 81 234 \d{4}$/),
        agency: expect.any(String),
        grade: 'C3',
      },
    });
    const [phAlert] = (await get(w.cPh, '/api/intel/alerts')).json();
    expect(phAlert.message).toMatchObject({ key: 'hit.visible', params: { report: 'Recruiter line', grade: 'B2' } });
  });

  it('lets the hub extend the taxonomy with translated labels, field errors on the field', async () => {
    const hub = await t().newAgency({ country: 'SG', kind: 'hub' });
    const admin = await t().login(await t().newUser({ agency: hub, roles: ['hub-admin'] }));
    const w = await world();
    const list = await get(admin, '/api/intel/taxonomy');
    expect(list.statusCode).toBe(200);
    expect(list.json().find((m: { code: string }) => m.code === 'voice-phishing').labels).toEqual({
      fr: 'Hameçonnage vocal',
      es: 'Vishing (fraude telefónico)',
    });
    const post = (cookie: string, payload: object) =>
      t().app.inject({ method: 'POST', url: '/api/intel/taxonomy', headers: { cookie }, payload });
    const tag = {
      code: 'fake-courier',
      label: 'Fake courier',
      category: 'modus-operandi',
      description: 'Parcel held at customs',
      labels: { fr: 'Faux livreur', es: 'Falso mensajero' },
    };
    const added = await post(admin, tag);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual(tag);
    expect((await get(w.cTh, '/api/intel/taxonomy')).json()).toContainEqual(tag);
    const dup = await post(admin, tag);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ field: 'code', message: 'already exists' }]);
    const blank = await post(admin, { ...tag, code: 'other-tag', labels: { fr: '   ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([{ field: 'labels.fr', message: 'must not be blank' }]);
    const badCode = await post(admin, { ...tag, code: 'Bad Code' });
    expect(badCode.statusCode).toBe(400);
    expect(JSON.stringify(badCode.json().errors)).toContain('code');
    expect((await post(w.cTh, { ...tag, code: 'analyst-tag' })).statusCode).toBe(403);
    // Search finds a tag by its translated label too.
    const found = (await get(w.cTh, `/api/intel/search?q=${encodeURIComponent('faux livreur')}`)).json();
    expect(found.moTags).toContainEqual({ code: 'fake-courier', label: 'Fake courier' });
    expect(
      await t()
        .database()
        .selectFrom('mo_tags')
        .select('code')
        .where('code', 'in', ['other-tag', 'analyst-tag'])
        .execute(),
    ).toEqual([]);
  });

  it('counts the whole last day of a map period', async () => {
    const w = await world();
    const map = async (q: string) =>
      ((await get(w.cTh, `/api/intel/map${q}`)).json() as Array<{ id: string }>).map((c) => c.id);
    expect(await map('?from=2026-06-01&to=2026-06-01')).toContain(w.centre);
    expect(await map('?to=2026-05-31')).not.toContain(w.centre);
    expect(await map('?from=2026-06-02')).not.toContain(w.centre);
  });
});

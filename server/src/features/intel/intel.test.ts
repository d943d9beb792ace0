import type { NewReport } from '@cordon/contracts';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

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

describe.each(drivers)('intelligence sharing on %s', (driver) => {
  const t = useTestApp(driver);
  const submit = (
    cookie: string,
    body: Partial<NewReport> & Pick<NewReport, 'marking'>,
    headers: Record<string, string> = {},
  ) =>
    t().app.inject({
      method: 'POST',
      url: '/api/intel/reports',
      headers: { cookie, ...headers },
      payload: { title: 'Report', summary: '', moTags: [], ...body },
    });
  const get = (cookie: string, url: string) => t().app.inject({ method: 'GET', url, headers: { cookie } });
  const count = async (table: 'reports' | 'hits' | 'entities' | 'alerts') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t().database())).rows[0]?.n ??
    0;

  it('matches the same phone number written differently, telling each side only what its markings allow', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const ke = await t().newAgency({ country: 'KE' });
    const [cTh, cPh] = [await analyst(t(), th), await analyst(t(), ph)];
    const r1 = await submit(cTh, {
      title: 'KK Park recruiter line',
      marking: GREEN_ALL,
      moTags: ['job-task-scam'],
      selectors: [{ ref: 'tel', kind: 'phone', value: '081 234 5678' }],
    });
    expect(r1.statusCode).toBe(201);
    expect(r1.json().entities[0]).toMatchObject({ key: 'phone:+66812345678', selectorKind: 'phone' });
    const r2 = await submit(cPh, {
      title: 'Mule handler',
      marking: amberTo([ke.id]),
      selectors: [{ ref: 's1', kind: 'phone', value: '+66 81 234 5678' }],
    });
    expect(r2.statusCode).toBe(201);
    // PH may read TH's GREEN report: the hit names it.
    const phHit = r2.json().hits[0];
    expect(phHit).toMatchObject({
      kind: 'selector',
      matchKey: 'phone:+66812345678',
      status: 'confirmed',
      other: { agencyId: th.id, visible: true, reportId: r1.json().id, grade: 'B2' },
    });
    // TH may not read PH's AMBER report addressed to KE: existence, holder and grade only.
    const thHits = (await get(cTh, '/api/intel/hits')).json();
    expect(thHits).toHaveLength(1);
    expect(thHits[0].other).toEqual({
      agencyId: ph.id,
      agencyName: expect.any(String),
      country: 'PH',
      grade: 'C3',
      visible: false,
    });
    expect((await get(cTh, `/api/intel/reports/${r2.json().id}`)).statusCode).toBe(404);
    // Both inboxes got an alert at once, each worded for its reader.
    const thAlerts = (await get(cTh, '/api/intel/alerts')).json();
    const phAlerts = (await get(cPh, '/api/intel/alerts')).json();
    expect(thAlerts[0].title).toMatch(/matches a record held by .* \(grade C3\)/);
    expect(thAlerts[0].title).not.toContain('Mule handler');
    expect(phAlerts[0].title).toContain('KK Park recruiter line');
    expect((await get(cTh, '/api/intel/alerts/unread')).json()).toEqual({ unread: 1 });
    // …and on the live stream, each to its own agency.
    const events = await t()
      .database()
      .selectFrom('outbox')
      .select(['topic', 'audience'])
      .where('topic', '=', 'intel.hit.alert')
      .execute();
    const audiences = events.map((e) => (e.audience as { agencyIds: string[] }).agencyIds[0]);
    expect(audiences).toEqual(expect.arrayContaining([th.id, ph.id]));
  });

  it('creates no second report or hit when a submission is retried', async () => {
    const a = await t().newAgency({ country: 'MY' });
    const b = await t().newAgency({ country: 'SG' });
    const [ca, cb] = [await analyst(t(), a), await analyst(t(), b)];
    const wallet = 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL';
    await submit(ca, { marking: GREEN_ALL, selectors: [{ ref: 'w', kind: 'crypto', value: wallet }] });
    const body = { marking: GREEN_ALL, selectors: [{ ref: 'w', kind: 'crypto' as const, value: wallet }] };
    const first = await submit(cb, body, { 'idempotency-key': 'retry-me-123' });
    const [reports, hits] = [await count('reports'), await count('hits')];
    const again = await submit(cb, body, { 'idempotency-key': 'retry-me-123' });
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const viaRef1 = await submit(cb, { ...body, sourceRef: 'case-77' });
    const viaRef2 = await submit(cb, { ...body, sourceRef: 'case-77' });
    expect(viaRef2.json().id).toBe(viaRef1.json().id);
    expect(await count('reports')).toBe(reports + 1);
    expect(await count('hits')).toBe(hits + 1);
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const a = await t().newAgency({ country: 'LA' });
    const b = await t().newAgency({ country: 'VN' });
    const ca = await analyst(t(), a);
    const secret = await submit(await analyst(t(), b), {
      marking: {
        tlp: 'RED',
        audience: { kind: 'agencies', agencyIds: [b.id] },
        pap: 'RED',
        reliability: 'A',
        credibility: '1',
      },
      scamCentres: [{ ref: 'c', name: 'Hidden compound', country: 'LA', status: 'active' }],
    });
    const hiddenId = secret.json().entities[0].id;
    const before = [await count('reports'), await count('entities'), await count('alerts')];
    const cases: Array<[Partial<NewReport> & Pick<NewReport, 'marking'>, number, string]> = [
      [{ marking: GREEN_ALL, selectors: [{ ref: 's', kind: 'phone', value: '12' }] }, 400, 'selectors.0.value'],
      [{ marking: GREEN_ALL, moTags: ['alien-abduction'] }, 400, 'moTags.0'],
      [{ marking: { ...GREEN_ALL, tlp: 'RED' } }, 400, 'marking.audience'],
      [
        { marking: GREEN_ALL, selectors: [{ ref: 'x', kind: 'iban', value: 'GB82 WEST 1234 5698 7654 31' }] },
        400,
        'selectors.0.value',
      ],
      [
        {
          marking: GREEN_ALL,
          persons: [
            { ref: 'p', names: ['A'], role: 'boss' },
            { ref: 'p', names: ['B'], role: 'boss' },
          ],
        },
        400,
        'persons.1.ref',
      ],
    ];
    for (const [body, status, field] of cases) {
      const r = await submit(ca, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const link = await submit(ca, {
      marking: GREEN_ALL,
      persons: [{ ref: 'p', names: ['Boss Lee'], role: 'boss' }],
      relationships: [{ from: 'p', to: hiddenId, type: 'operates' }],
    });
    expect(link.statusCode).toBe(404);
    expect([await count('reports'), await count('entities'), await count('alerts')]).toEqual(before);
  });

  it('matches a person across scripts and keeps the analyst’s decision', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ru = await t().newAgency({ country: 'KZ' });
    const [cTh, cRu] = [await analyst(t(), th), await analyst(t(), ru)];
    await submit(cTh, {
      marking: GREEN_ALL,
      persons: [
        { ref: 'p', names: ['Somchai Wattana'], dateOfBirth: '1985-03-02', nationalities: ['TH'], role: 'recruiter' },
      ],
    });
    const r = await submit(cRu, {
      marking: GREEN_ALL,
      persons: [{ ref: 'p', names: ['Сомчай Ваттана'], dateOfBirth: '1985', role: 'recruiter' }],
    });
    const hit = r.json().hits.find((h: { kind: string }) => h.kind === 'person');
    expect(hit).toMatchObject({ kind: 'person', status: 'open', other: { visible: true } });
    expect(hit.reasons.join(' ')).toMatch(/somchai/i);
    const decided = await t().app.inject({
      method: 'POST',
      url: `/api/intel/hits/${hit.id}/decision`,
      headers: { cookie: cTh },
      payload: { decision: 'confirm', note: 'same recruiter, passport copy matches' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'confirmed',
      decision: { note: 'same recruiter, passport copy matches' },
    });
    expect((await get(cRu, `/api/intel/hits/${hit.id}`)).json().status).toBe('confirmed');
  });

  it('runs the disclosure workflow: request, holder approves, requester reads', async () => {
    const a = await t().newAgency({ country: 'KH' });
    const b = await t().newAgency({ country: 'ID' });
    const other = await t().newAgency({ country: 'AU' });
    const [ca, cb] = [await analyst(t(), a), await analyst(t(), b)];
    const held = await submit(cb, {
      title: 'Compound finance cell',
      marking: amberTo([other.id]),
      selectors: [{ ref: 'd', kind: 'domain', value: 'Lucky-Trade-Pro.com' }],
    });
    const mine = await submit(ca, {
      marking: GREEN_ALL,
      selectors: [
        { ref: 'u', kind: 'url', value: 'https://www.lucky-trade-pro.com/login?utm_source=x' },
        { ref: 'd', kind: 'domain', value: 'lucky-trade-pro.com' },
      ],
    });
    const hit = mine.json().hits.find((h: { kind: string }) => h.kind === 'selector');
    expect(hit.other.visible).toBe(false);
    const req = await t().app.inject({
      method: 'POST',
      url: `/api/intel/hits/${hit.id}/disclosure`,
      headers: { cookie: ca },
      payload: { reason: 'Same domain in our fraud case 2026/114' },
    });
    expect(req.statusCode).toBe(201);
    const dup = await t().app.inject({
      method: 'POST',
      url: `/api/intel/hits/${hit.id}/disclosure`,
      headers: { cookie: ca },
      payload: { reason: 'again please' },
    });
    expect(dup.statusCode).toBe(409);
    const incoming = (await get(cb, '/api/intel/disclosures?direction=incoming')).json();
    expect(incoming[0]).toMatchObject({ status: 'pending', requesterAgencyId: a.id });
    const ok = await t().app.inject({
      method: 'POST',
      url: `/api/intel/disclosures/${incoming[0].id}/decision`,
      headers: { cookie: cb },
      payload: { approve: true, note: 'for case 2026/114' },
    });
    expect(ok.statusCode).toBe(200);
    const now = await get(ca, `/api/intel/reports/${held.json().id}`);
    expect(now.statusCode).toBe(200);
    expect(now.json().title).toBe('Compound finance cell');
    expect((await get(ca, `/api/intel/hits/${hit.id}`)).json()).toMatchObject({
      other: { visible: true },
      disclosure: 'approved',
    });
  });

  it('alerts watchers of a selector, an MO or a country, without revealing what they may not read', async () => {
    const a = await t().newAgency({ country: 'MM' });
    const w = await t().newAgency({ country: 'GB' });
    const [ca, cw] = [await analyst(t(), a), await analyst(t(), w)];
    const watch = (body: object) =>
      t().app.inject({ method: 'POST', url: '/api/intel/watchlist', headers: { cookie: cw }, payload: body });
    expect((await watch({ kind: 'mo', value: 'romance-pig-butchering' })).statusCode).toBe(201);
    expect(
      (await watch({ kind: 'selector', selectorKind: 'email', value: 'Recruit.HR@Example-Jobs.com' })).statusCode,
    ).toBe(201);
    expect((await watch({ kind: 'mo', value: 'no-such-tag' })).statusCode).toBe(400);
    expect((await watch({ kind: 'mo', value: 'romance-pig-butchering' })).statusCode).toBe(409);
    await submit(ca, {
      title: 'Shwe Kokko romance desk',
      marking: {
        tlp: 'RED',
        audience: { kind: 'agencies', agencyIds: [a.id] },
        pap: 'RED',
        reliability: 'B',
        credibility: '2',
      },
      moTags: ['romance-pig-butchering'],
      selectors: [{ ref: 'e', kind: 'email', value: 'recruit.hr@example-jobs.com' }],
    });
    const alerts = (await get(cw, '/api/intel/alerts')).json().filter((x: { kind: string }) => x.kind === 'watch');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toMatch(/a new record held by .* touches/);
    expect(alerts[0].title).not.toContain('Shwe Kokko');
  });

  it('matches scam centres by distance in the same country and answers batch lookups', async () => {
    const a = await t().newAgency({ country: 'PH' });
    const b = await t().newAgency({ country: 'JP' });
    const [ca, cb] = [await analyst(t(), a), await analyst(t(), b)];
    await submit(ca, {
      marking: GREEN_ALL,
      scamCentres: [
        {
          ref: 'c',
          name: 'Island Bay Resort',
          country: 'PH',
          location: { lat: 15.0301, lon: 120.6801 },
          status: 'raided',
        },
      ],
    });
    const r = await submit(cb, {
      marking: GREEN_ALL,
      scamCentres: [
        { ref: 'c', name: 'Building 7', country: 'PH', location: { lat: 15.0305, lon: 120.6809 }, status: 'active' },
      ],
    });
    const hit = r.json().hits.find((h: { kind: string }) => h.kind === 'scam-centre');
    expect(hit?.reasons.join(' ')).toMatch(/km apart/);
    const far = await submit(cb, {
      marking: GREEN_ALL,
      scamCentres: [
        { ref: 'c', name: 'Other place', country: 'PH', location: { lat: 14.5, lon: 121.0 }, status: 'active' },
      ],
    });
    expect(far.json().hits).toHaveLength(0);
    await submit(ca, {
      marking: GREEN_ALL,
      selectors: [{ ref: 'i', kind: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    });
    const look = await t().app.inject({
      method: 'POST',
      url: '/api/intel/lookup',
      headers: { cookie: cb },
      payload: {
        selectors: [
          { kind: 'iban', value: 'gb82west12345698765432' },
          { kind: 'phone', value: '+44 20 7946 0000' },
          { kind: 'email', value: 'not-an-email' },
        ],
      },
    });
    expect(look.statusCode).toBe(200);
    const [hitRow, noHit, bad] = look.json();
    expect(hitRow).toMatchObject({
      ok: true,
      hit: true,
      key: 'iban:GB82WEST12345698765432',
      holders: [{ agencyId: a.id, visible: true }],
    });
    expect(noHit).toMatchObject({ ok: true, hit: false, holders: [] });
    expect(bad).toMatchObject({ ok: false, hit: false });
  });
});

describe.each(drivers)('concurrent submissions on %s', (driver) => {
  const t = useTestApp(driver);
  it('finds the hit when two agencies submit the same selector at once, and answers a concurrent sourceRef retry with one report', async () => {
    const a = await t().newAgency({ country: 'TH' });
    const b = await t().newAgency({ country: 'KH' });
    const [ca, cb] = [await analyst(t(), a), await analyst(t(), b)];
    const body = (sourceRef?: string) => ({
      title: 'Same phone',
      summary: '',
      moTags: [],
      marking: GREEN_ALL,
      selectors: [{ ref: 't', kind: 'phone', value: '+66 81 999 1234' }],
      ...(sourceRef ? { sourceRef } : {}),
    });
    const post = (cookie: string, payload: object) =>
      t().app.inject({ method: 'POST', url: '/api/intel/reports', headers: { cookie }, payload });
    const [ra, rb] = await Promise.all([post(ca, body()), post(cb, body())]);
    expect([ra.statusCode, rb.statusCode]).toEqual([201, 201]);
    const hits = await t()
      .database()
      .selectFrom('hits')
      .select('id')
      .where('match_key', '=', 'phone:+66819991234')
      .execute();
    expect(hits).toHaveLength(1);
    const same = await Promise.all([post(ca, body('dup-1')), post(ca, body('dup-1')), post(ca, body('dup-1'))]);
    expect(same.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(same.map((r) => r.json().id)).size).toBe(1);
  });
});

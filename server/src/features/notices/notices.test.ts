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
const CHECKS_OK = { requiredFieldsComplete: true, dataQuality: true, noPoliticalMilitaryReligiousRacial: true };
const PURPLE = {
  type: 'purple',
  title: 'Fake shipping-company job offers leading to compounds',
  summary: 'Recruitment pattern seen in three countries',
  details: {
    modusOperandi: 'Job ads for customer-service posts abroad',
    methods: 'Telegram recruiters, paid flights, passports taken at arrival',
    objects: ['SIM boxes', 'Pre-registered SIM cards'],
    concealment: 'Compounds behind casino fronts',
  },
  publicExtract: 'Beware of well-paid customer-service jobs abroad offered on Telegram.',
};

describe.each(drivers)('notices on %s', (driver) => {
  const t = useTestApp(driver);
  const as = (cookie: string) => ({
    get: (url: string) => t().app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload?: object) =>
      t().app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) }),
    put: (url: string, payload: object) => t().app.inject({ method: 'PUT', url, headers: { cookie }, payload }),
  });
  let hubAgency: TestAgency | null = null;
  const user = async (ctx: TestContext, country: string, role: 'investigator' | 'hub-reviewer' = 'investigator') => {
    // There is one hub: its reviewers share it.
    if (role === 'hub-reviewer') hubAgency ??= await ctx.newAgency({ country, kind: 'hub' });
    const agency = role === 'hub-reviewer' ? (hubAgency as TestAgency) : await ctx.newAgency({ country });
    const u = await ctx.newUser({ agency, roles: [role] });
    return { agency, user: u, http: as(await ctx.login(u)) };
  };

  it('drafts, submits, publishes to every member, cancels, with history and the checklist', async () => {
    const [th, vn, hub] = [await user(t(), 'TH'), await user(t(), 'VN'), await user(t(), 'FR', 'hub-reviewer')];
    const draft = await th.http.post('/api/notices', { ...PURPLE, details: { modusOperandi: 'Job ads abroad' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    expect(draft.json()).toMatchObject({ status: 'draft', revision: 1 });
    // A draft is its agency's alone.
    expect((await vn.http.get(`/api/notices/${id}`)).statusCode).toBe(404);
    expect((await hub.http.get(`/api/notices/${id}`)).statusCode).toBe(404);
    // Submission names each missing field of the type.
    const missing = await th.http.post(`/api/notices/${id}/submit`);
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['details.concealment', 'details.methods', 'details.objects']);
    const edited = await th.http.put(`/api/notices/${id}`, PURPLE);
    expect(edited.json().revision).toBe(2);
    // Only hub reviewers review; a member's attempt is refused, so is a review of a draft.
    expect(
      (await vn.http.post(`/api/notices/${id}/review`, { decision: 'publish', checklist: CHECKS_OK })).statusCode,
    ).toBe(403);
    expect(
      (await hub.http.post(`/api/notices/${id}/review`, { decision: 'publish', checklist: CHECKS_OK })).statusCode,
    ).toBe(404);
    expect((await th.http.post(`/api/notices/${id}/submit`)).json().status).toBe('submitted');
    expect((await th.http.post(`/api/notices/${id}/submit`)).statusCode).toBe(409);
    expect((await th.http.put(`/api/notices/${id}`, PURPLE)).statusCode).toBe(409);
    expect((await hub.http.get('/api/notices/review-queue')).json().map((n: { id: string }) => n.id)).toContain(id);
    expect((await vn.http.get(`/api/notices/${id}`)).statusCode).toBe(404);
    // Returned with reasons (reasons required), revised, submitted again.
    const noReason = await hub.http.post(`/api/notices/${id}/review`, { decision: 'return', checklist: CHECKS_OK });
    expect(noReason.json().errors[0].field).toBe('reasons');
    const returned = await hub.http.post(`/api/notices/${id}/review`, {
      decision: 'return',
      checklist: { ...CHECKS_OK, dataQuality: false },
      reasons: 'Name the countries where the ads ran',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReasons: 'Name the countries where the ads ran',
    });
    await th.http.put(`/api/notices/${id}`, { ...PURPLE, summary: 'Ads seen in TH, VN and ID' });
    await th.http.post(`/api/notices/${id}/submit`);
    // Publication needs every check.
    const notAll = await hub.http.post(`/api/notices/${id}/review`, {
      decision: 'publish',
      checklist: { ...CHECKS_OK, noPoliticalMilitaryReligiousRacial: false },
    });
    expect(notAll.statusCode).toBe(400);
    expect(notAll.json().errors[0].field).toBe('checklist.noPoliticalMilitaryReligiousRacial');
    const published = await hub.http.post(`/api/notices/${id}/review`, { decision: 'publish', checklist: CHECKS_OK });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', expiresAt: '2027-06-01T08:00:00.000Z' });
    // Every member sees it, live and in search.
    const live = await sql<{ audience: { kind: string } }>`select audience from outbox
      where topic = 'notices.notice.published' and data->>'noticeId' = ${id}`.execute(t().database());
    expect(live.rows).toEqual([{ audience: { kind: 'members' } }]);
    const seen = await vn.http.get(`/api/notices/${id}`);
    expect(seen.json()).toMatchObject({ status: 'published', summary: 'Ads seen in TH, VN and ID' });
    expect(seen.json().history.map((h: { action: string }) => h.action)).toEqual([
      'drafted',
      'edited',
      'submitted',
      'returned',
      'edited',
      'submitted',
      'published',
    ]);
    expect(seen.json().history[3]).toMatchObject({
      reasons: 'Name the countries where the ads ran',
      checklist: { dataQuality: false },
    });
    expect(seen.json().history[0].snapshot.details).toEqual({ modusOperandi: 'Job ads abroad' });
    const found = await vn.http.get('/api/notices?type=purple&q=telegram%20casino');
    expect(found.json().map((n: { id: string }) => n.id)).toContain(id);
    expect((await vn.http.get('/api/notices?type=red&q=telegram')).json()).toEqual([]);
    // The public extract is public.
    const pub = await t().app.inject({ method: 'GET', url: '/api/public/notices' });
    expect(pub.json()).toContainEqual(expect.objectContaining({ id, extract: PURPLE.publicExtract }));
    // Cancelled by its agency (not by another member); stays readable as cancelled.
    expect((await vn.http.post(`/api/notices/${id}/cancel`, { reason: 'not mine' })).statusCode).toBe(403);
    expect((await th.http.post(`/api/notices/${id}/cancel`, { reason: 'Network dismantled' })).json().status).toBe(
      'cancelled',
    );
    expect((await th.http.post(`/api/notices/${id}/cancel`, { reason: 'again' })).statusCode).toBe(409);
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/public/notices' })).json().map((n: { id: string }) => n.id),
    ).not.toContain(id);
  });

  it('requires each type’s own fields and allows public extracts only where the type does', async () => {
    const th = await user(t(), 'TH');
    const subject = { name: 'Chen Long', nationalities: ['CN'] };
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['red', { subject, charges: 'Trafficking in persons' }, ['details.issuingAuthority', 'details.warrantReference']],
      [
        'yellow',
        { subject },
        ['details.circumstances', 'details.familyConsent', 'details.lastSeenPlace', 'details.missingSince'],
      ],
      [
        'orange',
        { threatKind: 'event' },
        ['details.countriesAtRisk', 'details.imminence', 'details.threatDescription'],
      ],
      ['silver', { subject, legalBasis: 'Court order 12/2026' }, ['details.assetsSought', 'details.jurisdictions']],
      ['green', {}, ['details.criminalActivities', 'details.subject', 'details.warningReason']],
      [
        'blue',
        { subject: { name: 'X Y' } },
        ['details.informationSought', 'details.reason', 'details.subject.nationalities'],
      ],
    ];
    for (const [type, details, fields] of cases) {
      const d = await th.http.post('/api/notices', { type, title: `A ${type} notice`, summary: '', details });
      expect(d.statusCode, d.body).toBe(201);
      const s = await th.http.post(`/api/notices/${d.json().id}/submit`);
      expect(s.statusCode).toBe(400);
      expect(
        s
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
        type,
      ).toEqual(fields);
    }
    // A field of another type, or a malformed one, is refused even in a draft.
    const wrong = await th.http.post('/api/notices', {
      type: 'purple',
      title: 'Wrong',
      summary: '',
      details: { warrantReference: 'W1' },
    });
    expect(wrong.json().errors[0].field).toBe('details.warrantReference');
    const red = await th.http.post('/api/notices', {
      type: 'red',
      title: 'Extract',
      summary: '',
      details: {},
      publicExtract: 'Wanted man at large, call us.',
    });
    expect(red.json().errors[0].field).toBe('publicExtract');
    const yellow = await th.http.post('/api/notices', {
      type: 'yellow',
      title: 'Missing worker',
      summary: '',
      details: { familyConsent: false },
      publicExtract: 'Missing since March near Myawaddy.',
    });
    expect(yellow.json().errors[0].field).toBe('publicExtract');
    expect(
      await sql<{
        n: number;
      }>`select count(*)::int as n from notices where title in ('Wrong', 'Extract', 'Missing worker')`
        .execute(t().database())
        .then((r) => r.rows[0]?.n),
    ).toBe(0);
  });

  it('expires a published notice after its review period, by the moved clock', async () => {
    const [th, hub] = [await user(t(), 'TH'), await user(t(), 'FR', 'hub-reviewer')];
    const d = await th.http.post('/api/notices', { ...PURPLE, reviewPeriodDays: 30 });
    const id = d.json().id as string;
    await th.http.post(`/api/notices/${id}/submit`);
    await hub.http.post(`/api/notices/${id}/review`, { decision: 'publish', checklist: CHECKS_OK });
    const status = async () =>
      (await sql<{ status: string }>`select status from notices where id = ${id}`.execute(t().database())).rows[0]
        ?.status;
    t().clock.advance(29 * 86_400_000);
    await t().jobs.runDue();
    expect(await status()).toBe('published');
    t().clock.advance(2 * 86_400_000);
    await t().jobs.runDue();
    expect(await status()).toBe('expired');
    const history = await sql<{
      action: string;
    }>`select action from notice_revisions where notice_id = ${id} order by created_at`.execute(t().database());
    expect(history.rows.at(-1)).toEqual({ action: 'expired' });
    // An expired notice takes no further step; members still read it, marked expired.
    const [thAgain, hubAgain] = [as(await t().login(th.user)), as(await t().login(hub.user))];
    expect((await thAgain.post(`/api/notices/${id}/cancel`, { reason: 'too late' })).statusCode).toBe(409);
    expect(
      (await hubAgain.post(`/api/notices/${id}/review`, { decision: 'publish', checklist: CHECKS_OK })).statusCode,
    ).toBe(409);
    expect((await thAgain.put(`/api/notices/${id}`, PURPLE)).statusCode).toBe(409);
    expect((await thAgain.post(`/api/notices/${id}/submit`)).statusCode).toBe(409);
    expect((await thAgain.get(`/api/notices/${id}`)).json().status).toBe('expired');
  });

  it('links notices to intelligence: an entity shows the notices about it, by id or by its selector', async () => {
    const [th, ph] = [await user(t(), 'TH'), await user(t(), 'PH')];
    const report = await ph.http.post('/api/intel/reports', {
      title: 'Recruiter',
      summary: '',
      moTags: [],
      marking: GREEN_ALL,
      selectors: [{ ref: 's', kind: 'phone', value: '+63 917 123 4567' }],
    });
    expect(report.statusCode, report.body).toBe(201);
    const entity = report.json().entities[0].id as string;
    const bySelector = await th.http.post('/api/notices', {
      type: 'blue',
      title: 'Who uses this number',
      summary: '',
      details: {},
      selectors: [{ kind: 'phone', value: '0917 123 4567', country: 'PH' }],
    });
    expect(bySelector.json().selectorKeys).toEqual(['phone:+639171234567']);
    const byId = await th.http.post('/api/notices', {
      type: 'blue',
      title: 'About the entity',
      summary: '',
      details: {},
      entityIds: [entity],
    });
    expect(byId.statusCode, byId.body).toBe(201);
    const about = (await th.http.get(`/api/notices/about-entity/${entity}`)).json().map((n: { id: string }) => n.id);
    expect(about.sort()).toEqual([bySelector.json().id, byId.json().id].sort());
    // PH sees the entity but not TH's drafts.
    expect((await ph.http.get(`/api/notices/about-entity/${entity}`)).json()).toEqual([]);
    const hidden = await th.http.post('/api/notices', {
      type: 'blue',
      title: 'Bad link',
      summary: '',
      details: {},
      entityIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(hidden.json().errors[0].field).toBe('entityIds.0');
    const search = await th.http.get('/api/notices?selectorKind=phone&selectorValue=%2B639171234567');
    expect(search.json().map((n: { id: string }) => n.id)).toEqual([bySelector.json().id]);
  });

  it('sends diffusions straight to chosen agencies, without review', async () => {
    const [th, vn, ke] = [await user(t(), 'TH'), await user(t(), 'VN'), await user(t(), 'KE')];
    const bad = await th.http.post('/api/notices/diffusions', {
      title: 'Alert',
      body: 'Body text',
      recipientAgencyIds: [th.agency.id],
    });
    expect(bad.json().errors[0].field).toBe('recipientAgencyIds.0');
    const d = await th.http.post('/api/notices/diffusions', {
      title: 'Recruiter travelling to Hanoi',
      body: 'Expected on flight TG560 on 3 June',
      recipientAgencyIds: [vn.agency.id],
      type: 'blue',
    });
    expect(d.statusCode, d.body).toBe(201);
    expect((await vn.http.get(`/api/notices/diffusions/${d.json().id}`)).json().title).toBe(
      'Recruiter travelling to Hanoi',
    );
    expect((await ke.http.get(`/api/notices/diffusions/${d.json().id}`)).statusCode).toBe(404);
    expect((await ke.http.get('/api/notices/diffusions')).json()).toEqual([]);
    const live = await sql<{ audience: unknown }>`select audience from outbox where topic = 'notices.diffusion'
      and data->>'diffusionId' = ${d.json().id}`.execute(t().database());
    expect(live.rows).toEqual([{ audience: { kind: 'agencies', agencyIds: [vn.agency.id] } }]);
  });
});

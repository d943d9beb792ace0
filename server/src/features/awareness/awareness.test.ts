import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { WARNING_LIST_CHANGED } from '../intel/warning-list-events.ts';

const scam = (over: Record<string, unknown> = {}) => ({
  country: 'PH',
  channel: 'messaging-app',
  scamType: 'investment-crypto',
  whatHappened: 'A woman on Telegram convinced me to invest in a crypto platform and I lost my savings.',
  selectors: [
    { kind: 'handle', value: '@Lucky_Invest88', platform: 'telegram' },
    { kind: 'phone', value: '+63 917 123 4567' },
    { kind: 'domain', value: 'not a domain!!' },
  ],
  amountsLost: [{ amount: '125000.50', currency: 'PHP' }],
  contact: 'maria.reporter@example.org',
  ...over,
});

async function officer(t: TestContext, agency: TestAgency, role: 'analyst' | 'case-worker' = 'analyst') {
  return t.login(await t.newUser({ agency, roles: [role] }));
}

describe.each(drivers)('public portal on %s', (driver) => {
  const t = useTestApp(driver);
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t().app.inject({ method: 'POST', url, payload, headers });
  const get = (url: string, cookie = '') => t().app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('checks a job offer without an account, flagging selectors published as TLP:CLEAR warnings only', async () => {
    const th = await t().newAgency({ country: 'TH', kind: 'police' });
    const analyst = await officer(t(), th);
    const publish = (tlp: string, value: string) =>
      t().app.inject({
        method: 'POST',
        url: '/api/intel/reports',
        headers: { cookie: analyst },
        payload: {
          title: `Recruiter warning ${tlp}`,
          summary: '',
          moTags: [],
          marking: {
            tlp,
            audience: { kind: 'all' },
            pap: tlp === 'CLEAR' ? 'CLEAR' : 'GREEN',
            reliability: 'B',
            credibility: '2',
          },
          selectors: [{ ref: 's', kind: 'phone', value, country: 'TH' }],
        },
      });
    expect((await publish('CLEAR', '+66 81 234 5678')).statusCode).toBe(201);
    expect((await publish('GREEN', '+66 89 999 8888')).statusCode).toBe(201);
    const r = await post('/api/public/check/job', {
      text: 'Customer service job, no experience needed, salary $2000 a month. Free ticket and visa to Cambodia. Call 081-234-5678 or 089-999-8888.',
      country: 'TH',
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.risk).toBe('high');
    const codes = body.reasons.map((x: { code: string }) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['warning-list', 'travel-paid-hotspot', 'high-pay-no-experience']));
    // The GREEN selector is not public: it must not be revealed to the public.
    expect(body.reasons.filter((x: { code: string }) => x.code === 'warning-list')).toEqual([
      { code: 'warning-list', severity: 'high', evidence: ['+66 81 234 5678'] },
    ]);
    const msg = await post('/api/public/check/message', {
      text: 'Your parcel is held, pay the fee',
      sender: '0812345678',
      country: 'TH',
    });
    expect(msg.json().reasons[0]).toMatchObject({ code: 'warning-list' });
  });

  it('keeps the warning list in memory (no query per check) and reloads it when a TLP:CLEAR report is published', async () => {
    const vn = await t().newAgency({ country: 'VN', kind: 'police' });
    const analyst = await officer(t(), vn);
    const list = t().app.features.awareness.public.warningList;
    const publish = (tlp: string, value: string) =>
      t().app.inject({
        method: 'POST',
        url: '/api/intel/reports',
        headers: { cookie: analyst },
        payload: {
          title: `Recruiter number ${tlp}`,
          summary: '',
          moTags: [],
          marking: { tlp, audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' },
          selectors: [{ ref: 's', kind: 'phone', value, country: 'VN' }],
        },
      });
    const flagged = async (sender: string) => {
      const r = await post('/api/public/check/message', { text: 'Call me back about the job', sender, country: 'VN' });
      expect(r.statusCode).toBe(200);
      return r.json().reasons.some((x: { code: string }) => x.code === 'warning-list');
    };
    const changes = async () =>
      Number(
        (
          await t()
            .database()
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('topic', '=', WARNING_LIST_CHANGED)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await flagged('+84 912 345 678')).toBe(false);
    await list.settled();
    const loads = list.loads;
    for (let i = 0; i < 5; i++) await flagged('+84 912 345 678');
    expect(list.loads).toBe(loads);

    const before = await changes();
    expect((await publish('GREEN', '+84 912 000 111')).statusCode).toBe(201);
    expect(await changes()).toBe(before);
    expect((await publish('CLEAR', '0912 345 678')).statusCode).toBe(201);
    expect(await changes()).toBe(before + 1);
    await vi.waitFor(() => expect(list.loads).toBeGreaterThan(loads), { timeout: 10_000 });
    await list.settled();
    expect(await flagged('+84 912 345 678')).toBe(true);
    expect(await flagged('+84 912 000 111')).toBe(false);
  });

  it('refuses bad input with the field at fault, oversize bodies, and extra fields', async () => {
    const empty = await post('/api/public/check/job', { text: '' });
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('text');
    const extra = await post('/api/public/reports/scam', scam({ trackingId: 'x' }));
    expect(extra.statusCode).toBe(400);
    const money = await post('/api/public/reports/scam', scam({ amountsLost: [{ amount: '1e9', currency: 'PHP' }] }));
    expect(money.statusCode).toBe(400);
    expect(JSON.stringify(money.json())).toContain('amountsLost');
    const huge = await post('/api/public/check/message', { text: 'x'.repeat(20_000) });
    expect(huge.statusCode).toBe(413);
    const count = await sql<{ n: number }>`select count(*)::int as n from public_reports`.execute(t().database());
    expect(count.rows[0]?.n).toBe(0);
  });

  it('files a scam report in the triage queue of the reporter’s country, encrypted, with a private follow-up link', async () => {
    const ph = await t().newAgency({ country: 'PH', kind: 'police' });
    const vn = await t().newAgency({ country: 'VN', kind: 'police' });
    const r = await post('/api/public/reports/scam', scam());
    expect(r.statusCode).toBe(201);
    const { reference, token } = r.json();
    expect(reference).toMatch(/^CRD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // At rest: no plain words, no contact, no token.
    const row = await t()
      .database()
      .selectFrom('public_reports')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.agency_id).toBe(ph.id);
    expect(JSON.stringify(row)).not.toContain('maria.reporter');
    expect(JSON.stringify(row)).not.toContain('Telegram');
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.selector_keys.sort()).toEqual(['handle:telegram:lucky_invest88', 'phone:+639171234567']);

    const phCookie = await officer(t(), ph);
    const queue = (await get('/api/awareness/triage', phCookie)).json();
    const item = queue.find((i: { reference: string }) => i.reference === reference);
    expect(item).toMatchObject({ kind: 'scam', status: 'new', country: 'PH', contact: 'maria.reporter@example.org' });
    expect(item.details.amountsLost).toEqual([{ amount: '125000.50', currency: 'PHP' }]);
    const vnQueue = (await get('/api/awareness/triage', await officer(t(), vn))).json();
    expect(vnQueue.some((i: { reference: string }) => i.reference === reference)).toBe(false);

    // The private link: status and additions with the token; anything else is "not found".
    const status = await post(`/api/public/reports/${reference}/status`, { token });
    expect(status.json()).toMatchObject({ reference, status: 'new', additions: 0 });
    expect((await post(`/api/public/reports/${reference}/status`, { token: `${token}x` })).statusCode).toBe(404);
    expect((await post('/api/public/reports/CRD-ZZZZ-ZZZZ/status', { token })).statusCode).toBe(404);
    const added = await post(`/api/public/reports/${reference}/additions`, {
      token,
      text: 'He also used the number +63 917 765 4321.',
    });
    expect(added.json().additions).toBe(1);
    const again = (await get('/api/awareness/triage', phCookie))
      .json()
      .find((i: { reference: string }) => i.reference === reference);
    expect(again.additions[0].text).toContain('+63 917 765 4321');
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'awareness.triage.read'`.execute(t().database());
    expect(audit.rows[0]?.n).toBeGreaterThan(0);
  });

  it('folds a repeated submission into the first, and stores nothing from a filled honeypot', async () => {
    await t().newAgency({ country: 'ID', kind: 'police' });
    const body = scam({ country: 'ID', whatHappened: 'Same story told twice by the same person, word for word.' });
    const a = await post('/api/public/reports/scam', body);
    const b = await post('/api/public/reports/scam', {
      ...body,
      whatHappened: `  ${body.whatHappened.toUpperCase()} `,
    });
    expect(a.json().reference).not.toBe(b.json().reference);
    const rows = await t()
      .database()
      .selectFrom('public_reports')
      .select(['id', 'duplicate_of'])
      .where('country', '=', 'ID')
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.duplicate_of !== null)).toHaveLength(1);
    const before = rows.length;
    const bot = await post('/api/public/reports/scam', scam({ country: 'ID', website: 'http://spam.example' }));
    expect(bot.statusCode).toBe(201);
    expect(bot.json().reference).toMatch(/^CRD-/);
    const after = await t().database().selectFrom('public_reports').select('id').where('country', '=', 'ID').execute();
    expect(after).toHaveLength(before);
  });

  it('verifies a scam report into an intelligence report, rejects another, and keeps missing relatives for case workers', async () => {
    const ke = await t().newAgency({ country: 'KE', kind: 'police' });
    const analyst = await officer(t(), ke);
    const caseWorker = await officer(t(), ke, 'case-worker');
    const one = (
      await post('/api/public/reports/scam', scam({ country: 'KE', whatHappened: 'Fake job in Myawaddy, paid a fee.' }))
    ).json();
    const two = (
      await post(
        '/api/public/reports/scam',
        scam({ country: 'KE', whatHappened: 'Obvious joke report, nothing happened.' }),
      )
    ).json();
    const rel = await post('/api/public/reports/missing-relative', {
      country: 'KE',
      relativeName: 'John Otieno',
      relativeAge: 24,
      lastKnownPlace: 'Myawaddy, Myanmar',
      relation: 'mother',
      circumstances: 'Left in March for a job in Thailand, last message said they took his passport.',
      contact: '+254 712 345 678',
    });
    expect(rel.statusCode).toBe(201);
    const badRelation = await post('/api/public/reports/missing-relative', {
      country: 'KE',
      relativeName: 'Jane Otieno',
      lastKnownPlace: 'Myawaddy, Myanmar',
      relation: 'm',
      circumstances: 'Left in April for a job in Thailand and stopped answering.',
      contact: '+254 712 345 679',
    });
    expect(badRelation.statusCode).toBe(400);
    expect(JSON.stringify(badRelation.json())).toContain('relation');
    const queue = (await get('/api/awareness/triage?status=new', analyst)).json();
    const id = (ref: string) => queue.find((i: { reference: string }) => i.reference === ref).id;
    // A case worker may not turn a scam report into intelligence.
    const cw = await post(
      `/api/awareness/triage/${id(one.reference)}/decision`,
      { decision: 'verify' },
      { cookie: caseWorker },
    );
    expect(cw.statusCode).toBe(403);
    const ok = await post(
      `/api/awareness/triage/${id(one.reference)}/decision`,
      { decision: 'verify', note: 'Called back, credible.' },
      { cookie: analyst },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('verified');
    const report = (await get(`/api/intel/reports/${ok.json().intelReportId}`, analyst)).json();
    expect(report.title).toContain(one.reference);
    expect(report.entities.map((e: { key: string }) => e.key).sort()).toEqual([
      'handle:telegram:lucky_invest88',
      'phone:+639171234567',
    ]);
    const twice = await post(
      `/api/awareness/triage/${id(one.reference)}/decision`,
      { decision: 'reject' },
      { cookie: analyst },
    );
    expect(twice.statusCode).toBe(409);
    expect(
      (
        await post(`/api/awareness/triage/${id(two.reference)}/decision`, { decision: 'reject' }, { cookie: analyst })
      ).json().status,
    ).toBe('rejected');
    const missing = queue.find((i: { kind: string }) => i.kind === 'missing-relative');
    expect(missing.details).toMatchObject({
      relativeName: 'John Otieno',
      lastKnownPlace: 'Myawaddy, Myanmar',
      relation: 'mother',
    });
    const v = await post(
      `/api/awareness/triage/${missing.id}/decision`,
      { decision: 'verify' },
      { cookie: caseWorker },
    );
    expect(v.json()).toMatchObject({ status: 'verified', intelReportId: null });
    // The reporter sees the outcome through the link.
    expect((await post(`/api/public/reports/${one.reference}/status`, { token: one.token })).json().status).toBe(
      'verified',
    );
    // Another agency cannot decide this queue's items.
    const other = await t().newAgency({ country: 'KE', kind: 'ngo' });
    const foreign = await post(
      `/api/awareness/triage/${id(two.reference)}/decision`,
      { decision: 'verify' },
      { cookie: await officer(t(), other) },
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('shows active campaigns by language and country and counts reach in aggregate only', async () => {
    const id = await t().newAgency({ country: 'ID', kind: 'ncb' });
    const sup = await t().login(await t().newUser({ agency: id, roles: ['supervisor'] }));
    const c = await post(
      '/api/awareness/campaigns',
      {
        code: 'kerja-aman-2026',
        name: 'Safe jobs 2026',
        messages: {
          en: { title: 'Check before you go', body: 'Too good to be true?' },
          id: { title: 'Cek sebelum berangkat', body: 'Terlalu bagus untuk jadi kenyataan?' },
        },
        targetCountries: ['ID'],
        ageGroups: ['18-24'],
        channels: ['tiktok'],
        startsOn: '2026-05-01',
        endsOn: '2026-07-31',
      },
      { cookie: sup },
    );
    expect(c.statusCode).toBe(201);
    const dup = await post('/api/awareness/campaigns', { ...c.json(), id: undefined }, { cookie: sup });
    expect(dup.statusCode).toBe(400);
    expect((await get('/api/public/campaigns?lang=id&country=ID')).json()).toEqual([
      {
        code: 'kerja-aman-2026',
        lang: 'id',
        title: 'Cek sebelum berangkat',
        body: 'Terlalu bagus untuk jadi kenyataan?',
      },
    ]);
    expect((await get('/api/public/campaigns?lang=vi&country=ID')).json()[0].lang).toBe('en');
    expect((await get('/api/public/campaigns?lang=id&country=VN')).json()).toEqual([]);
    for (let i = 0; i < 3; i++)
      await post('/api/public/campaigns/kerja-aman-2026/reach', { kind: 'view', country: 'ID' });
    await post('/api/public/campaigns/kerja-aman-2026/reach', { kind: 'click' });
    await post('/api/public/check/job', { text: 'Kerja di Kamboja', campaign: 'kerja-aman-2026', country: 'ID' });
    const reach = (await get(`/api/awareness/campaigns/${c.json().id}/reach`, sup)).json();
    expect(reach).toEqual([
      { day: '2026-06-01', country: 'ID', kind: 'check', count: 1 },
      { day: '2026-06-01', country: 'ID', kind: 'view', count: 3 },
      { day: '2026-06-01', country: 'ZZ', kind: 'click', count: 1 },
    ]);
    expect((await get('/api/awareness/campaigns', sup)).json()[0].totals).toEqual({
      view: 3,
      click: 1,
      check: 1,
      report: 0,
    });
    // After the period the campaign is no longer shown.
    t().clock.set(new Date('2026-08-01T00:00:00Z'));
    expect((await get('/api/public/campaigns?lang=id&country=ID')).json()).toEqual([]);
  });
  it('lets an agency maintain the support directory of its own country, shown to the public', async () => {
    const vn = await t().newAgency({ country: 'VN', kind: 'consulate' });
    const admin = await t().login(await t().newUser({ agency: vn, roles: ['agency-admin'] }));
    const entry = {
      country: 'VN',
      kind: 'hotline',
      name: 'Duong day nong test',
      phone: '+84 24 1234 5678',
      languages: ['vi'],
    };
    const r = await post('/api/awareness/directory', entry, { cookie: admin });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ name: 'Duong day nong test', demo: false });
    const other = await post('/api/awareness/directory', { ...entry, country: 'TH' }, { cookie: admin });
    expect(other.statusCode).toBe(400);
    expect(JSON.stringify(other.json())).toContain('country');
    const bad = await post('/api/awareness/directory', { ...entry, url: 'javascript:alert(1)' }, { cookie: admin });
    expect(bad.statusCode).toBe(400);
    expect((await get('/api/public/directory?country=VN')).json().map((e: { name: string }) => e.name)).toContain(
      'Duong day nong test',
    );
    const del = await t().app.inject({
      method: 'DELETE',
      url: `/api/awareness/directory/${r.json().id}`,
      headers: { cookie: admin },
    });
    expect(del.statusCode).toBe(204);
    expect((await get('/api/public/directory?country=VN')).json()).toEqual([]);
  });
});

describe.each(drivers)('public portal rate limits on %s', (driver) => {
  const t = useTestApp(driver, { publicRateLimit: 3 });
  it('answers 429 once a client address has used its allowance', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await t().app.inject({
        method: 'POST',
        url: '/api/public/check/message',
        payload: { text: `hello ${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429]);
    // Another client address has its own allowance.
    const other = await t().app.inject({
      method: 'POST',
      url: '/api/public/check/message',
      payload: { text: 'hello' },
      remoteAddress: '203.0.113.9',
    });
    expect(other.statusCode).toBe(200);
  });
});

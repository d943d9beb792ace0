import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

const HOUR = 3600_000;

async function as(t: TestContext, agency: TestAgency, roles: Parameters<TestContext['newUser']>[0]['roles']) {
  const user = await t.newUser({ agency, roles });
  return { user, cookie: await t.login(user) };
}

describe.each(drivers)('rescue protocol on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown, headers = {}) =>
    t().app.inject({
      method,
      url,
      headers: { cookie, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const outbox = async (topic: string) =>
    (
      await sql<{
        data: Record<string, unknown>;
        audience: { kind: string; agencyIds?: string[]; userIds?: string[] };
      }>`
        select data, audience from outbox where topic = ${topic} order by id`.execute(t().database())
    ).rows;

  it('walks a critical case to "rescued", refusing illegal steps with the reason, and escalates a breach exactly once', async () => {
    const hub = await t().newAgency({ country: 'FR', kind: 'hub' });
    const thPolice = await t().newAgency({ country: 'TH', kind: 'police' });
    const idConsulate = await t().newAgency({ country: 'ID', kind: 'consulate' });
    const sup = await as(t(), thPolice, ['supervisor']);
    const inv = await as(t(), thPolice, ['investigator']);
    const consul = await as(t(), idConsulate, ['case-worker']);
    const outsider = await as(t(), await t().newAgency({ country: 'KE', kind: 'police' }), ['investigator']);
    void hub;

    const opened = await call(inv.cookie, 'POST', '/api/rescue/cases', {
      hostCountry: 'TH',
      persons: [
        { name: 'Siti Rahayu', nationality: 'ID', dateOfBirth: '1999-03-14', gender: 'female', languages: ['id'] },
      ],
      location: { area: 'Mae Sot border', description: 'Pinned by her brother from a smuggled phone', confidence: 0.4 },
      riskFactors: { immediateDanger: true, confiscatedDocuments: true },
      reporter: { channel: 'family', name: 'Budi Rahayu', relation: 'brother', contact: '+6281234567890' },
      consentToContact: true,
      supervisorUserId: sup.user.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const kase = opened.json();
    expect(kase).toMatchObject({ stage: 'reported', riskLevel: 'critical', persons: 1 });
    expect(kase.deadlineAt).toBe(new Date(t().clock.now().getTime() + HOUR).toISOString());
    expect(kase.myParties).toEqual(['host-police']);
    // The Indonesian consulate joined the team on its own (a national of theirs).
    expect(kase.team.map((m: { agencyId: string; party: string }) => [m.agencyId, m.party])).toContainEqual([
      idConsulate.id,
      'consulate',
    ]);
    const id = kase.id as string;
    const step = (cookie: string, body: object) => call(cookie, 'POST', `/api/rescue/cases/${id}/transitions`, body);

    // Illegal: skipping steps, a step without its data, a party or role outside the step.
    const skip = await step(inv.cookie, { to: 'rescued', rescuedAt: '2026-06-01' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toMatch(/cannot go from reported to rescued/);
    const noData = await step(inv.cookie, { to: 'triaged' });
    expect(noData.statusCode).toBe(422);
    expect(noData.json().errors).toEqual([{ field: 'riskLevel', message: 'is required' }]);
    const wrongParty = await step(consul.cookie, { to: 'triaged', riskLevel: 'critical' });
    expect(wrongParty.statusCode).toBe(403);
    expect(wrongParty.json().detail).toMatch(/taken by host-police/);
    expect((await step(outsider.cookie, { to: 'triaged', riskLevel: 'critical' })).statusCode).toBe(404);

    // The deadline passes: one escalation, to the supervisor and the hub; running the jobs again adds none.
    t().clock.advance(HOUR + 60_000);
    await t().jobs.runDue();
    await t().jobs.runDue();
    // Sessions idle out over an hour: sign in again.
    for (const u of [sup, inv, consul]) u.cookie = await t().login(u.user);
    const esc = await sql<{
      n: number;
    }>`select count(*)::int as n from rescue_escalations where case_id = ${id}`.execute(t().database());
    expect(esc.rows[0]?.n).toBe(1);
    const breaches = (await outbox('rescue.deadline.breached')).filter((e) => e.data.caseId === id);
    expect(breaches.map((e) => e.audience)).toEqual([
      { kind: 'users', userIds: [sup.user.id] },
      { kind: 'agencies', agencyIds: expect.arrayContaining([hub.id]) },
    ]);
    const breachedRes = await call(inv.cookie, 'GET', `/api/rescue/cases/${id}`);
    expect(breachedRes.statusCode, breachedRes.body).toBe(200);
    const breached = breachedRes.json();
    expect(breached.breached).toBe(true);
    expect(breached.timeline[0]).toMatchObject({ kind: 'escalation' });

    // Walk on to "rescued".
    expect((await step(inv.cookie, { to: 'triaged', riskLevel: 'critical' })).statusCode).toBe(200);
    expect(
      (await step(inv.cookie, { to: 'verified', verificationSource: 'call-back with the brother' })).statusCode,
    ).toBe(200);
    const located = await step(inv.cookie, { to: 'located', location: { lat: 16.71, lon: 98.57, confidence: 0.8 } });
    expect(located.statusCode, located.body).toBe(200);
    expect((await step(inv.cookie, { to: 'rescue-planned', plannedFor: '2026-06-05' })).statusCode).toBe(403);
    expect((await step(sup.cookie, { to: 'rescue-planned', plannedFor: '2026-06-05' })).statusCode).toBe(200);
    const future = await step(inv.cookie, { to: 'rescued', rescuedAt: '2099-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].field).toBe('rescuedAt');
    const rescued = await step(inv.cookie, { to: 'rescued', rescuedAt: '2026-06-01' });
    expect(rescued.statusCode).toBe(200);
    expect(rescued.json()).toMatchObject({ stage: 'rescued', breached: false });
    expect(rescued.json().nextSteps.map((s: { to: string }) => s.to)).toEqual([
      'screened',
      'deceased',
      'declined-assistance',
    ]);
    // Screening before "screened": every person needs a determination.
    expect((await step(inv.cookie, { to: 'screened' })).statusCode).toBe(422);
    const person = rescued.json().visiblePersons[0];
    const screened = await call(inv.cookie, 'POST', `/api/rescue/persons/${person.id}/screening`, {
      indicators: ['confiscated-documents', 'forced-criminal-activity'],
      notes: 'made to run romance scams under threat',
    });
    expect(screened.statusCode, screened.body).toBe(200);
    expect(screened.json().screening).toMatchObject({ determination: 'identified-victim', nonPunishment: true });
    const done = await step(inv.cookie, { to: 'screened' });
    expect(done.statusCode).toBe(200);
    expect(done.json().nonPunishment).toBe(1);

    // Hand-off: the receiving party is told live.
    const handed = await call(inv.cookie, 'POST', `/api/rescue/cases/${id}/handoff`, { toAgencyId: idConsulate.id });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().responsibleAgencyId).toBe(idConsulate.id);
    const handoffs = (await outbox('rescue.case.handoff')).filter((e) => e.data.caseId === id);
    expect(handoffs.map((e) => e.audience)).toEqual([{ kind: 'agencies', agencyIds: [idConsulate.id] }]);

    // The consulate sends its national home in a batch: documents, transport, departure, reception.
    const batch = await call(consul.cookie, 'POST', `/api/rescue/cases/${id}/batches`, {
      nationality: 'ID',
      personIds: [person.id],
      transportMode: 'air',
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const bid = batch.json().id;
    const advance = (body: object) => call(consul.cookie, 'POST', `/api/rescue/batches/${bid}/advance`, body);
    expect((await advance({ status: 'departed' })).statusCode).toBe(409);
    expect((await advance({ status: 'documents-ready' })).statusCode).toBe(200);
    const noDate = await advance({ status: 'transport-booked' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().errors[0].field).toBe('travelDate');
    expect((await advance({ status: 'transport-booked', travelDate: '2026-06-10' })).statusCode).toBe(200);
    expect((await advance({ status: 'departed' })).statusCode).toBe(200);
    const dash = (await call(consul.cookie, 'GET', `/api/rescue/dashboard?caseId=${id}`)).json();
    expect(dash.byNationality).toEqual([
      { nationality: 'ID', total: 1, byStatus: { departed: 1 }, nonPunishment: 1, matches: 0 },
    ]);
    expect(dash.batches).toMatchObject([{ id: bid, status: 'departed', persons: 1, travelDate: '2026-06-10' }]);
    // Another consulate may not batch Indonesians.
    const other = await as(t(), await t().newAgency({ country: 'PH', kind: 'consulate' }), ['case-worker']);
    expect(
      (await call(other.cookie, 'POST', `/api/rescue/batches/${bid}/advance`, { status: 'received' })).statusCode,
    ).toBe(404);
  });

  it('keeps personal fields encrypted at rest: the raw row holds no plaintext and decrypts back', async () => {
    const police = await t().newAgency({ country: 'KH', kind: 'police' });
    const inv = await as(t(), police, ['investigator']);
    const res = await call(inv.cookie, 'POST', '/api/rescue/cases', {
      hostCountry: 'KH',
      persons: [{ name: 'Nguyễn Thị Hoa', nationality: 'VN', dateOfBirth: '2001-07-09', contacts: ['+84901234567'] }],
      location: { description: 'Building C, 4th floor of the Golden Fortune compound' },
      reporter: { channel: 'hotline', name: 'Tran Van Minh', contact: 'minh@example.org' },
      consentToContact: false,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const raw = await sql<Record<string, unknown>>`select * from rescue_persons where case_id = ${id}`.execute(
      t().database(),
    );
    const rawCase = await sql<Record<string, unknown>>`select * from rescue_cases where id = ${id}`.execute(
      t().database(),
    );
    const text = JSON.stringify([raw.rows, rawCase.rows]);
    for (const plain of [
      'Hoa',
      'Nguy',
      '2001-07-09',
      '+84901234567',
      'Golden Fortune',
      'Tran Van Minh',
      'minh@example',
    ])
      expect(text).not.toContain(plain);
    const row = raw.rows[0] as { name_enc: string; key_id: string };
    expect(row.name_enc.startsWith(`v1:${t().cipher.keyId}:`)).toBe(true);
    expect(row.key_id).toBe(t().cipher.keyId);
    expect(t().cipher.decrypt(row.name_enc)).toBe('Nguyễn Thị Hoa');
    const got = (await call(inv.cookie, 'GET', `/api/rescue/cases/${id}`)).json();
    expect(got.visiblePersons[0]).toMatchObject({ name: 'Nguyễn Thị Hoa', dateOfBirth: '2001-07-09', minor: false });
    expect(got.reporter).toMatchObject({ name: 'Tran Van Minh' });
    // Every view is audited.
    const audits = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'rescue.case.read' and object_id = ${id}`.execute(
      t().database(),
    );
    expect(audits.rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it('registers a raid by CSV with per-row errors, idempotently, finds the missing across scripts, and shows each consulate only its nationals', async () => {
    const mmPolice = await t().newAgency({ country: 'MM', kind: 'police' });
    const thNcb = await t().newAgency({ country: 'TH', kind: 'ncb' });
    const phConsulate = await t().newAgency({ country: 'PH', kind: 'consulate' });
    const thConsulate = await t().newAgency({ country: 'TH', kind: 'consulate' });
    const inv = await as(t(), mmPolice, ['investigator']);
    const thInv = await as(t(), thNcb, ['investigator']);
    const phCw = await as(t(), phConsulate, ['case-worker']);
    const thCw = await as(t(), thConsulate, ['case-worker']);

    // A family reported him missing in Thailand, in Latin script.
    const missing = await call(thInv.cookie, 'POST', '/api/rescue/cases', {
      hostCountry: 'MM',
      persons: [{ name: 'Somchai Wattana', nationality: 'TH', dateOfBirth: '1991-04-02', gender: 'male' }],
      reporter: { channel: 'family', relation: 'mother' },
      consentToContact: true,
    });
    expect(missing.statusCode, missing.body).toBe(201);

    const raid = await call(inv.cookie, 'POST', '/api/rescue/cases', {
      title: 'Shwe Kokko raid',
      kind: 'mass',
      hostCountry: 'MM',
      persons: [],
      consentToContact: false,
    });
    expect(raid.statusCode, raid.body).toBe(201);
    const id = raid.json().id;
    const csv = [
      'row_key,name,nationality,date_of_birth,gender,languages',
      'R1,สมชาย วัฒนา,TH,1991-04-02,m,th',
      'R2,Maria Santos,PH,1996-11-20,f,tl;en',
      'R3,Jose Reyes,PH,1988-01-05,m,tl',
      'R4,Bad Country,XX,1990-01-01,m,',
      'R5,Bad Date,PH,2001-02-30,f,',
      'R6,Nguyen Van An,VN,,m,vi',
    ].join('\n');
    const upload = () =>
      t().app.inject({
        method: 'POST',
        url: `/api/rescue/cases/${id}/persons/csv`,
        headers: { cookie: inv.cookie, 'content-type': 'text/csv' },
        payload: csv,
      });
    const first = await upload();
    expect(first.statusCode, first.body).toBe(200);
    const r1 = first.json();
    expect(r1).toMatchObject({ rows: 6, created: 4, existing: 0, byNationality: { TH: 1, PH: 2, VN: 1 } });
    expect(r1.errors).toEqual([
      { row: 4, field: 'nationality', message: '"XX" is not an ISO 3166-1 country code' },
      { row: 5, field: 'dateOfBirth', message: '2001-02-30 is not a real date' },
    ]);
    expect(r1.matches).toHaveLength(1);
    expect(r1.matches[0]).toMatchObject({ row: 1, match: { caseId: missing.json().id, holderAgencyId: thNcb.id } });
    expect(['strong', 'possible']).toContain(r1.matches[0].match.verdict);
    // Consulates of each nationality were told (counts only).
    const told = (await outbox('rescue.nationals.registered')).filter((e) => e.data.caseId === id);
    expect(told.some((e) => e.audience.agencyIds?.includes(phConsulate.id) && e.data.count === 2)).toBe(true);
    expect(JSON.stringify(told)).not.toContain('Maria');

    // Re-upload: nothing duplicated.
    const again = (await upload()).json();
    expect(again).toMatchObject({ created: 0, existing: 4 });
    const n = await sql<{ n: number }>`select count(*)::int as n from rescue_persons where case_id = ${id}`.execute(
      t().database(),
    );
    expect(n.rows[0]?.n).toBe(4);

    // Each consulate sees its own nationals only; the dashboard counts, never lists.
    const ph = (await call(phCw.cookie, 'GET', `/api/rescue/cases/${id}`)).json();
    expect(ph.visiblePersons.map((p: { name: string }) => p.name).sort()).toEqual(['Jose Reyes', 'Maria Santos']);
    expect(ph.persons).toBe(4);
    expect(ph.reporter).toBeNull();
    const th = (await call(thCw.cookie, 'GET', `/api/rescue/cases/${id}`)).json();
    expect(th.visiblePersons.map((p: { name: string }) => p.name)).toEqual(['สมชาย วัฒนา']);
    const all = (await call(inv.cookie, 'GET', `/api/rescue/cases/${id}`)).json();
    expect(all.visiblePersons).toHaveLength(4);
    const dash = (await call(phCw.cookie, 'GET', `/api/rescue/dashboard?caseId=${id}`)).json();
    expect(dash.byNationality).toEqual([
      { nationality: 'PH', total: 2, byStatus: { registered: 2 }, nonPunishment: 0, matches: 0 },
    ]);
    const full = (await call(inv.cookie, 'GET', `/api/rescue/dashboard?caseId=${id}`)).json();
    expect(full.total).toBe(4);
    expect(JSON.stringify(full)).not.toContain('Santos');

    // The fast form: JSON rows, same rules.
    const form = await call(inv.cookie, 'POST', `/api/rescue/cases/${id}/persons`, {
      rows: [
        { name: 'Ama Mensah', nationality: 'GH', age: 17 },
        { name: '', nationality: 'GH' },
      ],
    });
    expect(form.statusCode, form.body).toBe(200);
    expect(form.json()).toMatchObject({ created: 1, errors: [{ row: 2, field: 'name', message: 'is required' }] });
  });

  it('blocks mass registration by name, nationality and decade of birth: namesakes decades apart are not compared, unknown dates and decade boundaries still are, across scripts', async () => {
    const police = await t().newAgency({ country: 'KH', kind: 'police' });
    const inv = await as(t(), police, ['investigator']);
    const open = async (person: Record<string, unknown>) => {
      const res = await call(inv.cookie, 'POST', '/api/rescue/cases', {
        hostCountry: 'KH',
        persons: [person],
        consentToContact: false,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // A partial date far apart is only a -0.15 conflict: name-only blocking matched it as 'possible'.
    const oldNamesake = await open({ name: 'Nguyen Van Binh', nationality: 'VN', dateOfBirth: '1961' });
    const young = await open({ name: 'Nguyen Van Binh', nationality: 'VN', dateOfBirth: '1998-07-07' });
    const noDate = await open({ name: 'Somchai Wattana', nationality: 'TH', gender: 'male' });
    const boundary = await open({ name: 'Maria Dela Cruz', nationality: 'PH', dateOfBirth: '1990-01-02' });
    const otherCountry = await open({ name: 'Maria Dela Cruz', nationality: 'ID', dateOfBirth: '1990-01-02' });
    const raid = await call(inv.cookie, 'POST', '/api/rescue/cases', {
      kind: 'mass',
      hostCountry: 'KH',
      persons: [],
      consentToContact: false,
    });
    expect(raid.statusCode, raid.body).toBe(201);
    const res = await call(inv.cookie, 'POST', `/api/rescue/cases/${raid.json().id}/persons`, {
      rows: [
        { name: 'Nguyễn Văn Bình', nationality: 'VN', dateOfBirth: '1998-07-07' },
        { name: 'สมชาย วัฒนา', nationality: 'TH', dateOfBirth: '2001-05-06', gender: 'male' },
        { name: 'DELA CRUZ, Maria', nationality: 'PH', dateOfBirth: '1989-12-30' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const found = (row: number) =>
      res
        .json()
        .matches.filter((m: { row: number }) => m.row === row)
        .map((m: { match: { caseId: string } }) => m.match.caseId);
    expect(found(1)).toContain(young);
    expect(found(1)).not.toContain(oldNamesake);
    expect(found(2)).toContain(noDate);
    expect(found(3)).toContain(boundary);
    expect(found(3)).not.toContain(otherCountry);
    // The keys at rest are keyed hashes: no name, nationality or decade readable.
    const keys = await sql<{ key: string }>`
      select k.key from rescue_person_keys k join rescue_persons p on p.id = k.person_id
      where p.case_id in (${young}, ${noDate}, ${raid.json().id})`.execute(t().database());
    expect(keys.rows.length).toBeGreaterThan(6);
    for (const { key } of keys.rows) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('refuses bad input with the field at fault and never writes part of it', async () => {
    const police = await t().newAgency({ country: 'LA', kind: 'police' });
    const inv = await as(t(), police, ['investigator']);
    const before = await sql<{ n: number }>`select count(*)::int as n from rescue_cases`.execute(t().database());
    const bad = await call(inv.cookie, 'POST', '/api/rescue/cases', {
      hostCountry: 'LA',
      persons: [
        { name: 'A', nationality: 'ZZ' },
        { name: 'B', nationality: 'CN', dateOfBirth: '1990-13' },
      ],
      location: { scamCentreId: '00000000-0000-4000-8000-000000000001', confidence: 0.5 },
      consentToContact: false,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'persons.0.nationality',
      'persons.1.dateOfBirth',
      'location.scamCentreId',
    ]);
    const after = await sql<{ n: number }>`select count(*)::int as n from rescue_cases`.execute(t().database());
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    const finance = await as(t(), police, ['finance']);
    expect((await call(finance.cookie, 'GET', '/api/rescue/cases')).statusCode).toBe(403);
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

async function as(t: TestContext, agency: TestAgency, roles: Parameters<TestContext['newUser']>[0]['roles']) {
  const user = await t.newUser({ agency, roles });
  return { user, cookie: await t.login(user) };
}

/** Personal data of the case: none of it may appear in what the hub or an agency off the team receives. */
const PERSONS = [
  { name: 'Siti Rahayu', nationality: 'ID', dateOfBirth: '1999-03-14', contacts: ['+6281111111'] },
  { name: 'Dewi Lestari', nationality: 'ID', dateOfBirth: '2009-05-02', minor: true, description: 'red backpack' },
  { name: 'Agus Santoso', nationality: 'ID', age: 41, languages: ['jv'] },
  { name: 'Maria Dela Cruz', nationality: 'PH', dateOfBirth: '1994-10-30', gender: 'female' as const },
  { name: 'Jose Bautista', nationality: 'PH', aliases: ['Joey B'] },
  { name: 'Trần Văn Nam', nationality: 'VN', dateOfBirth: '1990-01-01', contacts: ['nam@example.org'] },
];
const SECRETS = [
  ...PERSONS.map((p) => p.name),
  // Surnames alone (given names such as Nam or Jose also occur inside JSON keys and words).
  ...['Rahayu', 'Lestari', 'Santoso', 'Dela Cruz', 'Bautista', 'Trần'],
  '1999-03-14',
  '2009-05-02',
  '1994-10-30',
  '1990-01-01',
  '+6281111111',
  'nam@example',
  'red backpack',
  'Joey',
  'Wahyu Hidayat',
  'wahyu@example',
  'third floor behind the casino',
];

describe.each(drivers)('rescue counts-only views on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, url: string) => t().app.inject({ method: 'GET', url, headers: { cookie } });

  it('gives the hub and agencies off the team counts only: right numbers, no personal field', async () => {
    const hub = await t().newAgency({ country: 'FR', kind: 'hub' });
    const thPolice = await t().newAgency({ country: 'TH', kind: 'police' });
    const idConsulate = await t().newAgency({ country: 'ID', kind: 'consulate' });
    const inv = await as(t(), thPolice, ['investigator']);
    const reviewer = await as(t(), hub, ['hub-reviewer']);
    const hubAnalyst = await as(t(), hub, ['analyst']);
    const outsider = await as(t(), await t().newAgency({ country: 'KE', kind: 'police' }), ['investigator']);
    const consul = await as(t(), idConsulate, ['case-worker']);

    const opened = await t().app.inject({
      method: 'POST',
      url: '/api/rescue/cases',
      headers: { cookie: inv.cookie },
      payload: {
        title: 'Mae Sot compound',
        hostCountry: 'TH',
        persons: PERSONS,
        location: { area: 'Mae Sot', description: 'third floor behind the casino', confidence: 0.6 },
        reporter: { channel: 'family', name: 'Wahyu Hidayat', relation: 'uncle', contact: 'wahyu@example.org' },
        consentToContact: true,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    // The host police see the names: the secrets are real personal fields of this case.
    expect(opened.body).toContain('Maria Dela Cruz');

    const expectNoPersonalData = (body: string) => {
      for (const s of SECRETS) expect(body, s).not.toContain(s);
    };

    for (const viewer of [reviewer, hubAnalyst]) {
      const board = await call(viewer.cookie, '/api/rescue/cases');
      expect(board.statusCode, board.body).toBe(200);
      const summary = board.json().cases.find((c: { id: string }) => c.id === id);
      expect(summary).toMatchObject({ persons: 6, nationalities: ['ID', 'PH', 'VN'], onTeam: false });
      expectNoPersonalData(board.body);

      for (const url of ['/api/rescue/dashboard', `/api/rescue/dashboard?caseId=${id}`]) {
        const dash = await call(viewer.cookie, url);
        expect(dash.statusCode, dash.body).toBe(200);
        expect(dash.json()).toMatchObject({
          total: 6,
          byNationality: [
            { nationality: 'ID', total: 3, byStatus: { registered: 3 }, nonPunishment: 0, matches: 0 },
            { nationality: 'PH', total: 2, byStatus: { registered: 2 } },
            { nationality: 'VN', total: 1, byStatus: { registered: 1 } },
          ],
          batches: [],
        });
        expectNoPersonalData(dash.body);
      }

      // The case itself: stage, deadline and counts, no person, no reporter, no location text.
      const kase = await call(viewer.cookie, `/api/rescue/cases/${id}`);
      expect(kase.statusCode, kase.body).toBe(200);
      expect(kase.json()).toMatchObject({ persons: 6, visiblePersons: [], reporter: null, stage: 'reported' });
      expectNoPersonalData(kase.body);
    }

    // An agency off the team: the case is not on its board, its dashboard counts nothing, the case is 404.
    const board = await call(outsider.cookie, '/api/rescue/cases');
    expect(board.statusCode).toBe(200);
    expect(board.json().cases.map((c: { id: string }) => c.id)).not.toContain(id);
    const dash = await call(outsider.cookie, '/api/rescue/dashboard');
    expect(dash.statusCode).toBe(200);
    expect(dash.json()).toMatchObject({ total: 0, byNationality: [], batches: [] });
    for (const url of [`/api/rescue/cases/${id}`, `/api/rescue/dashboard?caseId=${id}`]) {
      const r = await call(outsider.cookie, url);
      expect(r.statusCode).toBe(404);
      expectNoPersonalData(r.body);
    }
    expectNoPersonalData(board.body + dash.body);

    // The consulate on the team counts only its own nationals.
    const mine = await call(consul.cookie, `/api/rescue/dashboard?caseId=${id}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ total: 3, byNationality: [{ nationality: 'ID', total: 3 }] });
    expect(mine.json().byNationality).toHaveLength(1);

    // Each of those views was audited.
    const audits = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from audit_log
      where actor_agency_id = ${hub.id} and action like 'rescue.%' group by action order by action`.execute(
      t().database(),
    );
    expect(audits.rows).toEqual([
      { action: 'rescue.board.read', n: 2 },
      { action: 'rescue.case.read', n: 2 },
      { action: 'rescue.dashboard.read', n: 4 },
    ]);
  });
});

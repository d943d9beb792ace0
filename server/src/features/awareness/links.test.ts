import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

describe.each(drivers)('public report links to rescue on %s', (driver) => {
  const t = useTestApp(driver);
  const post = (url: string, payload: object, cookie = '') =>
    t().app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} });
  const get = (url: string, cookie: string) => t().app.inject({ method: 'GET', url, headers: { cookie } });

  it('opens a rescue case (reported) when a case worker verifies a missing-relative report, and links it', async () => {
    const ke = await t().newAgency({ country: 'KE', kind: 'police' });
    const analyst = await t().login(await t().newUser({ agency: ke, roles: ['analyst'] }));
    const caseWorker = await t().login(await t().newUser({ agency: ke, roles: ['case-worker'] }));
    const rel = await post('/api/public/reports/missing-relative', {
      country: 'KE',
      relativeName: 'John Otieno',
      relativeAge: 24,
      relation: 'brother',
      lastKnownPlace: 'Myawaddy, Myanmar',
      lastContactOn: '2026-03-02',
      circumstances: 'Left in March for a job in Thailand, last message said they took his passport.',
      contact: '+254 712 345 678',
    });
    expect(rel.statusCode, rel.body).toBe(201);
    const [item] = (await get('/api/awareness/triage?status=new&kind=missing-relative', caseWorker)).json();
    expect(item.rescueCaseId).toBeNull();
    const url = `/api/awareness/triage/${item.id}/decision`;

    // An analyst does not open rescue cases: refused, nothing written.
    expect((await post(url, { decision: 'verify' }, analyst)).statusCode).toBe(403);
    const count = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from rescue_cases`.execute(t().database())).rows[0]?.n;
    expect(await count()).toBe(0);
    // A host country that is no country code is refused with the field.
    const bad = await post(url, { decision: 'verify', hostCountry: 'XX' }, caseWorker);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('hostCountry');
    expect(await count()).toBe(0);

    const ok = await post(url, { decision: 'verify', hostCountry: 'MM' }, caseWorker);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'verified', intelReportId: null });
    const caseId = ok.json().rescueCaseId as string;
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await count()).toBe(1);

    const kase = await get(`/api/rescue/cases/${caseId}`, caseWorker);
    expect(kase.statusCode, kase.body).toBe(200);
    expect(kase.json()).toMatchObject({
      stage: 'reported',
      hostCountry: 'MM',
      title: `Public report ${item.reference}`,
      myParties: ['home-police'],
      location: { description: 'Myawaddy, Myanmar' },
      reporter: { channel: 'public', relation: 'brother', contact: '+254 712 345 678' },
      consentToContact: true,
    });
    expect(kase.json().visiblePersons).toMatchObject([
      {
        name: 'John Otieno',
        nationality: 'KE',
        age: 24,
        description: expect.stringContaining('last contact 2026-03-02'),
      },
    ]);
    // The triage item keeps the link; deciding again is refused and opens nothing more.
    const [after] = (await get('/api/awareness/triage?kind=missing-relative', caseWorker)).json();
    expect(after.rescueCaseId).toBe(caseId);
    expect((await post(url, { decision: 'verify' }, caseWorker)).statusCode).toBe(409);
    expect(await count()).toBe(1);
  });
});

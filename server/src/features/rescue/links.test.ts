import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestAgency, type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

async function as(t: TestContext, agency: TestAgency, roles: Parameters<TestContext['newUser']>[0]['roles']) {
  const user = await t.newUser({ agency, roles });
  return { user, cookie: await t.login(user) };
}

describe.each(drivers)('rescue links to other features on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t().app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('drafts a Yellow Notice from a case person, for the drafting agency only, audited and on the timeline', async () => {
    const thPolice = await t().newAgency({ country: 'TH', kind: 'police' });
    const idConsulate = await t().newAgency({ country: 'ID', kind: 'consulate' });
    const inv = await as(t(), thPolice, ['investigator']);
    const consul = await as(t(), idConsulate, ['case-worker']);
    const outsider = await as(t(), await t().newAgency({ country: 'KE', kind: 'police' }), ['investigator']);
    const opened = await call(inv.cookie, 'POST', '/api/rescue/cases', {
      hostCountry: 'TH',
      persons: [
        {
          name: 'Siti Rahayu',
          nationality: 'ID',
          dateOfBirth: '1999-03-14',
          gender: 'female',
          languages: ['id'],
          description: 'Scar on the left hand',
        },
      ],
      location: { area: 'Mae Sot border', description: 'Pinned by her brother', confidence: 0.4 },
      consentToContact: true,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const kase = opened.json() as { id: string; ref: string; visiblePersons: { id: string }[] };
    const personId = kase.visiblePersons[0]?.id as string;
    const url = `/api/rescue/cases/${kase.id}/persons/${personId}/yellow-notice`;

    const drafted = await call(inv.cookie, 'POST', url);
    expect(drafted.statusCode, drafted.body).toBe(201);
    const { noticeId } = drafted.json() as { noticeId: string };
    const notice = await call(inv.cookie, 'GET', `/api/notices/${noticeId}`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({
      type: 'yellow',
      status: 'draft',
      ownerAgencyId: thPolice.id,
      details: {
        subject: {
          name: 'Siti Rahayu',
          dateOfBirth: '1999-03-14',
          sex: 'F',
          nationalities: ['ID'],
          description: 'speaks id; Scar on the left hand',
        },
        lastSeenPlace: 'Mae Sot border — Pinned by her brother',
        familyConsent: false,
      },
    });
    expect(notice.json().summary).toContain(kase.ref);

    // The draft stays with the drafting agency; the consulate (no notice role) and outsiders cannot draft.
    expect((await call(consul.cookie, 'GET', `/api/notices/${noticeId}`)).statusCode).toBe(404);
    expect((await call(consul.cookie, 'POST', url)).statusCode).toBe(403);
    expect((await call(outsider.cookie, 'POST', url)).statusCode).toBe(404);
    const unknown = `/api/rescue/cases/${kase.id}/persons/00000000-0000-4000-8000-000000000000/yellow-notice`;
    expect((await call(inv.cookie, 'POST', unknown)).statusCode).toBe(404);

    const audits = await sql<{ n: number }>`
      select count(*)::int as n from audit_log
      where action = 'rescue.person.yellow-notice' and object_id = ${personId}`.execute(t().database());
    expect(audits.rows[0]?.n).toBe(1);
    const after = (await call(inv.cookie, 'GET', `/api/rescue/cases/${kase.id}`)).json() as {
      timeline: { kind: string; summary: string; data: Record<string, unknown> }[];
    };
    const entry = after.timeline.find((e) => e.kind === 'notice');
    expect(entry?.data).toEqual({ noticeId, personId });
    expect(entry?.summary).not.toContain('Siti');
  });
});

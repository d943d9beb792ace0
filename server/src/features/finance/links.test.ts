import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

describe.each(drivers)('finance links to notices on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t().app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('drafts a Silver Notice prefilled with accounts, for the drafting agency only, audited', async () => {
    const th = await t().newAgency({ country: 'TH', kind: 'police' });
    const inv = await t().login(await t().newUser({ agency: th, roles: ['investigator'] }));
    const fiu = await t().login(await t().newUser({ agency: th, roles: ['finance'] }));
    const other = await t().login(
      await t().newUser({ agency: await t().newAgency({ country: 'FR', kind: 'police' }), roles: ['investigator'] }),
    );
    const ids: string[] = [];
    for (const value of ['DE89370400440532013000', 'GB82WEST12345698765432']) {
      const res = await call(inv, 'POST', '/api/finance/accounts', { type: 'iban', value });
      expect(res.statusCode, res.body).toBeLessThan(300);
      ids.push(res.json().id);
    }
    const body = { accountIds: ids, subject: { name: 'Chen Wei', nationalities: ['CN'] } };
    const drafted = await call(inv, 'POST', '/api/finance/silver-notice', body);
    expect(drafted.statusCode, drafted.body).toBe(201);
    const { noticeId } = drafted.json();
    const notice = await call(inv, 'GET', `/api/notices/${noticeId}`);
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({
      type: 'silver',
      status: 'draft',
      ownerAgencyId: th.id,
      title: 'Asset tracing: Chen Wei and 1 more',
      details: { subject: { name: 'Chen Wei', nationalities: ['CN'] }, jurisdictions: ['DE', 'GB'] },
    });
    const sought = notice.json().details.assetsSought as string;
    expect(sought).toContain('iban:DE89370400440532013000');
    expect(sought).toContain('iban:GB82WEST12345698765432');
    // A draft is the drafting agency's alone; a finance officer (no notice role) cannot draft one.
    expect((await call(other, 'GET', `/api/notices/${noticeId}`)).statusCode).toBe(404);
    expect((await call(fiu, 'POST', '/api/finance/silver-notice', body)).statusCode).toBe(403);
    // An unknown account is named; nothing is drafted.
    const unknown = await call(inv, 'POST', '/api/finance/silver-notice', {
      accountIds: [ids[0], '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('accountIds.1');
    const counts = await sql<{ notices: number; audits: number }>`
      select (select count(*)::int from notices where type = 'silver') as notices,
             (select count(*)::int from audit_log where action = 'finance.silver-notice' and object_id = ${noticeId}) as audits
    `.execute(t().database());
    expect(counts.rows[0]).toEqual({ notices: 1, audits: 1 });
  });
});

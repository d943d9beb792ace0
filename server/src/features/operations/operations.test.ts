import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { operationsHelpers } from './operations.test-support.ts';

describe.each(drivers)('joint operations on %s', (driver) => {
  const t = useTestApp(driver);
  const { as, member, plan } = operationsHelpers(t);

  it('moves planning → active → concluded → archived by the lead only, refusing every other step', async () => {
    const [th, ph] = [await member(t(), 'TH'), await member(t(), 'PH')];
    const id = await plan(th, [ph.agency], 'Lifecycle');
    const op = (await th.http.get(`/api/operations/${id}`)).json();
    expect(op).toMatchObject({
      status: 'planning',
      myStatus: 'lead',
      marking: { tlp: 'AMBER', audience: { kind: 'agencies', agencyIds: [th.agency.id, ph.agency.id] } },
    });
    for (const to of ['planning', 'concluded', 'archived']) {
      expect((await th.http.post(`/api/operations/${id}/status`, { status: to })).statusCode).toBe(409);
    }
    expect((await ph.http.post(`/api/operations/${id}/status`, { status: 'active' })).statusCode).toBe(403);
    for (const [to, illegal] of [
      ['active', 'planning'],
      ['concluded', 'active'],
      ['archived', 'concluded'],
    ] as const) {
      const res = await th.http.post(`/api/operations/${id}/status`, { status: to });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(to);
      expect((await th.http.post(`/api/operations/${id}/status`, { status: illegal })).statusCode).toBe(409);
    }
  });

  it('shows every part of an operation to participants only', async () => {
    const [th, ph, vn, ke] = [
      await member(t(), 'TH'),
      await member(t(), 'PH'),
      await member(t(), 'VN'),
      await member(t(), 'KE'),
    ];
    const id = await plan(th, [ph.agency, vn.agency], 'Visibility');
    const parts = ['targets', 'tasks', 'messages', 'results', 'public-summary'];
    // Not invited: the operation does not exist for KE.
    expect((await ke.http.get(`/api/operations/${id}`)).statusCode).toBe(404);
    expect((await ke.http.get('/api/operations')).json().map((o: { id: string }) => o.id)).not.toContain(id);
    for (const p of parts) expect((await ke.http.get(`/api/operations/${id}/${p}`)).statusCode).toBe(404);
    // Invited, not yet accepted: the header only.
    expect((await ph.http.get(`/api/operations/${id}`)).json().myStatus).toBe('invited');
    for (const p of parts) expect((await ph.http.get(`/api/operations/${id}/${p}`)).statusCode).toBe(403);
    expect((await ph.http.post(`/api/operations/${id}/participation`, { accept: true })).statusCode).toBe(400);
    const acc = await ph.http.post(`/api/operations/${id}/participation`, { accept: true, contactPoint: 'PH desk' });
    expect(acc.statusCode, acc.body).toBe(200);
    for (const p of parts) expect((await ph.http.get(`/api/operations/${id}/${p}`)).statusCode).toBe(200);
    expect(
      (await ph.http.post(`/api/operations/${id}/participation`, { accept: true, contactPoint: 'x12' })).statusCode,
    ).toBe(409);
    // Declining takes the agency out of the audience.
    const dec = await vn.http.post(`/api/operations/${id}/participation`, { accept: false });
    expect(dec.json().myStatus).toBe('declined');
    expect((await vn.http.get(`/api/operations/${id}`)).statusCode).toBe(404);
    // Channel: participants only, reads and writes audited.
    expect((await th.http.post(`/api/operations/${id}/messages`, { body: 'Briefing at 06:00' })).statusCode).toBe(201);
    expect((await vn.http.post(`/api/operations/${id}/messages`, { body: 'let me in' })).statusCode).toBe(404);
    const msgs = (await ph.http.get(`/api/operations/${id}/messages`)).json();
    expect(msgs).toEqual([expect.objectContaining({ body: 'Briefing at 06:00', agencyId: th.agency.id })]);
    // PH read the channel twice (in the loop above and now): both reads are in the audit chain.
    const audit = await sql<{ actor_agency_id: string }>`select actor_agency_id from audit_log where object_id = ${id}
      and action = 'operations.channel.read'`.execute(t().database());
    expect(audit.rows).toEqual([{ actor_agency_id: ph.agency.id }, { actor_agency_id: ph.agency.id }]);
    const posted = await sql<{ n: number }>`select count(*)::int as n from outbox where topic = 'operations.message'
      and data->>'operationId' = ${id}`.execute(t().database());
    expect(posted.rows[0]?.n).toBe(1);
  });

  it('refuses targets the adder cannot see, bad selectors and non-participant owners', async () => {
    const [th, ph, ke] = [await member(t(), 'TH'), await member(t(), 'PH'), await member(t(), 'KE')];
    const secret = await ke.http.post('/api/intel/reports', {
      title: 'Secret',
      summary: '',
      moTags: [],
      marking: {
        tlp: 'AMBER',
        audience: { kind: 'agencies', agencyIds: [ke.agency.id] },
        pap: 'AMBER',
        reliability: 'B',
        credibility: '2',
      },
      persons: [{ ref: 'p', names: ['Hidden Person'], role: 'boss' }],
    });
    expect(secret.statusCode, secret.body).toBe(201);
    const op = await plan(th, [ph.agency], 'Bad input');
    const add = (body: object) => th.http.post(`/api/operations/${op}/targets`, { priority: 'low', ...body });
    expect((await add({ entityId: secret.json().entities[0].id })).statusCode).toBe(404);
    const bad = await add({ selector: { kind: 'phone', value: 'not a phone' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('selector.value');
    expect((await add({})).json().errors[0].field).toBe('entityId');
    // PH is invited but has not accepted: not an owner yet.
    const owner = await add({ ownerAgencyId: ph.agency.id, selector: { kind: 'email', value: 'x@example.org' } });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().errors[0].field).toBe('ownerAgencyId');
    expect(
      await sql<{ n: number }>`select count(*)::int as n from operation_targets where operation_id = ${op}`
        .execute(t().database())
        .then((r) => r.rows[0]?.n),
    ).toBe(0);
  });

  it('assigns tasks to participants and alerts once when one is overdue', async () => {
    const [th, ph, ke] = [await member(t(), 'TH'), await member(t(), 'PH'), await member(t(), 'KE')];
    const op = await plan(th, [ph.agency], 'Tasks');
    await ph.http.post(`/api/operations/${op}/participation`, { accept: true, contactPoint: 'PH desk' });
    const due = new Date(t().clock.now().getTime() + 2 * 86_400_000).toISOString();
    const bad = await th.http.post(`/api/operations/${op}/tasks`, {
      title: 'Raid',
      description: '',
      assigneeAgencyId: ke.agency.id,
      dueAt: due,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('assigneeAgencyId');
    const task = await th.http.post(`/api/operations/${op}/tasks`, {
      title: 'Checkpoint at the border crossing',
      description: 'Mae Sot',
      assigneeAgencyId: ph.agency.id,
      dueAt: due,
    });
    expect(task.statusCode, task.body).toBe(201);
    expect(task.json()).toMatchObject({ status: 'open', overdue: false });
    const overdue = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from outbox where topic = 'operations.task.overdue'
        and data->>'taskId' = ${task.json().id}`.execute(t().database())
      ).rows[0]?.n;
    await t().jobs.runDue();
    expect(await overdue()).toBe(0);
    t().clock.advance(3 * 86_400_000);
    await t().jobs.runDue();
    expect(await overdue()).toBe(1);
    await t().jobs.runDue();
    expect(await overdue()).toBe(1);
    ph.http = as(await t().login(ph.user)); // the session of three days ago has expired
    expect((await ph.http.get(`/api/operations/${op}/tasks`)).json()[0].overdue).toBe(true);
    expect(
      (await ph.http.patch(`/api/operations/${op}/tasks/${task.json().id}`, { status: 'cancelled' })).statusCode,
    ).toBe(403);
    const doneRes = await ph.http.patch(`/api/operations/${op}/tasks/${task.json().id}`, { status: 'done' });
    expect(doneRes.json()).toMatchObject({ status: 'done', overdue: false });
    expect((await ph.http.patch(`/api/operations/${op}/tasks/${task.json().id}`, { status: 'open' })).statusCode).toBe(
      409,
    );
  });

  it('aggregates results by country, over time and by nationality, and writes a numbers-only summary', async () => {
    const [th, ph] = [await member(t(), 'TH'), await member(t(), 'PH')];
    const op = await plan(th, [ph.agency], 'Results');
    await ph.http.post(`/api/operations/${op}/participation`, { accept: true, contactPoint: 'PH desk' });
    const result = (o: object) => ({
      reportedOn: '2026-06-10',
      arrests: 0,
      arrestNationalities: {},
      victimsRescued: 0,
      centresRaided: 0,
      devicesSeized: 0,
      accountsBlocked: 0,
      assetsFrozen: '0',
      assetsSeized: '0',
      currency: 'USD',
      ...o,
    });
    expect((await th.http.post(`/api/operations/${op}/results`, result({ arrests: 1 }))).statusCode).toBe(409);
    await th.http.post(`/api/operations/${op}/status`, { status: 'active' });
    const r1 = await th.http.post(
      `/api/operations/${op}/results`,
      result({
        arrests: 40,
        arrestNationalities: { CN: 30, TH: 10 },
        victimsRescued: 120,
        centresRaided: 2,
        assetsFrozen: '1000.10',
        assetsSeized: '0.20',
      }),
    );
    expect(r1.statusCode, r1.body).toBe(201);
    await th.http.post(
      `/api/operations/${op}/results`,
      result({ reportedOn: '2026-06-11', arrests: 5, devicesSeized: 300, assetsFrozen: '0.20' }),
    );
    await ph.http.post(
      `/api/operations/${op}/results`,
      result({ arrests: 12, arrestNationalities: { CN: 2 }, accountsBlocked: 57, assetsFrozen: '5', currency: 'PHP' }),
    );
    const other = await ph.http.post(`/api/operations/${op}/results`, result({ agencyId: th.agency.id }));
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].field).toBe('agencyId');
    const tooMany = await ph.http.post(
      `/api/operations/${op}/results`,
      result({ arrests: 1, arrestNationalities: { CN: 2 } }),
    );
    expect(tooMany.json().errors[0].field).toBe('arrestNationalities');
    const d = (await ph.http.get(`/api/operations/${op}/results`)).json();
    expect(d.totals).toEqual({
      arrests: 57,
      victimsRescued: 120,
      centresRaided: 2,
      devicesSeized: 300,
      accountsBlocked: 57,
      countries: 2,
      assets: [
        { currency: 'PHP', frozen: '5.00', seized: '0.00' },
        { currency: 'USD', frozen: '1000.30', seized: '0.20' },
      ],
    });
    expect(d.byCountry.map((c: { country: string; arrests: number }) => [c.country, c.arrests])).toEqual([
      ['PH', 12],
      ['TH', 45],
    ]);
    expect(d.byCountry[0].isoNumeric).toBe('608');
    expect(d.overTime.map((x: { day: string; arrests: number }) => [x.day, x.arrests])).toEqual([
      ['2026-06-10', 52],
      ['2026-06-11', 5],
    ]);
    expect(d.nationalities).toEqual([
      { nationality: 'CN', arrests: 32 },
      { nationality: 'TH', arrests: 10 },
    ]);
    const summary = (await th.http.get(`/api/operations/${op}/public-summary`)).json();
    expect(summary).toMatchObject({ tlp: 'CLEAR', countries: 2, arrests: 57 });
    expect(summary.text).toContain('2 countries, 57 arrests, 120 victims rescued');
    expect(JSON.stringify(summary)).not.toContain('Results');
    // Public only once the lead publishes it.
    const pub = () => t().app.inject({ method: 'GET', url: '/api/public/operations/summaries' });
    expect((await pub()).json().map((s: { operationId: string }) => s.operationId)).not.toContain(op);
    expect((await ph.http.post(`/api/operations/${op}/public-summary/publish`)).statusCode).toBe(403);
    expect((await th.http.post(`/api/operations/${op}/public-summary/publish`)).statusCode).toBe(200);
    expect((await pub()).json().find((s: { operationId: string }) => s.operationId === op)).toMatchObject({
      arrests: 57,
    });
  });
});

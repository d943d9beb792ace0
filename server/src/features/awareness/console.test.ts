import { describe, expect, it } from 'vitest';
import { type TestContext, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

/** What agencies maintain in the console: their campaigns (edit, end, delete) and the support directory. */
describe.each(drivers)('awareness console on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
    t().app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const campaign = (code: string, over: Record<string, unknown> = {}) => ({
    code,
    name: `Campaign ${code}`,
    messages: { en: { title: 'Check before you go', body: 'Too good to be true?' } },
    targetCountries: ['ID'],
    startsOn: '2026-05-01',
    endsOn: '2026-07-31',
    ...over,
  });
  const supervisor = async (ctx: TestContext, country: string) =>
    ctx.login(await ctx.newUser({ agency: await ctx.newAgency({ country, kind: 'ncb' }), roles: ['supervisor'] }));
  const publicCodes = async () =>
    (await t().app.inject({ method: 'GET', url: '/api/public/campaigns?lang=en&country=ID' }))
      .json()
      .map((c: { code: string }) => c.code);

  it('edits a campaign while it has not ended, keeping its code and, once started, its start date', async () => {
    t().clock.set(new Date('2026-06-01T08:00:00Z'));
    const sup = await supervisor(t(), 'ID');
    const active = (await call('POST', '/api/awareness/campaigns', sup, campaign('edit-active'))).json();
    expect(active.status).toBe('active');
    const edited = await call('PATCH', `/api/awareness/campaigns/${active.id}`, sup, {
      name: 'Safe work abroad',
      messages: {
        en: { title: 'Check the offer', body: 'Paid travel to Cambodia? Ask us first.' },
        id: { title: 'Cek tawarannya', body: 'Tiket gratis ke Kamboja? Tanya kami dulu.' },
      },
      endsOn: '2026-08-31',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      code: 'edit-active',
      name: 'Safe work abroad',
      startsOn: '2026-05-01',
      endsOn: '2026-08-31',
      status: 'active',
      endedAt: null,
    });
    const shown = (await t().app.inject({ method: 'GET', url: '/api/public/campaigns?lang=id&country=ID' })).json();
    expect(shown).toContainEqual({
      code: 'edit-active',
      lang: 'id',
      title: 'Cek tawarannya',
      body: 'Tiket gratis ke Kamboja? Tanya kami dulu.',
    });
    // Started: the start date stays; the end cannot be moved into the past; the code is not editable.
    const moved = await call('PATCH', `/api/awareness/campaigns/${active.id}`, sup, { startsOn: '2026-05-15' });
    expect(moved.statusCode).toBe(400);
    expect(JSON.stringify(moved.json())).toContain('startsOn');
    const past = await call('PATCH', `/api/awareness/campaigns/${active.id}`, sup, { endsOn: '2026-05-20' });
    expect(past.statusCode).toBe(400);
    expect(JSON.stringify(past.json())).toContain('endsOn');
    expect((await call('PATCH', `/api/awareness/campaigns/${active.id}`, sup, { code: 'other' })).statusCode).toBe(400);
    expect((await call('PATCH', `/api/awareness/campaigns/${active.id}`, sup, {})).statusCode).toBe(400);

    // Scheduled: the start date may move, not into the past.
    const later = (
      await call(
        'POST',
        '/api/awareness/campaigns',
        sup,
        campaign('edit-later', { startsOn: '2026-09-01', endsOn: '2026-10-31' }),
      )
    ).json();
    expect(later.status).toBe('scheduled');
    const earlier = await call('PATCH', `/api/awareness/campaigns/${later.id}`, sup, { startsOn: '2026-06-15' });
    expect(earlier.json()).toMatchObject({ startsOn: '2026-06-15', status: 'scheduled' });
    const backdated = await call('PATCH', `/api/awareness/campaigns/${later.id}`, sup, { startsOn: '2026-05-01' });
    expect(backdated.statusCode).toBe(400);
    const inverted = await call('PATCH', `/api/awareness/campaigns/${later.id}`, sup, { endsOn: '2026-06-10' });
    expect(inverted.statusCode).toBe(400);
    expect(JSON.stringify(inverted.json())).toContain('endsOn');

    // Another agency's supervisor finds neither.
    const other = await supervisor(t(), 'ID');
    expect((await call('PATCH', `/api/awareness/campaigns/${active.id}`, other, { name: 'Hijacked' })).statusCode).toBe(
      404,
    );
    expect((await call('POST', `/api/awareness/campaigns/${active.id}/end`, other)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/awareness/campaigns/${later.id}`, other)).statusCode).toBe(404);
  });

  it('ends a campaign early (hidden from the portal, reach kept) and deletes only one without recorded reach', async () => {
    t().clock.set(new Date('2026-06-01T08:00:00Z'));
    const sup = await supervisor(t(), 'ID');
    const counted = (await call('POST', '/api/awareness/campaigns', sup, campaign('end-counted'))).json();
    const unused = (await call('POST', '/api/awareness/campaigns', sup, campaign('end-unused'))).json();
    const reported = (await call('POST', '/api/awareness/campaigns', sup, campaign('end-reported'))).json();
    await t().app.inject({
      method: 'POST',
      url: '/api/public/campaigns/end-counted/reach',
      payload: { kind: 'view', country: 'ID' },
    });
    expect((await publicCodes()).sort()).toEqual(expect.arrayContaining(['end-counted', 'end-reported', 'end-unused']));
    // A report that came from a campaign is reach too.
    await t().app.inject({
      method: 'POST',
      url: '/api/public/reports/scam',
      payload: {
        country: 'ID',
        channel: 'messaging-app',
        scamType: 'fake-job',
        whatHappened: 'A recruiter promised a job in Cambodia and asked for a fee (campaign test).',
        campaign: 'end-reported',
      },
    });

    const del = await call('DELETE', `/api/awareness/campaigns/${counted.id}`, sup);
    expect(del.statusCode).toBe(409);
    expect((await call('DELETE', `/api/awareness/campaigns/${reported.id}`, sup)).statusCode).toBe(409);

    const ended = await call('POST', `/api/awareness/campaigns/${counted.id}/end`, sup);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', endsOn: '2026-07-31', totals: { view: 1 } });
    expect(ended.json().endedAt).toBe('2026-06-01T08:00:00.000Z');
    expect(await publicCodes()).not.toContain('end-counted');
    expect((await call('POST', `/api/awareness/campaigns/${counted.id}/end`, sup)).statusCode).toBe(409);
    const frozen = await call('PATCH', `/api/awareness/campaigns/${counted.id}`, sup, { name: 'Too late' });
    expect(frozen.statusCode).toBe(409);
    // Its reach is still there for the record.
    expect((await call('GET', `/api/awareness/campaigns/${counted.id}/reach`, sup)).json()).toEqual([
      { day: '2026-06-01', country: 'ID', kind: 'view', count: 1 },
    ]);

    expect((await call('DELETE', `/api/awareness/campaigns/${unused.id}`, sup)).statusCode).toBe(204);
    expect(await publicCodes()).not.toContain('end-unused');
    const mine = (await call('GET', '/api/awareness/campaigns', sup)).json().map((c: { code: string }) => c.code);
    expect(mine.sort()).toEqual(['end-counted', 'end-reported']);
    const audit = await t()
      .database()
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'awareness.campaign.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['awareness.campaign.ended', 'awareness.campaign.deleted']),
    );
  });

  it('lets an agency add, edit and remove its own directory entries, and the hub any entry', async () => {
    const ph = await t().newAgency({ country: 'PH', kind: 'police' });
    const admin = await t().login(await t().newUser({ agency: ph, roles: ['agency-admin'] }));
    const neighbour = await t().login(
      await t().newUser({ agency: await t().newAgency({ country: 'PH', kind: 'ngo' }), roles: ['case-worker'] }),
    );
    const hub = await t().login(
      await t().newUser({ agency: await t().newAgency({ country: 'FR', kind: 'hub' }), roles: ['hub-admin'] }),
    );
    const added = await call('POST', '/api/awareness/directory', admin, {
      country: 'PH',
      kind: 'hotline',
      name: 'Anti-trafficking hotline test',
      phone: '+63 2 1234 5678',
      languages: ['fil', 'en'],
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().id;

    const mine = (await call('GET', '/api/awareness/directory?country=PH', admin)).json();
    expect(mine.find((e: { id: string }) => e.id === id)).toMatchObject({ agencyId: ph.id, editable: true });
    const theirs = (await call('GET', '/api/awareness/directory?country=PH', neighbour)).json();
    expect(theirs.find((e: { id: string }) => e.id === id)).toMatchObject({ editable: false });

    const edited = await call('PATCH', `/api/awareness/directory/${id}`, admin, {
      name: 'Anti-trafficking hotline 1343 test',
      phone: null,
      url: 'https://example.org/1343',
      notes: 'Open 24 hours.',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Anti-trafficking hotline 1343 test',
      phone: null,
      url: 'https://example.org/1343',
      notes: 'Open 24 hours.',
      country: 'PH',
      languages: ['fil', 'en'],
    });
    const shown = (await t().app.inject({ method: 'GET', url: '/api/public/directory?country=PH' })).json();
    expect(shown.map((e: { name: string }) => e.name)).toContain('Anti-trafficking hotline 1343 test');

    const badUrl = await call('PATCH', `/api/awareness/directory/${id}`, admin, { url: 'http://plain.example' });
    expect(badUrl.statusCode).toBe(400);
    expect(JSON.stringify(badUrl.json())).toContain('url');
    expect((await call('PATCH', `/api/awareness/directory/${id}`, admin, { country: 'TH' })).statusCode).toBe(400);
    // Another agency of the same country may not change or remove it.
    expect((await call('PATCH', `/api/awareness/directory/${id}`, neighbour, { name: 'Taken over' })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/api/awareness/directory/${id}`, neighbour)).statusCode).toBe(404);
    // The hub may, for any country.
    const hubEdit = await call('PATCH', `/api/awareness/directory/${id}`, hub, { kind: 'reporting-point' });
    expect(hubEdit.json()).toMatchObject({ kind: 'reporting-point', editable: true });
    expect((await call('DELETE', `/api/awareness/directory/${id}`, hub)).statusCode).toBe(204);
    const after = (await t().app.inject({ method: 'GET', url: '/api/public/directory?country=PH' })).json();
    expect(after.map((e: { id: string }) => e.id)).not.toContain(id);
    const actions = await t().database().selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'awareness.directory.added',
      'awareness.directory.removed',
      'awareness.directory.updated',
      'awareness.directory.updated',
    ]);
  });
});

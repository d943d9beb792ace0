import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

describe.each(drivers)('administration on %s', (driver) => {
  const t = useTestApp(driver);
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    cookie: string,
    payload?: unknown,
    headers = {},
  ) =>
    t().app.inject({
      method,
      url,
      headers: { cookie, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const auditCount = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t().database())).rows[0]?.n;

  it('lets an agency admin create users with roles; the new user signs in', async () => {
    const agency = await t().newAgency({ country: 'PH' });
    const admin = await t().newUser({ agency, roles: ['agency-admin'], mfa: true });
    const cookie = await t().login(admin);
    const res = await call('POST', '/api/users', cookie, {
      email: 'new.analyst@ph.test.example',
      displayName: 'New Analyst',
      roles: ['analyst', 'investigator'],
      password: 'a long enough password',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ agencyId: agency.id, roles: ['analyst', 'investigator'], mfaEnrolled: false });
    const login = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'new.analyst@ph.test.example', password: 'a long enough password' },
    });
    expect(login.statusCode).toBe(200);
    const list = await call('GET', '/api/users', cookie);
    expect(list.json().map((u: { email: string }) => u.email)).toContain('new.analyst@ph.test.example');
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['agency-admin'] }));
    const before = await auditCount();
    const cases: Array<[unknown, number, string]> = [
      [{ email: 'x@y.example', displayName: 'X', roles: ['analyst'], password: 'short' }, 400, 'password'],
      [{ email: 'x@y.example', displayName: 'X', roles: ['wizard'], password: 'long enough password' }, 400, 'roles.0'],
      [
        { email: 'x@y.example', displayName: 'X', roles: ['analyst'], password: 'long enough password', admin: true },
        400,
        'admin',
      ],
      [
        { email: 'x@y.example', displayName: 42, roles: ['analyst'], password: 'long enough password' },
        400,
        'displayName',
      ],
      [{ email: 'not-an-email', displayName: 'X', roles: ['analyst'], password: 'long enough password' }, 400, 'email'],
      [
        { email: 'x@y.example', displayName: 'X', roles: ['hub-admin'], password: 'long enough password' },
        400,
        'roles',
      ],
    ];
    for (const [payload, status, field] of cases) {
      const r = await call('POST', '/api/users', cookie, payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(status);
      expect(r.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const malformed = await t().app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ type: '/problems/malformed-body', errors: [{ field: 'body' }] });
    const huge = await t().app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({
        email: 'x@y.example',
        displayName: 'x'.repeat(2_000_000),
        roles: ['analyst'],
        password: 'p'.repeat(20),
      }),
    });
    expect(huge.statusCode).toBe(413);
    const users = await t().database().selectFrom('users').select('id').where('email', '=', 'x@y.example').execute();
    expect(users).toHaveLength(0);
    expect(await auditCount()).toBe(before);
  });

  it('answers a duplicate e-mail with 409 and leaves one account', async () => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['agency-admin'] }));
    const body = {
      email: 'dup@test.example',
      displayName: 'Dup',
      roles: ['analyst'],
      password: 'long enough password',
    };
    expect((await call('POST', '/api/users', cookie, body)).statusCode).toBe(201);
    const again = await call('POST', '/api/users', cookie, { ...body, email: 'DUP@test.example' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('email');
  });

  it('replays an Idempotency-Key instead of writing twice, and refuses it for another request', async () => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['agency-admin'] }));
    const body = {
      email: 'idem@test.example',
      displayName: 'Idem',
      roles: ['analyst'],
      password: 'long enough password',
    };
    const headers = { 'idempotency-key': 'create-idem-user-1' };
    const first = await call('POST', '/api/users', cookie, body, headers);
    const retry = await call('POST', '/api/users', cookie, body, headers);
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const other = await call('POST', '/api/users', cookie, { ...body, email: 'other@test.example' }, headers);
    expect(other.statusCode).toBe(422);
    const rows = await t()
      .database()
      .selectFrom('users')
      .select('id')
      .where('email', 'in', ['idem@test.example', 'other@test.example'])
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("hides another agency's users (404) and lets the hub admin manage any agency", async () => {
    const a = await t().newAgency({ country: 'TH' });
    const b = await t().newAgency({ country: 'KH' });
    const hub = await t().newAgency({ country: 'FR', kind: 'hub' });
    const adminA = await t().login(await t().newUser({ agency: a, roles: ['agency-admin'] }));
    const userB = await t().newUser({ agency: b, roles: ['analyst'] });
    const r = await call('PATCH', `/api/users/${userB.id}`, adminA, { disabled: true });
    expect(r.statusCode).toBe(404);
    expect((await call('POST', `/api/users/${userB.id}/mfa/reset`, adminA)).statusCode).toBe(404);
    const hubAdmin = await t().login(await t().newUser({ agency: hub, roles: ['hub-admin'] }));
    expect((await call('PATCH', `/api/users/${userB.id}`, hubAdmin, { roles: ['investigator'] })).json().roles).toEqual(
      ['investigator'],
    );
    const created = await call('POST', '/api/agencies', hubAdmin, {
      name: 'Cyber Crime Division',
      country: 'LA',
      kind: 'police',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ country: 'LA', region: 'Asia', kind: 'police' });
    expect(
      (await call('POST', '/api/agencies', hubAdmin, { name: 'Cyber Crime Division', country: 'LA', kind: 'police' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await call('POST', '/api/agencies', hubAdmin, { name: 'Nowhere Police', country: 'XX', kind: 'police' })).json()
        .errors[0].field,
    ).toBe('country');
    expect(
      (await call('POST', '/api/agencies', adminA, { name: 'Rogue', country: 'LA', kind: 'police' })).statusCode,
    ).toBe(403);
  });

  it('resets MFA: the user signs in with the password alone and must enrol again', async () => {
    const agency = await t().newAgency();
    const admin = await t().login(await t().newUser({ agency, roles: ['agency-admin'] }));
    const user = await t().newUser({ agency, roles: ['analyst'], mfa: true });
    expect((await call('POST', `/api/users/${user.id}/mfa/reset`, admin)).statusCode).toBe(204);
    const login = await t().login({ ...user, totpSecret: null });
    const me = await call('GET', '/api/auth/me', login);
    expect(me.json().user.mfaEnrolled).toBe(false);
  });
});

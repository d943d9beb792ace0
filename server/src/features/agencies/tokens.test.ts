import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

describe.each(drivers)('API tokens on %s', (driver) => {
  const t = useTestApp(driver);

  it('issues a token shown once, stores only its hash, and records last use', async () => {
    const agency = await t().newAgency({ country: 'SG' });
    const cookie = await t().login(await t().newUser({ agency, roles: ['agency-admin'] }));
    const issued = await t().app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie },
      payload: { name: 'case system', scopes: ['agencies:read'], expiresInDays: 30 },
    });
    expect(issued.statusCode).toBe(201);
    const { token, apiToken } = issued.json();
    expect(token).toMatch(/^cdt_/);
    const stored = await t()
      .database()
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', apiToken.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));
    const list = await t().app.inject({ method: 'GET', url: '/api/tokens', headers: { cookie } });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const use = await t().app.inject({
      method: 'GET',
      url: '/api/agencies?country=SG',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(use.statusCode).toBe(200);
    expect(use.json().map((a: { id: string }) => a.id)).toContain(agency.id);
    const after = await t().app.inject({ method: 'GET', url: '/api/tokens', headers: { cookie } });
    expect(after.json()[0].lastUsedAt).toBe(t().clock.now().toISOString());
  });

  it('refuses a token outside its scopes (403), revoked (401) or expired (401)', async () => {
    const agency = await t().newAgency({ country: 'MY' });
    const cookie = await t().login(await t().newUser({ agency, roles: ['agency-admin'] }));
    const issue = async (days: number) =>
      (
        await t().app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: { cookie },
          payload: { name: `t${days}`, scopes: ['events:read'], expiresInDays: days },
        })
      ).json();
    const a = await issue(10);
    const bearer = (tk: string) => ({ authorization: `Bearer ${tk}` });
    expect((await t().app.inject({ method: 'GET', url: '/api/agencies', headers: bearer(a.token) })).statusCode).toBe(
      403,
    );
    expect((await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(a.token) })).statusCode).toBe(
      403,
    );
    const revoke = await t().app.inject({ method: 'DELETE', url: `/api/tokens/${a.apiToken.id}`, headers: { cookie } });
    expect(revoke.statusCode).toBe(204);
    const revoked = await t().app.inject({ method: 'GET', url: '/api/agencies', headers: bearer(a.token) });
    expect(revoked.statusCode).toBe(401);
    const b = await issue(1);
    t().clock.advance(86_400_000 + 1000);
    expect((await t().app.inject({ method: 'GET', url: '/api/agencies', headers: bearer(b.token) })).statusCode).toBe(
      401,
    );
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/agencies', headers: bearer('cdt_forged') })).statusCode,
    ).toBe(401);
  });

  it("cannot revoke another agency's token", async () => {
    const a = await t().newAgency({ country: 'LK' });
    const b = await t().newAgency({ country: 'NP' });
    const ca = await t().login(await t().newUser({ agency: a, roles: ['agency-admin'] }));
    const cb = await t().login(await t().newUser({ agency: b, roles: ['agency-admin'] }));
    const tk = (
      await t().app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: ca },
        payload: { name: 'x', scopes: ['intel:read'], expiresInDays: 5 },
      })
    ).json();
    expect(
      (await t().app.inject({ method: 'DELETE', url: `/api/tokens/${tk.apiToken.id}`, headers: { cookie: cb } }))
        .statusCode,
    ).toBe(404);
  });
});

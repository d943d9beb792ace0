import { describe, expect, it } from 'vitest';
import { cookieHeader, TEST_PASSWORD, useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { POLICY } from './policy.ts';

describe.each(drivers)('sign-in and sessions on %s', (driver) => {
  const t = useTestApp(driver);
  const post = (url: string, payload: unknown, cookie?: string) =>
    t().app.inject({ method: 'POST', url, payload: payload as object, headers: cookie ? { cookie } : {} });
  const me = (cookie: string) => t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('signs in without MFA, sets a strict httpOnly cookie, and /me answers', async () => {
    const agency = await t().newAgency();
    const user = await t().newUser({ agency, roles: ['analyst'] });
    const res = await post('/api/auth/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mfaRequired: false, me: { user: { id: user.id, roles: ['analyst'] } } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const who = await me(cookieHeader(res.headers['set-cookie']));
    expect(who.json().user.email).toBe(user.email);
  });

  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const agency = await t().newAgency();
    const user = await t().newUser({ agency, roles: ['analyst'] });
    const a = await post('/api/auth/login', { email: user.email, password: 'wrong password!!' });
    const b = await post('/api/auth/login', { email: 'nobody@nowhere.example', password: 'wrong password!!' });
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json().detail).toBe(b.json().detail);
    expect(a.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('asks for the TOTP code, refuses a wrong one and a replay, accepts a recovery code once', async () => {
    const agency = await t().newAgency();
    const user = await t().newUser({ agency, roles: ['analyst'], mfa: true });
    const step1 = await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(step1.json()).toEqual({ mfaRequired: true, challenge: expect.any(String) });
    expect(step1.headers['set-cookie']).toBeUndefined();
    const { challenge } = step1.json();
    const wrong = await post('/api/auth/mfa', { challenge, code: '000000' === t().totp(user) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    t().clock.advance(30_000);
    const code = t().totp(user);
    const ok = await post('/api/auth/mfa', { challenge, code });
    expect(ok.statusCode).toBe(200);
    expect((await me(cookieHeader(ok.headers['set-cookie']))).statusCode).toBe(200);
    // The same code again, on a new challenge, is a replay.
    const again = await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    const replay = await post('/api/auth/mfa', { challenge: again.json().challenge, code });
    expect(replay.statusCode).toBe(401);
    // The challenge is single-use: after success it is gone.
    expect((await post('/api/auth/mfa', { challenge, code: t().totp(user) })).statusCode).toBe(401);
  });

  it('enrols MFA from a session and then accepts a recovery code exactly once', async () => {
    const agency = await t().newAgency();
    const user = await t().newUser({ agency, roles: ['investigator'] });
    const cookie = await t().login(user);
    const start = await post('/api/auth/mfa/enrol', {}, cookie);
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = start.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Cordon:/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const bad = await post('/api/auth/mfa/enrol/confirm', { code: '12345' }, cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('code');
    const enrolled = { ...user, totpSecret: secret as string };
    const confirm = await post('/api/auth/mfa/enrol/confirm', { code: t().totp(enrolled) }, cookie);
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recoveryCodes;
    expect(codes).toHaveLength(POLICY.recoveryCodeCount);
    const login = await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.json().mfaRequired).toBe(true);
    const viaRecovery = await post('/api/auth/mfa', {
      challenge: login.json().challenge,
      code: codes[0]?.toUpperCase(),
    });
    expect(viaRecovery.statusCode).toBe(200);
    const login2 = await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect((await post('/api/auth/mfa', { challenge: login2.json().challenge, code: codes[0] })).statusCode).toBe(401);
  });

  it('locks an e-mail out after repeated failures, with back-off, whether or not it exists', async () => {
    const agency = await t().newAgency();
    const user = await t().newUser({ agency, roles: ['analyst'] });
    for (let i = 0; i < POLICY.freeFailures; i++) {
      expect((await post('/api/auth/login', { email: user.email, password: `wrong ${i} xxxxxxxx` })).statusCode).toBe(
        401,
      );
    }
    const locked = await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(60);
    t().clock.advance(61_000);
    // One more failure doubles the wait.
    expect((await post('/api/auth/login', { email: user.email, password: 'still wrong xxxxx' })).statusCode).toBe(401);
    const locked2 = await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(Number(locked2.headers['retry-after'])).toBe(120);
    t().clock.advance(121_000);
    expect((await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(200);
    // Unknown addresses lock the same way, so a lockout says nothing about whether an account exists.
    for (let i = 0; i < POLICY.freeFailures; i++)
      await post('/api/auth/login', { email: 'ghost@test.example', password: 'xxxxxxxxxxxx' });
    expect((await post('/api/auth/login', { email: 'ghost@test.example', password: 'xxxxxxxxxxxx' })).statusCode).toBe(
      429,
    );
  });

  it('logs out: the cookie stops working', async () => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['analyst'] }));
    const out = await post('/api/auth/logout', {}, cookie);
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('rotates the session token, keeps the old one briefly, and expires idle sessions', async () => {
    const agency = await t().newAgency();
    const cookie = await t().login(await t().newUser({ agency, roles: ['analyst'] }));
    t().clock.advance(POLICY.sessionRotateMs);
    const r = await me(cookie);
    expect(r.statusCode).toBe(200);
    const rotated = cookieHeader(r.headers['set-cookie']);
    expect(rotated).toMatch(/^cordon_session=cds_/);
    expect(rotated).not.toBe(cookie);
    expect((await me(cookie)).statusCode).toBe(200); // grace period
    t().clock.advance(POLICY.rotationGraceMs + 1000);
    expect((await me(cookie)).statusCode).toBe(401);
    expect((await me(rotated)).statusCode).toBe(200);
    t().clock.advance(POLICY.sessionIdleMs + 1000);
    expect((await me(rotated)).statusCode).toBe(401);
  });

  it('ends the sessions of a user who is disabled', async () => {
    const agency = await t().newAgency();
    const admin = await t().newUser({ agency, roles: ['agency-admin'] });
    const user = await t().newUser({ agency, roles: ['analyst'] });
    const [adminCookie, userCookie] = [await t().login(admin), await t().login(user)];
    const patch = await t().app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: adminCookie },
      payload: { disabled: true },
    });
    expect(patch.statusCode).toBe(200);
    expect((await me(userCookie)).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).statusCode).toBe(401);
  });
});

describe('sign-in rate limit per client address', () => {
  const t = useTestApp('pglite', { loginRateLimit: 3 });
  it('answers 429 with Retry-After past the limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `n${i}@x.example`, password: 'p' },
      });
      codes.push(r.statusCode);
      if (r.statusCode === 429) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});

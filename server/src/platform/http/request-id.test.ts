import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';

describe('request ids', () => {
  const t = useTestApp('pglite');

  it('go out on every answer: a route, a refusal, a 404 and a validation error', async () => {
    const { app } = t();
    const answers = [
      await app.inject({ url: '/healthz' }),
      await app.inject({ url: '/api/auth/me' }),
      await app.inject({ url: '/no-such-file.json' }),
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 1 } }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400]);
    for (const a of answers) expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(answers.map((a) => a.headers['x-request-id'])).size).toBe(answers.length);
  });

  it('echo a well-formed id the caller sent, and replace a malformed one', async () => {
    const { app } = t();
    const given = await app.inject({ url: '/api/auth/me', headers: { 'x-request-id': 'trace-42.a:b' } });
    expect(given.headers['x-request-id']).toBe('trace-42.a:b');
    const bad = await app.inject({ url: '/api/auth/me', headers: { 'x-request-id': 'no spaces allowed' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, fieldErrors } from './api.ts';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body: string, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(status === 204 ? null : body, { status, headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('api', () => {
  it('sends JSON with same-origin credentials and parses the answer', async () => {
    const fetch = stubFetch(200, '{"ok":true}', { 'content-type': 'application/json' });
    await expect(api('POST', '/api/x', { a: 1 })).resolves.toEqual({ ok: true });
    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/x');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(init.body).toBe('{"a":1}');
  });

  it('sends extra headers such as Idempotency-Key', async () => {
    const fetch = stubFetch(201, '{}', { 'content-type': 'application/json' });
    await api('POST', '/api/x', {}, { 'idempotency-key': 'abc12345' });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['idempotency-key']).toBe('abc12345');
  });

  it('resolves 204 with undefined', async () => {
    stubFetch(204, '');
    await expect(api('DELETE', '/api/tokens/1')).resolves.toBeUndefined();
  });

  it('rejects with the problem and Retry-After', async () => {
    stubFetch(429, '{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down"}', {
      'content-type': 'application/problem+json',
      'retry-after': '42',
    });
    const err = await api('POST', '/api/auth/login', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(429);
    expect((err as ApiError).problem?.detail).toBe('slow down');
    expect((err as ApiError).retryAfter).toBe(42);
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('failed'))),
    );
    const err = await api('GET', '/api/auth/me').catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(0);
  });
});

describe('fieldErrors', () => {
  it('maps problem errors[] to field names, whatever the pointer style', () => {
    const err = new ApiError(
      400,
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        errors: [
          { field: '/email', message: 'bad email' },
          { field: 'body/password', message: 'too short' },
          { field: '/roles/0', message: 'unknown role' },
          { field: 'displayName', message: 'required' },
        ],
      },
      null,
    );
    expect(fieldErrors(err)).toEqual({
      email: 'bad email',
      password: 'too short',
      roles: 'unknown role',
      displayName: 'required',
    });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});

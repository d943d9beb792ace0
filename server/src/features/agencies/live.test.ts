import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';

interface Frame {
  id: string;
  event: string;
  data: { topic: string; data: Record<string, unknown> };
}

/** Reads SSE frames from a live HTTP response until `until` is satisfied or time runs out. */
async function collect(url: string, cookie: string, signal: AbortSignal): Promise<Frame[]> {
  const frames: Frame[] = [];
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        buffer += decoder.decode(chunk.value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .find((l) => l.startsWith(`${name}: `))
              ?.slice(name.length + 2);
          const data = field('data');
          if (data) frames.push({ id: field('id') ?? '', event: field('event') ?? '', data: JSON.parse(data) });
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  return frames;
}

async function waitFor(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each(drivers)('live events through the real app on %s', (driver) => {
  const t = useTestApp(driver);

  it("delivers each agency's events only to those who may see them", async () => {
    const hub = await t().newAgency({ country: 'FR', kind: 'hub' });
    const th = await t().newAgency({ country: 'TH' });
    const ke = await t().newAgency({ country: 'KE' });
    const hubAdmin = await t().login(await t().newUser({ agency: hub, roles: ['hub-admin'] }));
    const thAdmin = await t().login(await t().newUser({ agency: th, roles: ['agency-admin'] }));
    const thAnalyst = await t().login(await t().newUser({ agency: th, roles: ['analyst'] }));
    const keAdmin = await t().login(await t().newUser({ agency: ke, roles: ['agency-admin'] }));

    await t().app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(t().app.server.address() as AddressInfo).port}/api/events/stream`;
    const abort = new AbortController();
    const [fThAdmin, fThAnalyst, fKeAdmin] = await Promise.all([
      collect(url, thAdmin, abort.signal),
      collect(url, thAnalyst, abort.signal),
      collect(url, keAdmin, abort.signal),
    ]);
    try {
      // An account created in TH: TH's administrators only.
      const created = await t().app.inject({
        method: 'POST',
        url: '/api/users',
        headers: { cookie: thAdmin },
        payload: {
          email: 'live@th.test.example',
          displayName: 'Live',
          roles: ['analyst'],
          password: 'long enough password',
        },
      });
      expect(created.statusCode).toBe(201);
      // A new agency: every member.
      const registered = await t().app.inject({
        method: 'POST',
        url: '/api/agencies',
        headers: { cookie: hubAdmin },
        payload: { name: 'Live Unit', country: 'MM', kind: 'police' },
      });
      expect(registered.statusCode).toBe(201);

      const topics = (fs: Frame[]) => fs.map((f) => f.event);
      await waitFor(() => fKeAdmin.length >= 1 && fThAnalyst.length >= 1 && fThAdmin.length >= 2, 'events');
      expect(topics(fThAdmin)).toEqual(['agencies.user.created', 'agencies.agency.registered']);
      expect(topics(fThAnalyst)).toEqual(['agencies.agency.registered']);
      expect(topics(fKeAdmin)).toEqual(['agencies.agency.registered']);
      expect(fThAdmin[0]?.data.data).toMatchObject({ agencyId: th.id, userId: created.json().id });
      expect(Number(fThAdmin[1]?.id)).toBeGreaterThan(Number(fThAdmin[0]?.id));
    } finally {
      abort.abort();
    }
  });

  it('refuses the stream without a session', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/events/stream' });
    expect(res.statusCode).toBe(401);
  });
});

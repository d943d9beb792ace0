import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/app.ts';
import { drivers } from '../../../test/db.ts';
import { sign, verify } from './signature.ts';

interface Received {
  body: string;
  signature: string;
  eventId: string;
}

describe('webhook signatures', () => {
  it('verifies its own signature and refuses a changed body, a wrong secret or an old timestamp', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    const sig = sign('whsec_a', '{"x":1}', at);
    expect(verify('whsec_a', '{"x":1}', sig, at)).toBe(true);
    expect(verify('whsec_a', '{"x":2}', sig, at)).toBe(false);
    expect(verify('whsec_b', '{"x":1}', sig, at)).toBe(false);
    expect(verify('whsec_a', '{"x":1}', sig, new Date(at.getTime() + 10 * 60_000))).toBe(false);
  });
});

describe.each(drivers)('signed webhooks on %s', (driver) => {
  const t = useTestApp(driver);
  const received: Received[] = [];
  let failNext = 1;
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push({
          body,
          signature: String(req.headers['cordon-signature']),
          eventId: String(req.headers['cordon-event-id']),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it('delivers the events an agency may see, signed, retrying with back-off, with a delivery log', async () => {
    const th = await t().newAgency({ country: 'TH' });
    const ph = await t().newAgency({ country: 'PH' });
    const admin = await t().login(await t().newUser({ agency: th, roles: ['agency-admin'] }));
    const created = await t().app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie: admin },
      payload: { url, topics: ['intel.'] },
    });
    expect(created.statusCode).toBe(201);
    const { secret, webhook } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect(
      (
        await t().app.inject({
          method: 'POST',
          url: '/api/webhooks',
          headers: { cookie: admin },
          payload: { url: 'ftp://x.example/', topics: ['*'] },
        })
      ).statusCode,
    ).toBe(400);

    // A hit between TH and PH raises an alert for TH: its webhook gets it.
    const [cTh, cPh] = [
      await t().login(await t().newUser({ agency: th, roles: ['analyst'] })),
      await t().login(await t().newUser({ agency: ph, roles: ['analyst'] })),
    ];
    const marking = { tlp: 'GREEN', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' };
    const post = (cookie: string) =>
      t().app.inject({
        method: 'POST',
        url: '/api/intel/reports',
        headers: { cookie },
        payload: {
          title: 'Shared wallet',
          summary: '',
          marking,
          moTags: [],
          selectors: [{ ref: 'w', kind: 'crypto', value: '0x52908400098527886E0F7030069857D2E4169EE7' }],
        },
      });
    await post(cTh);
    await post(cPh);
    // Wait for the dispatcher to publish and the fan-out consumer to queue deliveries.
    let deliveries: Array<{ status: string; attempts: number; topic: string }> = [];
    for (let i = 0; i < 100 && deliveries.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      deliveries = (
        await t().app.inject({
          method: 'GET',
          url: `/api/webhooks/${webhook.id}/deliveries`,
          headers: { cookie: admin },
        })
      ).json();
    }
    expect(deliveries.map((d) => d.topic)).toEqual(['intel.hit.alert']);
    await t().jobs.runDue(); // first attempt: the receiver answers 503
    deliveries = (
      await t().app.inject({ method: 'GET', url: `/api/webhooks/${webhook.id}/deliveries`, headers: { cookie: admin } })
    ).json();
    expect(deliveries[0]).toMatchObject({ status: 'pending', attempts: 1, lastStatus: 503 });
    expect(received).toHaveLength(0);
    await t().jobs.runDue(); // not due yet: back-off
    expect(received).toHaveLength(0);
    t().clock.advance(31_000);
    await t().jobs.runDue();
    expect(received).toHaveLength(1);
    const got = received[0] as Received;
    expect(verify(secret, got.body, got.signature, t().clock.now())).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      topic: 'intel.hit.alert',
      data: { title: expect.stringMatching(/^Hit:/) },
    });
    deliveries = (
      await t().app.inject({ method: 'GET', url: `/api/webhooks/${webhook.id}/deliveries`, headers: { cookie: admin } })
    ).json();
    expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 204 });
    // PH has no webhook; nothing of PH's alert went to TH's.
    expect(received.every((r) => JSON.parse(r.body).data.visible !== undefined)).toBe(true);
  });
});

import { type IncomingMessage, request } from 'node:http';
import type { LiveEvent } from '@cordon/contracts';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { drivers, useTestDb } from '../../../test/db.ts';
import type { Viewer } from '../auth/viewer.ts';
import { systemClock } from '../clock/clock.ts';
import { eventsRoutes } from './events.routes.ts';
import { emit } from './outbox.ts';
import { createEventsPlatform, type EventsPlatform } from './platform.ts';
import type { EventAudience } from './types.ts';

const A = '00000000-0000-4000-8000-0000000000a1';
const B = '00000000-0000-4000-8000-0000000000b2';
const viewerA: Viewer = {
  kind: 'user',
  userId: 'a-user',
  tokenId: null,
  agencyId: A,
  country: 'FR',
  region: 'Europe',
  roles: ['analyst'],
  scopes: null,
};
const viewerB: Viewer = {
  ...viewerA,
  userId: 'b-user',
  agencyId: B,
  country: 'TH',
  region: 'Asia',
  roles: ['supervisor'],
};

interface Received extends LiveEvent {
  frameId: string;
  frameEvent: string;
}

/** A real SSE client over HTTP (node:http, so closing it closes its socket): reads frames as they come. */
async function openStream(base: string, viewer: Viewer | null, lastEventId?: string) {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (viewer) headers['x-test-viewer'] = JSON.stringify(viewer);
  if (lastEventId) headers['last-event-id'] = lastEventId;
  const req = request(`${base}/api/events/stream`, { headers, agent: false });
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve).once('error', reject).end();
  });
  res.setEncoding('utf8');
  const events: Received[] = [];
  const comments: string[] = [];
  let buffer = '';
  let wake = () => {};
  let ended = false;
  res.on('data', (chunk: string) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      comments.push(...lines.filter((l) => l.startsWith(':')));
      const data = field('data');
      if (data)
        events.push({
          ...(JSON.parse(data) as LiveEvent),
          frameId: field('id') ?? '',
          frameEvent: field('event') ?? '',
        });
    }
    wake();
  });
  res.on('close', () => {
    ended = true;
    wake();
  });
  const readUntil = async (done: () => boolean) => {
    while (!done()) {
      if (ended) throw new Error('stream ended');
      await new Promise<void>((r) => {
        wake = r;
      });
    }
  };
  return {
    status: res.statusCode,
    contentType: res.headers['content-type'],
    events,
    comments,
    topics: () => events.map((e) => e.topic),
    untilTopic: (topic: string) => readUntil(() => events.some((e) => e.topic === topic)),
    untilComment: () => readUntil(() => comments.length > 0),
    untilEnd: () => readUntil(() => ended),
    close: () => req.destroy(),
  };
}

describe.each(drivers)('live event stream (SSE) on %s', (driver) => {
  const t = useTestDb(driver);
  let app: FastifyInstance;
  let events: EventsPlatform;
  let base: string;

  beforeAll(async () => {
    const { database } = t();
    events = await createEventsPlatform({ database, clock: systemClock, natsUrl: null, dispatcher: { pollMs: 20 } });
    app = Fastify();
    app.decorateRequest('viewer', null);
    app.addHook('onRequest', async (request) => {
      const given = request.headers['x-test-viewer'];
      (request as FastifyRequest & { viewer: Viewer | null }).viewer =
        typeof given === 'string' ? JSON.parse(given) : null;
    });
    await app.register(eventsRoutes, { live: events.live });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await app?.close();
    await events?.close();
  });

  const publish = async (topic: string, audience: EventAudience, data: Record<string, unknown> = {}) => {
    const id = await t().database.transaction((tx) => emit(tx, { topic, data, audience }));
    events.notify();
    return id;
  };

  it('answers 401 without a viewer', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/events/stream' });
    expect(res.statusCode).toBe(401);
  });

  it('sends each connected viewer only the events it may see, then replays from Last-Event-ID', async () => {
    const a = await openStream(base, viewerA);
    const b = await openStream(base, viewerB);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/event-stream/);
    await vi.waitFor(() => expect(events.live.clientCount).toBe(2));

    const first = await publish('test.for-a', { kind: 'agencies', agencyIds: [A] }, { case: 1 });
    await publish('test.for-b-supervisors', { kind: 'agencies', agencyIds: [B], roles: ['supervisor'] });
    await publish('test.for-a-supervisors', { kind: 'agencies', agencyIds: [A], roles: ['supervisor'] });
    await publish('test.for-b-user', { kind: 'users', userIds: ['b-user'] });
    await publish('test.red-of-a', {
      kind: 'marked',
      ownerAgencyId: A,
      tlp: 'RED',
      audience: { kind: 'agencies', agencyIds: [A] },
    });
    await publish('test.amber-asia', {
      kind: 'marked',
      ownerAgencyId: A,
      tlp: 'AMBER',
      audience: { kind: 'regions', regions: ['Asia'] },
    });
    await publish('test.end', { kind: 'members' });
    await Promise.all([a.untilTopic('test.end'), b.untilTopic('test.end')]);

    expect(a.topics()).toEqual(['test.for-a', 'test.red-of-a', 'test.amber-asia', 'test.end']);
    expect(b.topics()).toEqual(['test.for-b-supervisors', 'test.for-b-user', 'test.amber-asia', 'test.end']);
    expect(a.events[0]).toMatchObject({ id: first, frameId: first, frameEvent: 'test.for-a', data: { case: 1 } });
    expect(Date.parse(a.events[0]!.occurredAt)).not.toBeNaN();

    // B reconnects after missing everything since `first`: the replay gives what B may see.
    b.close();
    const again = await openStream(base, viewerB, first);
    await again.untilTopic('test.end');
    expect(again.topics()).toEqual(['test.for-b-supervisors', 'test.for-b-user', 'test.amber-asia', 'test.end']);
    await publish('test.after-replay', { kind: 'members' });
    await again.untilTopic('test.after-replay');
    await a.untilTopic('test.after-replay');
    expect(again.topics().filter((x) => x === 'test.end')).toHaveLength(1);

    a.close();
    again.close();
    await vi.waitFor(() => expect(events.live.clientCount).toBe(0));
  });

  it('sends heartbeat comments', async () => {
    const { database } = t();
    const quick = await createEventsPlatform({ database, clock: systemClock, start: false, live: { heartbeatMs: 20 } });
    const hbApp = Fastify();
    hbApp.decorateRequest('viewer', null);
    hbApp.addHook('onRequest', async (request) => {
      (request as FastifyRequest & { viewer: Viewer | null }).viewer = viewerA;
    });
    await hbApp.register(eventsRoutes, { live: quick.live });
    const s = await openStream(await hbApp.listen({ host: '127.0.0.1', port: 0 }), viewerA);
    await s.untilComment();
    expect(s.comments[0]).toBe(': heartbeat');
    // Closing the app ends the open stream instead of waiting for it.
    await hbApp.close();
    await s.untilEnd();
    await quick.close();
    expect(quick.live.clientCount).toBe(0);
  });

  it('ends a stream after maxStreamMs, so the client reconnects and is checked again', async () => {
    const { database } = t();
    const short = await createEventsPlatform({
      database,
      clock: systemClock,
      start: false,
      live: { heartbeatMs: 10, maxStreamMs: 30 },
    });
    expect(await short.ready()).toBe(true);
    const shortApp = Fastify();
    shortApp.decorateRequest('viewer', null);
    shortApp.addHook('onRequest', async (request) => {
      (request as FastifyRequest & { viewer: Viewer | null }).viewer = viewerB;
    });
    await shortApp.register(eventsRoutes, { live: short.live });
    const s = await openStream(await shortApp.listen({ host: '127.0.0.1', port: 0 }), viewerB);
    await s.untilEnd();
    expect(short.live.clientCount).toBe(0);
    await shortApp.close();
    await short.close();
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConsole } from './console.ts';

describe('console static serving', () => {
  let dir = '';
  const app = Fastify();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cordon-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Cordon</title>');
    await writeFile(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
    await serveConsole(app, dir);
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('redirects / and /console to /console/', async () => {
    for (const url of ['/', '/console']) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(302);
      expect(r.headers.location).toBe('/console/');
    }
  });
  it('serves index.html uncached for the app and its client-side routes', async () => {
    for (const url of ['/console/', '/console/admin/users']) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<title>Cordon</title>');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });
  it('caches hashed assets for a year and answers a missing asset 404', async () => {
    const ok = await app.inject({ url: '/console/assets/main-abc123.js' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['cache-control']).toMatch(/immutable/);
    expect((await app.inject({ url: '/console/assets/gone-000.js' })).statusCode).toBe(404);
  });
});

describe('public portal static serving', () => {
  let dir = '';
  const app = Fastify();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cordon-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Console</title>');
    await writeFile(join(dir, 'portal.html'), '<!doctype html><title>Portal</title>');
    await serveConsole(app, dir);
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the portal, uncached, at / and at each of its pages; the console stays at /console/', async () => {
    for (const url of ['/', '/check-job', '/report-scam', '/follow-up']) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('<title>Portal</title>');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
    expect((await app.inject({ url: '/console/' })).body).toContain('<title>Console</title>');
    expect((await app.inject({ url: '/not-a-page' })).statusCode).toBe(404);
  });
});

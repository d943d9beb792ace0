import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PORTAL_PAGES } from '@cordon/contracts';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the public portal (web/dist/portal.html) at / and its pages (PORTAL_PAGES), and the
 * built console (web/dist) at /console/: hashed assets cached for a year,
 * index.html never cached, client-side routes falling back to index.html, and missing
 * files under /console/assets/ answered 404 (never HTML served as JavaScript).
 */
export async function serveConsole(app: FastifyInstance, webDist: string | null | undefined): Promise<void> {
  const hidden = { schema: { hide: true } };
  app.get('/console', hidden, (_request, reply) => reply.redirect('/console/'));
  const built = !!webDist && existsSync(join(webDist, 'index.html'));
  const portal = built && existsSync(join(webDist, 'portal.html'));
  for (const page of PORTAL_PAGES) {
    app.get(page, hidden, (_request, reply) =>
      portal ? reply.header('cache-control', 'no-cache').sendFile('portal.html') : reply.redirect('/console/'),
    );
  }
  if (!built) return;
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: '/console/',
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders(res, path) {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const index = (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html');
  app.get('/console/', hidden, index);
  app.get('/console/*', hidden, (request, reply) => {
    if (request.url.startsWith('/console/assets/')) return reply.callNotFound();
    return index(request, reply);
  });
}

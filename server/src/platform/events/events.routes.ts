import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Viewer } from '../auth/viewer.ts';
import { UnauthorizedError } from '../http/errors.ts';
import type { LiveConnection, LiveHub } from './live.ts';

export interface EventsRoutesOptions {
  live: LiveHub;
  /** Route `config` (read by the auth plugin); defaults to `{ auth: { scopes: ['events:read'] } }`. */
  routeConfig?: Record<string, unknown>;
}

/** `request.viewer` is decorated by the auth plugin; read it without depending on its typing. */
function viewerOf(request: FastifyRequest): Viewer | null {
  return (request as FastifyRequest & { viewer?: Viewer | null }).viewer ?? null;
}

/**
 * `GET /api/events/stream`: text/event-stream of the events the viewer may see. Each frame has
 * `id` (event id), `event` (topic) and `data` (a LiveEvent as JSON); a comment every 15 s keeps
 * proxies from closing it. `Last-Event-ID` (or `?lastEventId=`) replays what was missed.
 */
export const eventsRoutes: FastifyPluginAsync<EventsRoutesOptions> = async (app, options) => {
  const open = new Set<LiveConnection>();
  app.addHook('preClose', async () => {
    for (const c of [...open]) c.close();
  });

  app.get(
    '/api/events/stream',
    { config: options.routeConfig ?? { auth: { scopes: ['events:read'] } } },
    async (request, reply) => {
      const viewer = viewerOf(request);
      if (!viewer) throw new UnauthorizedError();
      const header = request.headers['last-event-id'];
      const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
      const lastEventId = typeof header === 'string' ? header : typeof query === 'string' ? query : null;

      const stream = new PassThrough();
      stream.write('retry: 3000\n\n');
      const connection = options.live.connect(
        viewer,
        {
          write(frame) {
            stream.write(frame);
            return stream.writableLength;
          },
          end: () => stream.end(),
        },
        lastEventId,
      );
      open.add(connection);
      const cleanup = () => {
        open.delete(connection);
        connection.close();
      };
      reply.raw.once('close', cleanup);
      stream.once('close', cleanup);
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-cache, no-transform')
        .header('x-accel-buffering', 'no');
      return reply.send(stream);
    },
  );
};

import type { FastifyInstance } from 'fastify';
import { noticesRoutes } from './notices.routes.ts';
import { type NoticesDeps, NoticesService } from './notices.service.ts';

export type NoticesFeature = ReturnType<typeof createNoticesFeature>;

/** Notices (reviewed by the hub, published to all members) and diffusions (direct, no review). */
export function createNoticesFeature(deps: NoticesDeps) {
  const feature = {
    notices: new NoticesService(deps),
    async register(app: FastifyInstance) {
      await app.register(noticesRoutes, { notices: feature });
    },
  };
  return feature;
}

import type { FastifyInstance } from 'fastify';
import { DiffusionsService } from './diffusions.service.ts';
import { noticesRoutes } from './notices.routes.ts';
import { NoticeSearchService } from './notices.search.ts';
import { NoticesService } from './notices.service.ts';
import type { NoticesDeps } from './notices.shared.ts';

export type NoticesFeature = ReturnType<typeof createNoticesFeature>;

/** Notices (reviewed by the hub, published to all members) and diffusions (direct, no review). */
export function createNoticesFeature(deps: NoticesDeps) {
  const feature = {
    notices: new NoticesService(deps),
    search: new NoticeSearchService(deps),
    diffusions: new DiffusionsService(deps),
    async register(app: FastifyInstance) {
      await app.register(noticesRoutes, { notices: feature });
    },
  };
  return feature;
}

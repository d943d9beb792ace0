import type { FastifyInstance } from 'fastify';
import { EntityContextService } from './entity-context.service.ts';
import { hitRoutes } from './hits.routes.ts';
import { HitsService } from './hits.service.ts';
import { reportRoutes } from './intel.routes.ts';
import { linkRoutes } from './links.routes.ts';
import { LinksService } from './links.service.ts';
import { type IntelDeps, ReportsService } from './reports.service.ts';
import { SearchService } from './search.service.ts';
import { SelectorIndex } from './selector-index.ts';
import { TaxonomyService } from './taxonomy.service.ts';
import { WatchService } from './watch.service.ts';

export type IntelFeature = ReturnType<typeof createIntelFeature>;

/** Pillar 1, intelligence sharing: reports, cross-matching, hits, disclosure, watchlists, search. */
export function createIntelFeature(intelDeps: IntelDeps) {
  // One selector index per node (per feature instance); buildApp starts it and stops it on close.
  const index = intelDeps.index ?? new SelectorIndex(intelDeps.database);
  const deps = { ...intelDeps, index };
  const feature = {
    database: deps.database,
    index,
    reports: new ReportsService(deps),
    hits: new HitsService(deps),
    watch: new WatchService(deps),
    search: new SearchService(deps),
    taxonomy: new TaxonomyService(deps),
    links: new LinksService(deps),
    entityContext: new EntityContextService(deps),
    async register(app: FastifyInstance) {
      await app.register(reportRoutes, { intel: feature });
      await app.register(hitRoutes, { intel: feature });
      await app.register(linkRoutes, { intel: feature });
    },
  };
  return feature;
}

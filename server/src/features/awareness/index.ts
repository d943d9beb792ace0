import type { FastifyInstance } from 'fastify';
import type { Bus } from '../../platform/events/bus.ts';
import type { ReportsService } from '../intel/reports.service.ts';
import { awarenessRoutes, DEFAULT_PUBLIC_RATE_LIMITS, type PublicRateLimits } from './awareness.routes.ts';
import { CampaignsService } from './campaigns.service.ts';
import { DirectoryService } from './directory.service.ts';
import { type AwarenessDeps, PublicService } from './public.service.ts';
import { type RescueOpener, TriageService } from './triage.service.ts';

export type AwarenessFeature = ReturnType<typeof createAwarenessFeature>;

/** Pillar 5, the public portal: checkers, public reports and their triage, campaigns, directory. */
export function createAwarenessFeature(
  deps: AwarenessDeps & {
    intel: Pick<ReportsService, 'submit'>;
    rescue?: RescueOpener;
    /** The events bus: the in-memory warning list reloads on `intel.warning-list.changed`. */
    bus?: Pick<Bus, 'subscribe'>;
  },
) {
  const campaigns = new CampaignsService(deps);
  const feature = {
    campaigns,
    public: new PublicService(deps, campaigns),
    triage: new TriageService(deps, deps.intel, deps.rescue),
    directory: new DirectoryService(deps),
    async register(app: FastifyInstance, opts: { limits?: Partial<PublicRateLimits> } = {}) {
      if (deps.bus) {
        const following = await feature.public.warningList.follow(deps.bus);
        app.addHook('onClose', async () => following.close());
      }
      await app.register(awarenessRoutes, {
        awareness: feature,
        limits: { ...DEFAULT_PUBLIC_RATE_LIMITS, ...opts.limits },
      });
    },
  };
  return feature;
}

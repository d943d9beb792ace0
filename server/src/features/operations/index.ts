import type { FastifyInstance } from 'fastify';
import { ChannelService } from './channel.service.ts';
import { ConflictsService } from './conflicts.service.ts';
import { Deconfliction } from './deconfliction.ts';
import { LateMatches } from './late-matches.ts';
import { operationsRoutes } from './operations.routes.ts';
import { OperationsService } from './operations.service.ts';
import type { OperationsDeps } from './operations.shared.ts';
import { RegisterService } from './register.service.ts';
import { ResultsService } from './results.service.ts';
import { TargetsService } from './targets.service.ts';
import { TasksService } from './tasks.service.ts';

export type OperationsFeature = ReturnType<typeof createOperationsFeature>;

/** Pillar 2: multinational joint operations, deconfliction, tasks, channel, results. */
export function createOperationsFeature(deps: OperationsDeps) {
  const deconfliction = new Deconfliction(deps.clock);
  const feature = {
    operations: new OperationsService(deps),
    targets: new TargetsService(deps, deconfliction),
    conflicts: new ConflictsService(deps),
    registry: new RegisterService(deps, deconfliction),
    tasks: new TasksService(deps),
    channel: new ChannelService(deps),
    results: new ResultsService(deps),
    /** Re-keys targets and register entries when intelligence links their entities later. */
    lateMatches: new LateMatches(deps, deconfliction),
    async register(app: FastifyInstance) {
      await app.register(operationsRoutes, { ops: feature });
    },
  };
  return feature;
}

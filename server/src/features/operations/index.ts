import type { FastifyInstance } from 'fastify';
import { operationsRoutes } from './operations.routes.ts';
import { type OperationsDeps, OperationsService } from './operations.service.ts';

export type OperationsFeature = ReturnType<typeof createOperationsFeature>;

/** Pillar 2: multinational joint operations, deconfliction, tasks, channel, results. */
export function createOperationsFeature(deps: OperationsDeps) {
  const feature = {
    operations: new OperationsService(deps),
    async register(app: FastifyInstance) {
      await app.register(operationsRoutes, { ops: feature });
    },
  };
  return feature;
}

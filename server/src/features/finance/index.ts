import type { FastifyInstance } from 'fastify';
import type { JobRunner } from '../../platform/jobs/runner.ts';
import { financeRoutes } from './finance.routes.ts';
import { type FinanceDeps, FinanceService } from './finance.service.ts';
import { FREEZE_DEADLINE_JOB, FREEZE_REMINDER_JOB, FreezesService } from './freezes.service.ts';

export type FinanceFeature = ReturnType<typeof createFinanceFeature>;

/** Pillar 3, criminal finance: accounts, transactions, tracing, detection, freezes, asset ledger. */
export function createFinanceFeature(deps: FinanceDeps & { jobs: Pick<JobRunner, 'register'> }) {
  const accounts = new FinanceService(deps);
  const freezes = new FreezesService(deps, accounts);
  deps.jobs.register(FREEZE_DEADLINE_JOB, freezes.onDeadline);
  deps.jobs.register(FREEZE_REMINDER_JOB, freezes.onReminder);
  const feature = {
    database: deps.database,
    clock: deps.clock,
    accounts,
    freezes,
    async register(app: FastifyInstance) {
      await app.register(financeRoutes, { finance: feature });
    },
  };
  return feature;
}

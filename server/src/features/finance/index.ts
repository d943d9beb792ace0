import type { FastifyInstance } from 'fastify';
import type { JobRunner } from '../../platform/jobs/runner.ts';
import { AccountsService } from './accounts.service.ts';
import { financeRoutes } from './finance.routes.ts';
import type { FinanceDeps } from './finance.shared.ts';
import { FREEZE_DEADLINE_JOB, FREEZE_REMINDER_JOB, FreezesService } from './freezes.service.ts';
import { LedgerService } from './ledger.service.ts';
import { TracingService } from './tracing.service.ts';
import { TransactionsService } from './transactions.service.ts';

export type FinanceFeature = ReturnType<typeof createFinanceFeature>;

/** Pillar 3, criminal finance: accounts, transactions, tracing, detection, freezes, asset ledger. */
export function createFinanceFeature(deps: FinanceDeps & { jobs: Pick<JobRunner, 'register'> }) {
  const accounts = new AccountsService(deps);
  const transactions = new TransactionsService(deps);
  const tracing = new TracingService(deps);
  const freezes = new FreezesService(deps, tracing);
  deps.jobs.register(FREEZE_DEADLINE_JOB, freezes.onDeadline);
  deps.jobs.register(FREEZE_REMINDER_JOB, freezes.onReminder);
  const feature = {
    database: deps.database,
    clock: deps.clock,
    accounts,
    transactions,
    tracing,
    freezes,
    ledger: new LedgerService(deps),
    async register(app: FastifyInstance) {
      await app.register(financeRoutes, { finance: feature });
    },
  };
  return feature;
}

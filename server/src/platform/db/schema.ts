import type { AgenciesTables } from '../../features/agencies/agencies.tables.ts';
import type { AwarenessTables } from '../../features/awareness/awareness.tables.ts';
import type { FinanceTables } from '../../features/finance/finance.tables.ts';
import type { IntelTables } from '../../features/intel/intel.tables.ts';
import type { NoticesTables } from '../../features/notices/notices.tables.ts';
import type { OperationsTables } from '../../features/operations/operations.tables.ts';
import type { RescueTables } from '../../features/rescue/rescue.tables.ts';
import type { AuditTables } from '../audit/audit.tables.ts';
import type { EventsTables } from '../events/events.tables.ts';
import type { IdempotencyTables } from '../http/idempotency.tables.ts';
import type { JobsTables } from '../jobs/jobs.tables.ts';
import type { WebhooksTables } from '../webhooks/webhooks.tables.ts';

/** Every table, as Kysely sees it: each owner declares its own, this file only joins them. */
export interface DB
  extends AgenciesTables,
    AuditTables,
    AwarenessTables,
    EventsTables,
    FinanceTables,
    IdempotencyTables,
    IntelTables,
    JobsTables,
    NoticesTables,
    OperationsTables,
    RescueTables,
    WebhooksTables {}

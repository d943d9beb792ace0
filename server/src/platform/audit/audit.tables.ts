import type { Generated } from 'kysely';

export interface AuditLogTable {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  actor_token_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  details: unknown;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

/** Read audits committed but not yet chained (migration 0008); see pending.ts. */
export interface AuditPendingTable {
  id: Generated<number>;
  at: Date;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  actor_token_id: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  details: unknown;
  request_id: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
}

import type { Generated } from 'kysely';

export interface OperationsTable {
  id: Generated<string>;
  owner_agency_id: string;
  code_name: string;
  objectives: string;
  period_start: string;
  period_end: string;
  status: Generated<string>;
  tlp: string;
  pap: string;
  reliability: string;
  credibility: string;
  audience_kind: string;
  audience_regions: string[];
  audience_agencies: string[];
  summary_published: Generated<boolean>;
  created_by_user: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OperationParticipantsTable {
  operation_id: string;
  agency_id: string;
  status: string;
  contact_point: string | null;
  invited_at: Date;
  responded_at: Date | null;
}

export interface OperationTargetsTable {
  id: Generated<string>;
  operation_id: string;
  owner_agency_id: string;
  kind: string;
  entity_id: string | null;
  selector_key: string | null;
  label: string;
  match_keys: string[];
  priority: string;
  status: Generated<string>;
  created_by_user: string | null;
  created_at: Date;
}

export interface DeconflictionRegisterTable {
  id: Generated<string>;
  agency_id: string;
  label: string;
  match_keys: string[];
  contact_point: string;
  active: Generated<boolean>;
  created_by_user: string | null;
  created_at: Date;
}

export interface DeconflictionConflictsTable {
  id: Generated<string>;
  match_key: string;
  a_agency_id: string;
  a_operation_id: string | null;
  a_target_id: string | null;
  a_register_id: string | null;
  a_label: string;
  a_contact: string;
  a_ack_at: Date | null;
  a_ack_by: string | null;
  b_agency_id: string;
  b_operation_id: string | null;
  b_target_id: string | null;
  b_register_id: string | null;
  b_label: string;
  b_contact: string;
  b_ack_at: Date | null;
  b_ack_by: string | null;
  status: Generated<string>;
  resolution: string | null;
  resolved_by_agency: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

export interface OperationTasksTable {
  id: Generated<string>;
  operation_id: string;
  title: string;
  description: string;
  assignee_agency_id: string;
  due_at: Date;
  status: Generated<string>;
  overdue_alerted_at: Date | null;
  created_by_agency: string;
  created_at: Date;
  updated_at: Date;
}

export interface OperationMessagesTable {
  id: Generated<string>;
  operation_id: string;
  agency_id: string;
  user_id: string | null;
  body: string;
  created_at: Date;
}

export interface OperationResultsTable {
  id: Generated<string>;
  operation_id: string;
  agency_id: string;
  country: string;
  reported_on: string;
  arrests: number;
  arrest_nationalities: unknown;
  victims_rescued: number;
  centres_raided: number;
  devices_seized: number;
  accounts_blocked: number;
  assets_frozen: string;
  assets_seized: string;
  currency: string;
  rescue_case_ids: string[];
  finance_ref_ids: string[];
  note: string;
  created_by_user: string | null;
  created_at: Date;
}

export interface OperationsTables {
  operations: OperationsTable;
  operation_participants: OperationParticipantsTable;
  operation_targets: OperationTargetsTable;
  deconfliction_register: DeconflictionRegisterTable;
  deconfliction_conflicts: DeconflictionConflictsTable;
  operation_tasks: OperationTasksTable;
  operation_messages: OperationMessagesTable;
  operation_results: OperationResultsTable;
}

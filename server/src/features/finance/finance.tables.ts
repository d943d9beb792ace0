import type { Generated } from 'kysely';
import type { MarkingColumns } from '../../platform/markings/columns.ts';

export interface FinAccountsTable {
  id: Generated<string>;
  key: string;
  type: string;
  display: string;
  country: string | null;
  chain: string | null;
  bank: string | null;
  provider: string | null;
  created_at: Date;
}

export interface FinAccountTagsTable extends MarkingColumns {
  account_id: string;
  agency_id: string;
  tag: string;
  note: Generated<string>;
  created_at: Date;
}

export interface FinTransactionsTable extends MarkingColumns {
  id: Generated<string>;
  owner_agency_id: string;
  created_by_user: string | null;
  source: string;
  source_key: string;
  from_account_id: string | null;
  to_account_id: string;
  /** numeric: read back as a string by both drivers. */
  amount: string;
  currency: string;
  occurred_at: Date;
  victim_ref: string | null;
  victim_country: string | null;
  case_ref: string | null;
  tx_hash: string | null;
  created_at: Date;
}

export interface FinRatesTable {
  currency: string;
  valid_from: string;
  usd: string;
}

export interface FinFreezesTable {
  id: Generated<string>;
  requester_agency_id: string;
  target_agency_id: string;
  created_by_user: string | null;
  account_id: string;
  currency: string;
  amount: string;
  traced_amount: string;
  override_reason: string | null;
  legal_basis: string;
  evidence: string[];
  deadline_hours: number;
  sent_at: Date | null;
  deadline_at: Date | null;
  state: string;
  frozen_amount: string | null;
  case_ref: string;
  operation_ref: string | null;
  country: string;
  model: string;
  origin_tx_ids: string[];
  attribution: unknown;
  created_at: Date;
  updated_at: Date;
}

export interface FinFreezeHistoryTable {
  id: Generated<number>;
  freeze_id: string;
  from_state: string | null;
  to_state: string;
  agency_id: string | null;
  user_id: string | null;
  note: Generated<string>;
  at: Date;
}

export interface FinLedgerTable {
  id: Generated<number>;
  freeze_id: string;
  kind: string;
  amount: string;
  victim_ref: string | null;
  agency_id: string | null;
  occurred_at: Date;
}

export interface FinanceTables {
  fin_accounts: FinAccountsTable;
  fin_account_tags: FinAccountTagsTable;
  fin_transactions: FinTransactionsTable;
  fin_rates: FinRatesTable;
  fin_freezes: FinFreezesTable;
  fin_freeze_history: FinFreezeHistoryTable;
  fin_ledger: FinLedgerTable;
}

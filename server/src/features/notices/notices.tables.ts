import type { Generated } from 'kysely';

export interface NoticesTable {
  id: Generated<string>;
  owner_agency_id: string;
  type: string;
  status: Generated<string>;
  title: string;
  summary: string;
  details: unknown;
  entity_ids: string[];
  selector_keys: string[];
  public_extract: string | null;
  review_period_days: number;
  revision: Generated<number>;
  search_text: string;
  return_reasons: string | null;
  submitted_at: Date | null;
  published_at: Date | null;
  expires_at: Date | null;
  cancelled_at: Date | null;
  created_by_user: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface NoticeRevisionsTable {
  id: Generated<string>;
  notice_id: string;
  revision: number;
  action: string;
  agency_id: string;
  user_id: string | null;
  snapshot: unknown;
  checklist: unknown;
  reasons: string | null;
  created_at: Date;
}

export interface DiffusionsTable {
  id: Generated<string>;
  owner_agency_id: string;
  type: string | null;
  title: string;
  body: string;
  recipient_agency_ids: string[];
  entity_ids: string[];
  selector_keys: string[];
  created_by_user: string | null;
  created_at: Date;
}

export interface NoticesTables {
  notices: NoticesTable;
  notice_revisions: NoticeRevisionsTable;
  diffusions: DiffusionsTable;
}

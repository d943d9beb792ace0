import type { Generated } from 'kysely';

export interface MoTagsTable {
  code: string;
  label: string;
  category: string;
  description: string;
  /** Translated labels, e.g. { fr: '…', es: '…' }; `label` is the English one. */
  labels: Generated<unknown>;
  created_by_agency: string | null;
  created_at: Generated<Date>;
}

export interface ReportsTable {
  id: Generated<string>;
  owner_agency_id: string;
  created_by_user: string | null;
  created_by_token: string | null;
  title: string;
  summary: string;
  tlp: string;
  pap: string;
  reliability: string;
  credibility: string;
  audience_kind: string;
  audience_regions: string[];
  audience_agencies: string[];
  disclosed_to: Generated<string[]>;
  mo_tags: string[];
  source_ref: string | null;
  created_at: Date;
}

export interface EntitiesTable {
  id: Generated<string>;
  report_id: string;
  owner_agency_id: string;
  kind: string;
  label: string;
  selector_kind: string | null;
  key: string | null;
  name_keys: string[];
  blocking_keys: string[];
  country: string | null;
  lat: number | null;
  lon: number | null;
  attrs: unknown;
  created_at: Date;
}

export interface RelationshipsTable {
  id: Generated<string>;
  report_id: string;
  source_id: string;
  target_id: string;
  type: string;
  created_at: Date;
}

export interface HitsTable {
  id: Generated<string>;
  kind: string;
  match_key: string;
  a_entity_id: string;
  a_agency_id: string;
  b_entity_id: string;
  b_agency_id: string;
  score: number;
  reasons: string[];
  /** The reasons as codes with parameters (null: stored before codes existed). */
  reason_codes: unknown;
  status: string;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

export interface DisclosureRequestsTable {
  id: Generated<string>;
  hit_id: string;
  report_id: string;
  requester_agency_id: string;
  requested_by: string | null;
  holder_agency_id: string;
  reason: string;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

export interface WatchlistsTable {
  id: Generated<string>;
  agency_id: string;
  created_by: string | null;
  kind: string;
  value: string;
  label: string;
  created_at: Date;
}

export interface AlertsTable {
  id: Generated<string>;
  agency_id: string;
  kind: string;
  title: string;
  /** What the console translates: a key under `intel.alertMessages` and its parameters. */
  message_key: string | null;
  message_params: Generated<unknown>;
  ref_type: string;
  ref_id: string;
  data: unknown;
  created_at: Date;
  read_at: Date | null;
}

export interface IntelTables {
  mo_tags: MoTagsTable;
  reports: ReportsTable;
  entities: EntitiesTable;
  relationships: RelationshipsTable;
  hits: HitsTable;
  disclosure_requests: DisclosureRequestsTable;
  watchlists: WatchlistsTable;
  alerts: AlertsTable;
}

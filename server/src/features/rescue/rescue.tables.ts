import type { Generated } from 'kysely';

export interface RescueCasesTable {
  id: Generated<string>;
  ref: string;
  kind: string;
  title: string;
  host_country: string;
  lead_agency_id: string;
  responsible_agency_id: string;
  supervisor_user_id: string | null;
  created_by_user: string | null;
  created_by_token: string | null;
  stage: string;
  stage_seq: Generated<number>;
  risk_level: string;
  risk_factors: unknown;
  stage_entered_at: Date;
  deadline_at: Date | null;
  open: Generated<boolean>;
  scam_centre_id: string | null;
  lat: number | null;
  lon: number | null;
  location_area: string;
  location_confidence: number | null;
  location_description_enc: string | null;
  reporter_enc: string | null;
  consent_to_contact: boolean;
  step_data: unknown;
  created_at: Date;
  updated_at: Date;
}

export interface RescueTeamTable {
  case_id: string;
  agency_id: string;
  party: string;
  added_at: Date;
}

export interface RescueBatchesTable {
  id: Generated<string>;
  case_id: string;
  nationality: string;
  status: string;
  transport_mode: string | null;
  carrier_ref: string;
  travel_date: string | null;
  reception_agency_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RescuePersonsTable {
  id: Generated<string>;
  case_id: string;
  row_key: string;
  nationality: string;
  minor: boolean;
  status: Generated<string>;
  batch_id: string | null;
  key_id: string;
  name_enc: string;
  aliases_enc: string | null;
  dob_enc: string | null;
  age_enc: string | null;
  gender_enc: string | null;
  languages_enc: string | null;
  contacts_enc: string | null;
  description_enc: string | null;
  created_at: Date;
}

export interface RescuePersonKeysTable {
  key: string;
  person_id: string;
}

export interface RescueMatchesTable {
  person_id: string;
  matched_person_id: string;
  score: number;
  verdict: string;
  created_at: Date;
}

export interface RescueScreeningsTable {
  person_id: string;
  case_id: string;
  indicators: string[];
  determination: string;
  non_punishment: boolean;
  reasons: string[];
  notes_enc: string | null;
  screened_at: Date;
  screened_by_agency: string;
  screened_by_user: string | null;
}

export interface RescueTimelineTable {
  id: Generated<number>;
  case_id: string;
  at: Date;
  kind: string;
  summary: string;
  actor_agency_id: string | null;
  actor_user_id: string | null;
  from_stage: string | null;
  to_stage: string | null;
  data: unknown;
  note_enc: string | null;
}

export interface RescueEscalationsTable {
  id: Generated<number>;
  case_id: string;
  stage_seq: number;
  stage: string;
  deadline_at: Date;
  raised_at: Date;
}

export interface RescueTables {
  rescue_cases: RescueCasesTable;
  rescue_team: RescueTeamTable;
  rescue_batches: RescueBatchesTable;
  rescue_persons: RescuePersonsTable;
  rescue_person_keys: RescuePersonKeysTable;
  rescue_matches: RescueMatchesTable;
  rescue_screenings: RescueScreeningsTable;
  rescue_timeline: RescueTimelineTable;
  rescue_escalations: RescueEscalationsTable;
}

import type { Generated } from 'kysely';

export interface PublicReportsTable {
  id: Generated<string>;
  reference: string;
  kind: string;
  agency_id: string;
  country: string;
  lang: string;
  status: Generated<string>;
  details_enc: string;
  contact_enc: string | null;
  selector_keys: string[];
  content_hash: string;
  duplicate_of: string | null;
  token_hash: string;
  campaign: string | null;
  intel_report_id: string | null;
  /** The rescue case a verified missing-relative report opened (0014). */
  rescue_case_id: Generated<string | null>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

export interface PublicReportAdditionsTable {
  id: Generated<string>;
  report_id: string;
  text_enc: string;
  created_at: Date;
}

export interface CampaignsTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  name: string;
  messages: unknown;
  target_countries: string[];
  age_groups: string[];
  channels: string[];
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: Date;
  /** Ended early by the agency (0015). */
  ended_at: Generated<Date | null>;
  ended_by: Generated<string | null>;
  updated_at: Generated<Date | null>;
}

export interface CampaignReachTable {
  campaign_id: string;
  day: string;
  country: string;
  kind: string;
  count: number;
}

export interface SupportDirectoryTable {
  id: Generated<string>;
  country: string;
  kind: string;
  name: string;
  phone: string | null;
  url: string | null;
  languages: string[];
  notes: string;
  demo: boolean;
  agency_id: string | null;
  created_at: Date;
}

export interface AwarenessTables {
  public_reports: PublicReportsTable;
  public_report_additions: PublicReportAdditionsTable;
  campaigns: CampaignsTable;
  campaign_reach: CampaignReachTable;
  support_directory: SupportDirectoryTable;
}

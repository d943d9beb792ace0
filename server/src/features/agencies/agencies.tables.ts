import type { Generated } from 'kysely';

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  country: string;
  region: string;
  kind: string;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  agency_id: string;
  email: string;
  display_name: string;
  roles: string[];
  password_hash: string;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_last_step: number | null;
  disabled: Generated<boolean>;
  last_login_at: Date | null;
  created_at: Generated<Date>;
}

export interface LoginThrottleTable {
  email_key: string;
  failures: number;
  locked_until: Date | null;
  last_failure_at: Date;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface MfaChallengesTable {
  id_hash: string;
  user_id: string;
  expires_at: Date;
  attempts: Generated<number>;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  rotated_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  agency_id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  created_by: string;
  created_at: Generated<Date>;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

export interface AgenciesTables {
  agencies: AgenciesTable;
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  recovery_codes: RecoveryCodesTable;
  mfa_challenges: MfaChallengesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

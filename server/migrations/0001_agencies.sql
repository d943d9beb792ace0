-- Agencies, their users, sessions, MFA and machine tokens.
create table agencies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  region text not null check (region in ('Africa', 'Americas', 'Asia', 'Europe', 'Oceania')),
  kind text not null check (kind in ('ncb', 'police', 'fiu', 'prosecutor', 'consulate', 'ngo', 'hub')),
  created_at timestamptz not null default now(),
  unique (country, name)
);
create unique index agencies_one_hub on agencies ((kind)) where kind = 'hub';

create table users (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  email text not null,
  display_name text not null,
  roles text[] not null check (cardinality(roles) > 0),
  password_hash text not null,
  -- TOTP secret, encrypted (AES-256-GCM) with the platform key; null until enrolled.
  totp_secret_enc text,
  -- Secret of an enrolment started but not yet confirmed with a code.
  totp_pending_enc text,
  -- Last TOTP time step accepted, so a code cannot be used twice.
  totp_last_step bigint,
  disabled boolean not null default false,
  last_login_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));
create index users_agency on users (agency_id);

-- Failed sign-ins per e-mail address (known or not, so a lockout tells nothing about
-- whether an account exists); back-off doubles after the fifth failure.
create table login_throttle (
  email_key text primary key,
  failures integer not null default 0,
  locked_until timestamptz,
  last_failure_at timestamptz not null
);

create table recovery_codes (
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (user_id, code_hash)
);

-- A password accepted for an MFA account opens a short-lived challenge; the TOTP code closes it.
create table mfa_challenges (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  expires_at timestamptz not null,
  attempts integer not null default 0
);

create table sessions (
  id_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  rotated_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text,
  ip text
);
create index sessions_user on sessions (user_id);

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  name text not null,
  token_hash text not null unique,
  scopes text[] not null check (cardinality(scopes) > 0),
  created_by uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index api_tokens_agency on api_tokens (agency_id);

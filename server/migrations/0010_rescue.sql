-- Pillar 4: locate, rescue and repatriate trafficking victims. Personal fields are stored only as
-- FieldCipher ciphertext (AES-256-GCM, `v1:<keyId>:…`); see docs/data-protection.md.

create sequence rescue_case_ref_seq;

create table rescue_cases (
  id uuid primary key default gen_random_uuid(),
  ref text not null unique,
  kind text not null check (kind in ('individual', 'mass')),
  title text not null default '',
  host_country text not null check (host_country ~ '^[A-Z]{2}$'),
  lead_agency_id uuid not null references agencies (id),
  responsible_agency_id uuid not null references agencies (id),
  supervisor_user_id uuid references users (id),
  created_by_user uuid references users (id),
  created_by_token uuid references api_tokens (id),
  stage text not null check (stage in ('reported', 'triaged', 'verified', 'located', 'rescue-planned', 'rescued',
    'screened', 'sheltered', 'repatriation-arranged', 'repatriated', 'follow-up', 'closed',
    'unfounded', 'duplicate', 'found-safe', 'deceased', 'declined-assistance')),
  -- Bumped by every transition: a deadline job names the stage entry it guards.
  stage_seq integer not null default 1,
  risk_level text not null check (risk_level in ('critical', 'high', 'medium', 'low')),
  risk_factors jsonb not null default '{}',
  stage_entered_at timestamptz not null,
  deadline_at timestamptz,
  open boolean not null default true,
  scam_centre_id uuid references entities (id),
  lat double precision,
  lon double precision,
  location_area text not null default '',
  location_confidence real check (location_confidence between 0 and 1),
  location_description_enc text,
  reporter_enc text,
  consent_to_contact boolean not null default false,
  -- Non-personal data of the steps taken (dates, agencies).
  step_data jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index rescue_cases_open on rescue_cases (stage, deadline_at) where open;

create table rescue_team (
  case_id uuid not null references rescue_cases (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  party text not null check (party in ('host-police', 'consulate', 'home-police', 'ngo-shelter', 'hub')),
  added_at timestamptz not null,
  primary key (case_id, agency_id, party)
);
create index rescue_team_agency on rescue_team (agency_id);

create table rescue_batches (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references rescue_cases (id) on delete cascade,
  nationality text not null,
  status text not null check (status in ('planned', 'documents-ready', 'transport-booked', 'departed', 'received')),
  transport_mode text check (transport_mode in ('air', 'land', 'sea')),
  carrier_ref text not null default '',
  travel_date date,
  reception_agency_id uuid references agencies (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index rescue_batches_case on rescue_batches (case_id);

create table rescue_persons (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references rescue_cases (id) on delete cascade,
  -- Idempotency of mass registration: the given key, or an HMAC of name, date of birth and nationality.
  row_key text not null,
  nationality text not null check (nationality ~ '^[A-Z]{2}$'),
  minor boolean not null default false,
  status text not null default 'registered'
    check (status in ('registered', 'screened', 'sheltered', 'in-batch', 'departed', 'repatriated')),
  batch_id uuid references rescue_batches (id),
  key_id text not null,
  name_enc text not null,
  aliases_enc text,
  dob_enc text,
  age_enc text,
  gender_enc text,
  languages_enc text,
  contacts_enc text,
  description_enc text,
  created_at timestamptz not null,
  unique (case_id, row_key)
);
create index rescue_persons_nationality on rescue_persons (case_id, nationality);

-- Blocking keys of persons' names (HMAC, never the name): candidates for duplicate detection.
create table rescue_person_keys (
  key text not null,
  person_id uuid not null references rescue_persons (id) on delete cascade,
  primary key (key, person_id)
);
create index rescue_person_keys_person on rescue_person_keys (person_id);

-- A registered person that looks like a person of another open case (already reported missing).
create table rescue_matches (
  person_id uuid not null references rescue_persons (id) on delete cascade,
  matched_person_id uuid not null references rescue_persons (id) on delete cascade,
  score real not null,
  verdict text not null,
  created_at timestamptz not null,
  primary key (person_id, matched_person_id)
);

create table rescue_screenings (
  person_id uuid primary key references rescue_persons (id) on delete cascade,
  case_id uuid not null references rescue_cases (id) on delete cascade,
  indicators text[] not null,
  determination text not null check (determination in ('identified-victim', 'presumed-victim', 'not-identified')),
  non_punishment boolean not null,
  reasons text[] not null,
  notes_enc text,
  screened_at timestamptz not null,
  screened_by_agency uuid not null references agencies (id),
  screened_by_user uuid references users (id)
);
create index rescue_screenings_case on rescue_screenings (case_id);

create table rescue_timeline (
  id bigserial primary key,
  case_id uuid not null references rescue_cases (id) on delete cascade,
  at timestamptz not null,
  kind text not null,
  -- Written by the service from non-personal facts; free text goes to note_enc.
  summary text not null,
  actor_agency_id uuid references agencies (id),
  actor_user_id uuid references users (id),
  from_stage text,
  to_stage text,
  data jsonb not null default '{}',
  note_enc text
);
create index rescue_timeline_case on rescue_timeline (case_id, id);

-- One escalation per stage entry whose deadline passed: the unique key makes it exactly once.
create table rescue_escalations (
  id bigserial primary key,
  case_id uuid not null references rescue_cases (id) on delete cascade,
  stage_seq integer not null,
  stage text not null,
  deadline_at timestamptz not null,
  raised_at timestamptz not null,
  unique (case_id, stage_seq)
);

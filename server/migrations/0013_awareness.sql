-- Pillar 5, public portal: reports from the public (scams, missing relatives) waiting for triage,
-- awareness campaigns with aggregate reach counters, and the support directory.

create table public_reports (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  kind text not null check (kind in ('scam', 'missing-relative')),
  -- The agency whose triage queue holds it (an agency of the reporter's country, else the hub).
  agency_id uuid not null references agencies (id),
  country text not null check (country ~ '^[A-Z]{2}$'),
  lang text not null,
  status text not null default 'new' check (status in ('new', 'verified', 'rejected')),
  -- Everything the reporter wrote, as encrypted JSON (FieldCipher); contact details apart.
  details_enc text not null,
  contact_enc text,
  -- Canonical selector keys the reporter gave (normalised), for matching; no personal data.
  selector_keys text[] not null default '{}',
  -- SHA-256 of the normalised content: a second identical submission points to the first.
  content_hash text not null,
  duplicate_of uuid references public_reports (id),
  token_hash text not null,
  campaign text,
  intel_report_id uuid,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null
);
create index public_reports_queue on public_reports (agency_id, status, created_at desc);
create index public_reports_content on public_reports (content_hash, created_at);

create table public_report_additions (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references public_reports (id) on delete cascade,
  text_enc text not null,
  created_at timestamptz not null
);
create index public_report_additions_report on public_report_additions (report_id, created_at);

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  code text not null unique,
  name text not null,
  messages jsonb not null,
  target_countries text[] not null,
  age_groups text[] not null default '{}',
  channels text[] not null default '{}',
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  created_by uuid,
  created_at timestamptz not null
);

-- Aggregate reach: one counter per campaign, day, visitor-declared country and kind.
-- No visitor identifier, address or cookie is ever stored.
create table campaign_reach (
  campaign_id uuid not null references campaigns (id) on delete cascade,
  day date not null,
  country text not null,
  kind text not null check (kind in ('view', 'click', 'check', 'report')),
  count integer not null default 0,
  primary key (campaign_id, day, country, kind)
);

create table support_directory (
  id uuid primary key default gen_random_uuid(),
  country text not null check (country ~ '^[A-Z]{2}$'),
  kind text not null check (kind in ('hotline', 'shelter', 'embassy', 'ngo', 'reporting-point')),
  name text not null,
  phone text,
  url text,
  languages text[] not null default '{}',
  notes text not null default '',
  demo boolean not null default false,
  agency_id uuid references agencies (id),
  created_at timestamptz not null
);
create index support_directory_country on support_directory (country, kind);

-- Pillar 1: intelligence reports, their entities and relationships, hits, disclosure, watchlists, alerts.

-- The controlled modus-operandi taxonomy; the hub extends it.
create table mo_tags (
  code text primary key check (code ~ '^[a-z0-9-]{2,64}$'),
  label text not null,
  category text not null check (category in ('modus-operandi', 'recruitment', 'laundering', 'crime-link')),
  description text not null default '',
  created_by_agency uuid references agencies (id),
  created_at timestamptz not null default now()
);
insert into mo_tags (code, label, category, description) values
  ('voice-phishing', 'Voice phishing', 'modus-operandi', 'Calls posing as police, banks, couriers or officials'),
  ('romance-pig-butchering', 'Romance / pig-butchering', 'modus-operandi', 'Weeks of grooming, then a fake investment platform'),
  ('investment-fraud', 'Investment fraud', 'modus-operandi', 'Fake trading platforms, apps and schemes'),
  ('crypto-fraud', 'Crypto fraud', 'modus-operandi', 'Fake exchanges, wallets and tokens'),
  ('job-task-scam', 'Job / task scam', 'modus-operandi', 'Paid to like videos or rate products, then asked to deposit'),
  ('sextortion', 'Sextortion', 'modus-operandi', 'Threats to publish intimate images'),
  ('impersonation-officials', 'Impersonation of officials', 'modus-operandi', 'Posing as police, prosecutors, customs or embassies'),
  ('loan-scam', 'Loan scam', 'modus-operandi', 'Advance fees for loans that never come'),
  ('money-mule', 'Money mule', 'laundering', 'Accounts that receive and pass on victims'' money'),
  ('collection-account', 'Collection account', 'laundering', 'Account receiving from many victims'),
  ('otc-cash-out', 'OTC desk / cash-out', 'laundering', 'Over-the-counter crypto desks, exchanges, cash withdrawal'),
  ('underground-banking', 'Underground banking', 'laundering', 'Informal value transfer outside the banking system'),
  ('social-media-job-ads', 'Social-media job ads', 'recruitment', 'Recruitment through job ads on social media and messaging apps'),
  ('fake-recruitment-agency', 'Fake recruitment agency', 'recruitment', 'Agencies that recruit workers into scam centres'),
  ('drug-trafficking', 'Drug trafficking', 'crime-link', 'Link to drug trafficking'),
  ('firearms-trafficking', 'Firearms trafficking', 'crime-link', 'Link to firearms trafficking'),
  ('wildlife-trafficking', 'Wildlife trafficking', 'crime-link', 'Link to wildlife trafficking'),
  ('human-trafficking', 'Human trafficking', 'crime-link', 'Workers trafficked into forced criminality');

create table reports (
  id uuid primary key default gen_random_uuid(),
  owner_agency_id uuid not null references agencies (id),
  created_by_user uuid references users (id),
  created_by_token uuid references api_tokens (id),
  title text not null,
  summary text not null default '',
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  pap text not null check (pap in ('CLEAR', 'GREEN', 'AMBER', 'RED')),
  reliability char(1) not null check (reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
  credibility char(1) not null check (credibility in ('1', '2', '3', '4', '5', '6')),
  audience_kind text not null check (audience_kind in ('all', 'regions', 'agencies')),
  audience_regions text[] not null default '{}',
  audience_agencies uuid[] not null default '{}',
  -- Agencies the holder disclosed this report to after a hit (on top of its audience).
  disclosed_to uuid[] not null default '{}',
  mo_tags text[] not null default '{}',
  source_ref text,
  created_at timestamptz not null
);
create unique index reports_source_ref on reports (owner_agency_id, source_ref) where source_ref is not null;
create index reports_owner on reports (owner_agency_id, created_at desc);
create index reports_mo on reports using gin (mo_tags);

create table entities (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id),
  owner_agency_id uuid not null references agencies (id),
  kind text not null check (kind in ('person', 'organisation', 'scam-centre', 'selector')),
  label text not null,
  selector_kind text,
  -- Canonical selector key (kind:value), the thing two agencies meet on.
  key text,
  -- Normalised names and aliases (scam centres, organisations) for exact name matching.
  name_keys text[] not null default '{}',
  -- Person blocking keys: candidates for fuzzy matching share at least one.
  blocking_keys text[] not null default '{}',
  country char(2),
  lat double precision,
  lon double precision,
  attrs jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  check ((kind = 'selector') = (key is not null))
);
create index entities_key on entities (key) where key is not null;
create index entities_report on entities (report_id);
create index entities_name_keys on entities using gin (name_keys);
create index entities_blocking on entities using gin (blocking_keys);
create index entities_centres on entities (country, lat, lon) where kind = 'scam-centre';

create table relationships (
  id uuid primary key default gen_random_uuid(),
  report_id uuid not null references reports (id),
  source_id uuid not null references entities (id),
  target_id uuid not null references entities (id),
  type text not null check (type in ('operates', 'works-at', 'recruits-for', 'uses', 'controls', 'pays', 'located-at', 'member-of', 'victim-of')),
  created_at timestamptz not null
);
create index relationships_source on relationships (source_id);
create index relationships_target on relationships (target_id);

-- A hit pairs a new entity (a) with another agency's entity (b) that it matches.
create table hits (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('selector', 'scam-centre', 'person')),
  match_key text not null,
  a_entity_id uuid not null references entities (id),
  a_agency_id uuid not null references agencies (id),
  b_entity_id uuid not null references entities (id),
  b_agency_id uuid not null references agencies (id),
  score real not null default 1,
  reasons text[] not null default '{}',
  status text not null default 'open' check (status in ('open', 'confirmed', 'rejected')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null,
  unique (a_entity_id, b_entity_id),
  check (a_agency_id <> b_agency_id)
);
create index hits_a_agency on hits (a_agency_id, created_at desc);
create index hits_b_agency on hits (b_agency_id, created_at desc);

create table disclosure_requests (
  id uuid primary key default gen_random_uuid(),
  hit_id uuid not null references hits (id),
  report_id uuid not null references reports (id),
  requester_agency_id uuid not null references agencies (id),
  requested_by uuid references users (id),
  holder_agency_id uuid not null references agencies (id),
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz not null
);
create unique index disclosure_one_pending on disclosure_requests (report_id, requester_agency_id) where status = 'pending';
create index disclosure_holder on disclosure_requests (holder_agency_id, status);

create table watchlists (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  created_by uuid references users (id),
  kind text not null check (kind in ('selector', 'mo', 'country', 'scam-centre')),
  value text not null,
  label text not null,
  created_at timestamptz not null,
  unique (agency_id, kind, value)
);
create index watchlists_match on watchlists (kind, value);

-- The agency's inbox: hits, watchlist matches, disclosure requests and answers.
create table alerts (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  kind text not null check (kind in ('hit', 'watch', 'disclosure')),
  title text not null,
  ref_type text not null,
  ref_id uuid not null,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  read_at timestamptz
);
create index alerts_agency on alerts (agency_id, created_at desc);
create index alerts_unread on alerts (agency_id) where read_at is null;

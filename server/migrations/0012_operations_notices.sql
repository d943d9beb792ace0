-- Pillar 2: multinational joint operations with deconfliction, and the notices workflow.
-- Rescue cases and finance ledger entries are referenced by id only (those features are separate).

create table operations (
  id uuid primary key default gen_random_uuid(),
  -- The lead agency owns the operation (standard marking columns; the audience is its participants).
  owner_agency_id uuid not null references agencies (id),
  code_name text not null,
  objectives text not null default '',
  period_start date not null,
  period_end date not null,
  status text not null default 'planning' check (status in ('planning', 'active', 'concluded', 'archived')),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  pap text not null check (pap in ('CLEAR', 'GREEN', 'AMBER', 'RED')),
  reliability char(1) not null check (reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
  credibility char(1) not null check (credibility in ('1', '2', '3', '4', '5', '6')),
  audience_kind text not null check (audience_kind in ('all', 'regions', 'agencies')),
  audience_regions text[] not null default '{}',
  audience_agencies uuid[] not null default '{}',
  summary_published boolean not null default false,
  created_by_user uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (period_end >= period_start)
);
create unique index operations_code_name on operations (owner_agency_id, lower(code_name));
create index operations_audience on operations using gin (audience_agencies);

create table operation_participants (
  operation_id uuid not null references operations (id),
  agency_id uuid not null references agencies (id),
  status text not null check (status in ('lead', 'invited', 'accepted', 'declined')),
  contact_point text,
  invited_at timestamptz not null,
  responded_at timestamptz,
  primary key (operation_id, agency_id)
);
create index operation_participants_agency on operation_participants (agency_id);

create table operation_targets (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operations (id),
  owner_agency_id uuid not null references agencies (id),
  kind text not null check (kind in ('scam-centre', 'person', 'organisation', 'account', 'selector')),
  entity_id uuid references entities (id),
  selector_key text,
  label text not null,
  -- Keys this target meets others on: its selector key, 'entity:<id>' of its entity and of the
  -- entities intelligence matched with it (hits).
  match_keys text[] not null,
  priority text not null check (priority in ('low', 'medium', 'high', 'critical')),
  status text not null default 'identified' check (status in ('identified', 'under-surveillance', 'actioned')),
  created_by_user uuid references users (id),
  created_at timestamptz not null
);
create index operation_targets_op on operation_targets (operation_id);
create index operation_targets_keys on operation_targets using gin (match_keys);

-- What an agency is working on outside any operation, so that others targeting it are warned.
create table deconfliction_register (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  label text not null,
  match_keys text[] not null,
  contact_point text not null,
  active boolean not null default true,
  created_by_user uuid references users (id),
  created_at timestamptz not null
);
create index deconfliction_register_keys on deconfliction_register using gin (match_keys);

-- The conflicts register: side A is the newcomer, side B what it met (a target or a register entry).
create table deconfliction_conflicts (
  id uuid primary key default gen_random_uuid(),
  match_key text not null,
  a_agency_id uuid not null references agencies (id),
  a_operation_id uuid references operations (id),
  a_target_id uuid references operation_targets (id),
  a_register_id uuid references deconfliction_register (id),
  a_label text not null,
  a_contact text not null,
  a_ack_at timestamptz,
  a_ack_by uuid references users (id),
  b_agency_id uuid not null references agencies (id),
  b_operation_id uuid references operations (id),
  b_target_id uuid references operation_targets (id),
  b_register_id uuid references deconfliction_register (id),
  b_label text not null,
  b_contact text not null,
  b_ack_at timestamptz,
  b_ack_by uuid references users (id),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  resolution text,
  resolved_by_agency uuid references agencies (id),
  resolved_at timestamptz,
  created_at timestamptz not null
);
create index deconfliction_conflicts_a on deconfliction_conflicts (a_agency_id, created_at desc);
create index deconfliction_conflicts_b on deconfliction_conflicts (b_agency_id, created_at desc);

create table operation_tasks (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operations (id),
  title text not null,
  description text not null default '',
  assignee_agency_id uuid not null references agencies (id),
  due_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'in-progress', 'done', 'cancelled')),
  overdue_alerted_at timestamptz,
  created_by_agency uuid not null references agencies (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index operation_tasks_op on operation_tasks (operation_id);

create table operation_messages (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operations (id),
  agency_id uuid not null references agencies (id),
  user_id uuid references users (id),
  body text not null,
  created_at timestamptz not null
);
create index operation_messages_op on operation_messages (operation_id, created_at);

create table operation_results (
  id uuid primary key default gen_random_uuid(),
  operation_id uuid not null references operations (id),
  agency_id uuid not null references agencies (id),
  country char(2) not null,
  reported_on date not null,
  arrests integer not null check (arrests >= 0),
  arrest_nationalities jsonb not null default '{}',
  victims_rescued integer not null check (victims_rescued >= 0),
  centres_raided integer not null check (centres_raided >= 0),
  devices_seized integer not null check (devices_seized >= 0),
  accounts_blocked integer not null check (accounts_blocked >= 0),
  assets_frozen numeric(20, 2) not null check (assets_frozen >= 0),
  assets_seized numeric(20, 2) not null check (assets_seized >= 0),
  currency text not null,
  -- References to rescue cases and finance ledger entries (other features; no foreign keys).
  rescue_case_ids uuid[] not null default '{}',
  finance_ref_ids uuid[] not null default '{}',
  note text not null default '',
  created_by_user uuid references users (id),
  created_at timestamptz not null
);
create index operation_results_op on operation_results (operation_id, reported_on);

create table notices (
  id uuid primary key default gen_random_uuid(),
  owner_agency_id uuid not null references agencies (id),
  type text not null check (type in ('purple', 'orange', 'silver', 'yellow', 'red', 'green', 'blue')),
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'returned', 'published', 'cancelled', 'expired')),
  title text not null,
  summary text not null default '',
  details jsonb not null default '{}',
  entity_ids uuid[] not null default '{}',
  selector_keys text[] not null default '{}',
  public_extract text,
  review_period_days integer not null check (review_period_days between 30 and 1825),
  revision integer not null default 1,
  -- Lower-cased title, summary and details text, for search.
  search_text text not null default '',
  return_reasons text,
  submitted_at timestamptz,
  published_at timestamptz,
  expires_at timestamptz,
  cancelled_at timestamptz,
  created_by_user uuid references users (id),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index notices_status on notices (status, updated_at desc);
create index notices_owner on notices (owner_agency_id, updated_at desc);
create index notices_entities on notices using gin (entity_ids);
create index notices_selectors on notices using gin (selector_keys);

create table notice_revisions (
  id uuid primary key default gen_random_uuid(),
  notice_id uuid not null references notices (id),
  revision integer not null,
  action text not null,
  agency_id uuid not null references agencies (id),
  user_id uuid references users (id),
  snapshot jsonb not null,
  checklist jsonb,
  reasons text,
  created_at timestamptz not null
);
create index notice_revisions_notice on notice_revisions (notice_id, created_at);

create table diffusions (
  id uuid primary key default gen_random_uuid(),
  owner_agency_id uuid not null references agencies (id),
  type text check (type in ('purple', 'orange', 'silver', 'yellow', 'red', 'green', 'blue')),
  title text not null,
  body text not null,
  recipient_agency_ids uuid[] not null,
  entity_ids uuid[] not null default '{}',
  selector_keys text[] not null default '{}',
  created_by_user uuid references users (id),
  created_at timestamptz not null
);
create index diffusions_recipients on diffusions using gin (recipient_agency_ids);

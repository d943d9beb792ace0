-- Pillar 3: criminal finance. Accounts keyed like intelligence selectors, transactions with exact
-- amounts, USD rates by date, urgent freeze requests and the asset ledger (balances are derived).

create table fin_accounts (
  id uuid primary key default gen_random_uuid(),
  -- The canonical key, the same as the intelligence selector key (iban:…, bank-account:…, crypto:…).
  key text not null unique,
  type text not null check (type in ('iban', 'bank-account', 'crypto', 'ewallet')),
  display text not null,
  country text,
  chain text,
  bank text,
  provider text,
  created_at timestamptz not null
);

create table fin_account_tags (
  account_id uuid not null references fin_accounts (id),
  agency_id uuid not null references agencies (id),
  tag text not null check (tag in ('exchange', 'otc-desk', 'payment-processor', 'mule', 'collection')),
  note text not null default '',
  created_at timestamptz not null,
  primary key (account_id, agency_id, tag)
);

create table fin_transactions (
  id uuid primary key default gen_random_uuid(),
  owner_agency_id uuid not null references agencies (id),
  created_by_user uuid references users (id),
  tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  pap text not null check (pap in ('CLEAR', 'GREEN', 'AMBER', 'RED')),
  reliability char(1) not null check (reliability in ('A', 'B', 'C', 'D', 'E', 'F')),
  credibility char(1) not null check (credibility in ('1', '2', '3', '4', '5', '6')),
  audience_kind text not null check (audience_kind in ('all', 'regions', 'agencies')),
  audience_regions text[] not null default '{}',
  audience_agencies uuid[] not null default '{}',
  source text not null check (source in ('loss-report', 'str', 'chain', 'manual')),
  -- Idempotency: the chain transfer (chain:hash[:index]) or the file row key; one row per owner.
  source_key text not null,
  from_account_id uuid references fin_accounts (id),
  to_account_id uuid not null references fin_accounts (id),
  amount numeric not null check (amount > 0),
  currency text not null,
  occurred_at timestamptz not null,
  -- A pseudonymous victim reference (the loss report's own number), never a name.
  victim_ref text,
  victim_country text,
  case_ref text,
  tx_hash text,
  created_at timestamptz not null,
  unique (owner_agency_id, source_key)
);
create index fin_tx_from on fin_transactions (from_account_id, occurred_at);
create index fin_tx_to on fin_transactions (to_account_id, occurred_at);
create index fin_tx_victim on fin_transactions (to_account_id) where victim_ref is not null;

create table fin_rates (
  currency text not null,
  valid_from date not null,
  usd numeric not null check (usd > 0),
  primary key (currency, valid_from)
);

create table fin_freezes (
  id uuid primary key default gen_random_uuid(),
  requester_agency_id uuid not null references agencies (id),
  target_agency_id uuid not null references agencies (id),
  created_by_user uuid references users (id),
  account_id uuid not null references fin_accounts (id),
  currency text not null,
  amount numeric not null check (amount > 0),
  traced_amount numeric not null check (traced_amount >= 0),
  override_reason text,
  legal_basis text not null,
  evidence text[] not null default '{}',
  deadline_hours integer not null check (deadline_hours between 1 and 720),
  sent_at timestamptz,
  deadline_at timestamptz,
  state text not null check (state in ('draft', 'sent', 'acknowledged', 'frozen', 'declined', 'expired',
    'released', 'seized', 'forfeited', 'returned')),
  frozen_amount numeric check (frozen_amount > 0),
  case_ref text not null,
  operation_ref text,
  country text not null,
  model text not null,
  origin_tx_ids uuid[] not null default '{}',
  -- What the trace attributed to each victim at request time: {"victimRef": "amount"}; returns split by it.
  attribution jsonb not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index fin_freezes_requester on fin_freezes (requester_agency_id, updated_at desc);
create index fin_freezes_target on fin_freezes (target_agency_id, updated_at desc);

create table fin_freeze_history (
  id bigserial primary key,
  freeze_id uuid not null references fin_freezes (id),
  from_state text,
  to_state text not null,
  agency_id uuid references agencies (id),
  user_id uuid references users (id),
  note text not null default '',
  at timestamptz not null
);
create index fin_freeze_history_freeze on fin_freeze_history (freeze_id, id);

-- Every freeze, release, seizure, forfeiture and return. Currency, country, case and operation come
-- from the freeze; USD from fin_rates at the entry date: nothing is stored twice.
create table fin_ledger (
  id bigserial primary key,
  freeze_id uuid not null references fin_freezes (id),
  kind text not null check (kind in ('freeze', 'release', 'seize', 'forfeit', 'return')),
  amount numeric not null check (amount > 0),
  victim_ref text,
  agency_id uuid references agencies (id),
  occurred_at timestamptz not null,
  check ((kind = 'return') = (victim_ref is not null))
);
-- Nothing frozen, seized or forfeited twice for one request; nothing returned twice to one victim.
create unique index fin_ledger_once on fin_ledger (freeze_id, kind) where kind <> 'return';
create unique index fin_ledger_return_once on fin_ledger (freeze_id, victim_ref) where kind = 'return';

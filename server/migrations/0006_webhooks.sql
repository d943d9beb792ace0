-- Signed webhooks: other systems of an agency receive the events the agency may see.
create table webhooks (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  url text not null check (url ~ '^https?://'),
  -- HMAC secret, encrypted with the platform key; shown once at creation.
  secret_enc text not null,
  -- Topic prefixes to deliver ('intel.' …); '*' for all.
  topics text[] not null check (cardinality(topics) > 0),
  active boolean not null default true,
  created_by uuid references users (id),
  created_at timestamptz not null
);
create index webhooks_agency on webhooks (agency_id) where active;

create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  webhook_id uuid not null references webhooks (id) on delete cascade,
  event_id bigint not null,
  topic text not null,
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  last_status integer,
  last_error text,
  created_at timestamptz not null,
  delivered_at timestamptz,
  unique (webhook_id, event_id)
);
create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, created_at desc);

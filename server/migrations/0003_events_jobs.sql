-- Transactional outbox: a service writes its event in the same transaction as its data; the
-- dispatcher claims unpublished rows (FOR UPDATE SKIP LOCKED, then a short lease in claimed_until),
-- publishes them to the bus and marks them published. At least once; consumers are idempotent.
create table outbox (
  id bigserial primary key,
  topic text not null check (topic ~ '^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$'),
  data jsonb not null,
  -- Who may receive it on the live stream: {kind: marked|agencies|users|members, ...}.
  audience jsonb not null check (audience ->> 'kind' in ('marked', 'agencies', 'users', 'members')),
  created_at timestamptz not null default now(),
  published_at timestamptz,
  -- Lease of the dispatcher publishing it, or the back-off after a failed publish.
  claimed_until timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_unpublished on outbox (id) where published_at is null;
create index outbox_created on outbox (created_at);

-- Events a consumer has applied: a handler that writes to the database inserts its row in the
-- same transaction, so a second delivery of the same event changes nothing.
create table event_consumptions (
  consumer text not null,
  event_id bigint not null,
  consumed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);

-- Background jobs (SLA timers, deadlines, webhook retries, retention reviews). Times compared
-- with run_at / locked_until come from the platform clock, never from now(), so tests move time.
create table jobs (
  id bigserial primary key,
  kind text not null,
  payload jsonb not null default '{}'::jsonb,
  run_at timestamptz not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 5 check (max_attempts > 0),
  locked_until timestamptz,
  last_error text,
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_queued on jobs (run_at, id) where status = 'queued';
create index jobs_running on jobs (locked_until) where status = 'running';
create index jobs_finished on jobs (finished_at) where status in ('done', 'failed');

-- Responses remembered for an Idempotency-Key, per principal, so a client's retry gets the
-- first answer instead of a second write.
create table idempotency_keys (
  principal text not null,
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status_code integer,
  response_body text,
  response_type text,
  created_at timestamptz not null default now(),
  primary key (principal, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

-- Append-only, hash-chained audit trail. seq is gap-free (assigned under a lock by the writer),
-- hash = sha256(prev_hash || canonical JSON of the row's fields).
create table audit_log (
  seq bigint primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor_agency_id uuid,
  actor_token_id uuid,
  action text not null,
  object_type text not null,
  object_id text,
  details jsonb not null default '{}'::jsonb,
  request_id text,
  prev_hash text not null,
  hash text not null
);
create index audit_log_object on audit_log (object_type, object_id);
create index audit_log_actor_agency on audit_log (actor_agency_id, at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();

-- Read audits waiting to be chained. A read of sensitive data is answered only after its record
-- is committed here (one cheap insert, no lock, shared by concurrent requests); a chainer moves
-- the rows into audit_log in batches under the chain lock, deleting them from here in the same
-- transaction, so every record is in exactly one of the two tables at any moment.
-- id orders the rows as they will be chained; it is not the chain's seq.
create table audit_pending (
  id bigserial primary key,
  at timestamptz not null,
  actor_user_id uuid,
  actor_agency_id uuid,
  actor_token_id uuid,
  action text not null,
  object_type text not null,
  object_id text,
  details jsonb not null default '{}'::jsonb,
  request_id text
);

-- Nobody edits a pending record: only the chainer deletes it, in the transaction that chains it.
create function audit_pending_no_update() returns trigger language plpgsql as $$
begin
  raise exception 'audit_pending rows are never changed';
end;
$$;
create trigger audit_pending_no_update before update on audit_pending
  for each row execute function audit_pending_no_update();

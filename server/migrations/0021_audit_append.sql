-- One round trip appends records to the audit chain (platform/audit/log.ts): the chain lock, the
-- head read, the hashes and the insert run in the database, in the caller's transaction.
--
-- The hash is unchanged (chain.ts): sha256(prev_hash || '\n' || RFC 8785 canonical JSON of the
-- row's fields). The caller sends each record's canonical JSON without its place in the chain: in
-- canonical (sorted) order "seq" is the last key, so the function closes each text with
-- ,"seq":<n>} once it knows n. `cordon audit verify` recomputes every hash in the application.
--
-- The lock is the same advisory lock as before (7202), taken first; in a VOLATILE plpgsql function
-- under READ COMMITTED each statement takes a new snapshot, so the head read after the lock sees
-- every row committed before it. Returns the seq of the first record.
create function audit_append(p_records json) returns bigint language plpgsql volatile as $$
declare
  head_seq bigint;
  prev text;
  n int := 0;
  r record;
  prevs text[];
  hashes text[];
begin
  perform pg_advisory_xact_lock(7202);
  select seq, hash into head_seq, prev from audit_log order by seq desc limit 1;
  head_seq := coalesce(head_seq, 0);
  prev := coalesce(prev, repeat('0', 64));
  -- Each record: i (its place in the call, from 1), at, u (actor user), g (actor agency), t (actor
  -- token), a (action), ot (object type), oi (object id), d (details), r (request id), c (its
  -- canonical JSON without seq).
  for r in select x.c, x.i from json_to_recordset(p_records) as x(c text, i int) order by x.i loop
    n := n + 1;
    if r.i <> n then
      raise exception 'audit_append: record % out of order', r.i;
    end if;
    prevs[n] := prev;
    prev := encode(sha256(convert_to(prev || E'\n' || r.c || ',"seq":' || (head_seq + n) || '}', 'UTF8')), 'hex');
    hashes[n] := prev;
  end loop;
  if n > 0 then
    insert into audit_log (seq, at, actor_user_id, actor_agency_id, actor_token_id, action, object_type,
                           object_id, details, request_id, prev_hash, hash)
      select head_seq + x.i, x."at", x.u, x.g, x.t, x.a, x.ot, x.oi, coalesce(x.d, '{}'::jsonb), x.r,
             prevs[x.i], hashes[x.i]
      from json_to_recordset(p_records)
        as x("at" timestamptz, u uuid, g uuid, t uuid, a text, ot text, oi text, d jsonb, r text, i int);
  end if;
  return head_seq + 1;
end;
$$;

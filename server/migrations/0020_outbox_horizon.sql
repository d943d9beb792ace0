-- Followers of the outbox (the selector index, features/intel/selector-index.ts) read events in
-- (xid, id) order up to a horizon below which no transaction can still commit an outbox row. That
-- horizon was the snapshot's xmin: the oldest transaction running anywhere on the server, so a long
-- transaction in another database of the same server (another application, a big import into a
-- scratch database) held every node's index back for as long as it ran. Transactions of another
-- database never write this outbox: the horizon is the oldest running transaction that is not known
-- to belong to another database (a backend never changes database; one whose xid we cannot see is
-- kept, so the horizon errs on the safe side), or the snapshot's xmax when there is none.
create function outbox_horizon() returns xid8 language sql stable as $$
  select coalesce(
    (select min(x) from pg_snapshot_xip(s.snap) as x
     where (x::text::numeric % 4294967296)::bigint not in (
       select backend_xid::text::bigint from pg_stat_activity
       where datname is distinct from current_database() and backend_xid is not null)),
    pg_snapshot_xmax(s.snap))
  from (select pg_current_snapshot() as snap) s
$$;

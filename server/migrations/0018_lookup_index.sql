-- The per-node selector index (features/intel/selector-index.ts) follows the outbox's
-- intel.reports.changed events in an order no late commit can jump: the writing transaction's
-- xid, then the id. Rows whose xid is below the oldest running transaction are final, so a reader
-- that only takes those, in (xid, id) order, never skips a row that commits later.
alter table outbox add column xid xid8 not null default pg_current_xact_id();
create index outbox_reports_changed on outbox (xid, id) where topic = 'intel.reports.changed';

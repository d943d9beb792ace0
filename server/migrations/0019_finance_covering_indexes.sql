-- Following the money reads, for a few hundred accounts, every transfer in one currency on a time
-- range: the walk per hop, the opening balances before the first victim payment and the transfers
-- replayed after it (finance.repository.ts). The two account indexes now carry what those reads
-- need (the other end, amount, order columns and the marking columns of the visibility check), so
-- PostgreSQL answers them from the index alone (index-only scans on pages the visibility map marks
-- all-visible) instead of fetching one random heap page per transfer. Currency joins the key: every
-- such read is in one currency. Measured in docs/benchmarks.md (Finance: trace).
drop index fin_tx_from;
drop index fin_tx_to;
create index fin_tx_from on fin_transactions (from_account_id, currency, occurred_at)
  include (created_at, id, to_account_id, amount, owner_agency_id, tlp, audience_kind, audience_regions,
    audience_agencies);
create index fin_tx_to on fin_transactions (to_account_id, currency, occurred_at)
  include (created_at, id, from_account_id, amount, owner_agency_id, tlp, audience_kind, audience_regions,
    audience_agencies);

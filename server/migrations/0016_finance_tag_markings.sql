-- finance: an account tag is the tagging agency's intelligence and carries a marking like any
-- other record (docs/decisions.md, "Account tags carry markings"). Tags made before this
-- migration had none: they become visible to their own agency only until it re-marks them.
alter table fin_account_tags
  add column tlp text not null default 'AMBER',
  add column pap text not null default 'AMBER',
  add column reliability char(1) not null default 'F',
  add column credibility char(1) not null default '6',
  add column audience_kind text not null default 'agencies',
  add column audience_regions text[] not null default '{}',
  add column audience_agencies uuid[] not null default '{}';
update fin_account_tags set audience_agencies = array[agency_id];

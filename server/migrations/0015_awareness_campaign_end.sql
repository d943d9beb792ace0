-- Campaigns the agency ended before their end date (hidden from the portal from then on), and
-- when a campaign was last edited. Helper "awareness"; renumber on merge if 0015 is taken.
alter table campaigns add column ended_at timestamptz;
alter table campaigns add column ended_by uuid;
alter table campaigns add column updated_at timestamptz;

-- Cross-feature links: a verified missing-relative report opens a rescue case (referenced by id only).
alter table public_reports add column rescue_case_id uuid;

-- Issue #3, hit reasons in the user's language: each hit keeps its reasons as codes with their
-- parameters ([{"code": "centre-near", "params": {"km": 1.2, "thresholdKm": 5}, "conflict": false,
-- "text": "..."}]); `reasons` keeps the English text. Hits stored before this have null here and
-- are shown from their text.
alter table hits add column reason_codes jsonb;

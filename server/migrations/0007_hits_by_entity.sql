-- Reading a report's hits looks them up from both sides.
create index hits_a_entity on hits (a_entity_id);
create index hits_b_entity on hits (b_entity_id);

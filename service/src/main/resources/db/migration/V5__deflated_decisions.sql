-- Decisions are stored zlib-compressed (their JSON's UTF-8 bytes) in decision_deflated: a third of the size, and
-- H2 rewrites the pages a row is in at every commit. Rows written before keep their decision_json and stay readable;
-- a row has one or the other.
alter table evaluation add column decision_deflated bytea;
alter table evaluation alter column decision_json drop not null;
alter table evaluation add constraint evaluation_decision_stored
    check (decision_json is not null or decision_deflated is not null);

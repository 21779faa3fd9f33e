-- The console's audit trail filters by grade, warning colour, version and caller as well as by region, event type and
-- time (V1), newest first: one index per filter, each ending in evaluated_at so that a filtered page is read in time
-- order from the index instead of sorting every matching row. Portable between H2 and PostgreSQL.
create index evaluation_grade_time on evaluation (grade, evaluated_at);
create index evaluation_colour_time on evaluation (warning_colour, evaluated_at);
create index evaluation_rule_set_time on evaluation (rule_set_id, evaluated_at);
create index evaluation_caller_time on evaluation (caller, evaluated_at);

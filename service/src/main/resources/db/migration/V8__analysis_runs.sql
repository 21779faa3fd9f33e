-- Impact runs (POST /rule-sets/{id}/impact) and calibrations (POST /calibrations): long runs kept like replays, so
-- they survive a restart: what was asked, who asked, how far the run got, its summary (the JSON its GET shows) and
-- its report files. A run left queued or running by a stopped instance is marked failed when that instance starts
-- again, or by any instance once its heartbeat is stale. Portable between H2 and PostgreSQL.
create table analysis_run (
    id               uuid                     primary key,
    -- impact or calibration
    kind             varchar(20)              not null,
    -- the version the run is about: the candidate of an impact run, the version a calibration sweeps
    rule_set         varchar(100)             not null,
    created_at       timestamp with time zone not null,
    caller           varchar(200)             not null,
    -- queued, running, done or failed
    status           varchar(10)              not null,
    -- the inputs as its GET shows them: files with their SHA-256, parameters, versions
    inputs_json      varchar                  not null,
    steps_total      bigint                   not null,
    steps_done       bigint                   not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    summary_json     varchar,
    -- the report files, complete exactly when status is 'done' (an impact report, a calibration's CSV and XLSX)
    report_xlsx      bytea,
    report_csv       bytea,
    error            varchar(2000),
    instance_id      varchar(36)              not null,
    heartbeat_at     timestamp with time zone not null
);

create index analysis_run_list on analysis_run (kind, rule_set, created_at);
create index analysis_run_time on analysis_run (kind, created_at);
create index analysis_run_status on analysis_run (status, heartbeat_at);

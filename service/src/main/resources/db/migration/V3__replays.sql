-- Replays of historical timelines: what was asked (files, their SHA-256, parameters, rule-set versions), how far the
-- run got, and what it found. The result files (steps.csv, report.xlsx) live under <beacon.data-dir>/replays/<id>/
-- and are complete exactly when status is 'done'. Portable between H2 and PostgreSQL.
create table replay (
    id               uuid                     primary key,
    created_at       timestamp with time zone not null,
    caller           varchar(200)             not null,
    -- queued, running, done or failed
    status           varchar(10)              not null,
    timeline_name    varchar(255)             not null,
    timeline_sha256  varchar(64)              not null,
    actual_name      varchar(255),
    actual_sha256    varchar(64),
    -- every version that decides (or decided) a step, comma-separated
    rule_sets        varchar(1000)            not null,
    -- the inputs as GET /replays/{id} shows them: files, hashes, parameters, arms
    inputs_json      varchar                  not null,
    steps_total      bigint                   not null,
    steps_done       bigint                   not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    summary_json     varchar,
    error            varchar(2000),
    -- the service instance running it, and when that instance last said it still is: a run whose instance went
    -- silent (a crash, a restart) is marked failed rather than left running for ever
    instance_id      varchar(36)              not null,
    heartbeat_at     timestamp with time zone not null
);

create index replay_time on replay (created_at);
create index replay_status on replay (status, heartbeat_at);
create index replay_timeline on replay (timeline_sha256);

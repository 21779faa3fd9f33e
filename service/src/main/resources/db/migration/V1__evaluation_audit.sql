-- Every evaluation, stored before its response is sent. Portable between H2 and PostgreSQL.
-- decision_json is the response as sent, with its explanation and the situation it decided.
create table evaluation (
    id              uuid                     primary key,
    evaluated_at    timestamp with time zone not null,
    caller          varchar(200)             not null,
    rule_set_id     varchar(100)             not null,
    rule_set_hash   varchar(64)              not null,
    event_type      varchar(100),
    region_code     varchar(50),
    region_name     varchar(200),
    region_level    varchar(20),
    as_of           date,
    grade           varchar(4),
    warning_colour  varchar(10),
    no_match        boolean                  not null,
    fired_rules     varchar(4000)            not null,
    batch_id        uuid,
    batch_index     integer,
    decision_json   varchar                  not null
);

create index evaluation_time on evaluation (evaluated_at);
create index evaluation_region_time on evaluation (region_code, evaluated_at);
create index evaluation_event_time on evaluation (event_type, evaluated_at);

-- Rule-set versions: the uploaded workbooks, exactly as uploaded, and every activation and rollback.
create table rule_set (
    id              varchar(20)              primary key,
    sequence        integer                  not null unique,
    content_hash    varchar(64)              not null unique,
    author          varchar(200)             not null,
    comment         varchar(2000),
    created_at      timestamp with time zone not null,
    effective_from  date,
    rolled_back     boolean                  not null default false,
    warnings        integer                  not null,
    tests_passed    integer                  not null
);

create table rule_set_workbook (
    rule_set_id     varchar(20)              not null references rule_set (id),
    name            varchar(255)             not null,
    content         bytea                    not null,
    primary key (rule_set_id, name)
);

-- Append-only: what was activated or rolled back, by whom, when, and what was in force before.
create table rule_set_event (
    sequence        integer                  primary key,
    rule_set_id     varchar(20)              not null references rule_set (id),
    kind            varchar(20)              not null,
    previous_id     varchar(20),
    actor           varchar(200)             not null,
    at              timestamp with time zone not null
);

-- One row. Every activation or rollback bumps revision with a compare-and-set, so two concurrent changes cannot
-- both win, and other service instances notice a change by polling it.
create table rule_set_state (
    id              integer                  primary key,
    revision        integer                  not null
);
insert into rule_set_state (id, revision) values (1, 0);

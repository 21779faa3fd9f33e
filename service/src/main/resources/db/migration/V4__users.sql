-- Who may use the service. Passwords are stored as bcrypt hashes ({bcrypt}…, Spring Security's delegating format).
-- roles is a comma-separated list of caller, reviewer, editor, admin.
create table beacon_user (
    username        varchar(100)             primary key,
    password_hash   varchar(200)             not null,
    roles           varchar(200)             not null,
    enabled         boolean                  not null,
    created_at      timestamp with time zone not null,
    created_by      varchar(200)             not null,
    changed_at      timestamp with time zone not null,
    changed_by      varchar(200)             not null
);

-- Audit retention (beacon.audit.retention): rows older than the window are exported to a gzip JSON-lines file under
-- <beacon.data-dir>/audit-archive/, with a SHA-256 file beside it, verified, and only then deleted in small batches.
-- One row per export file makes the job resumable: 'writing' (no row deleted yet: a cut-off run throws the file away
-- and starts again), 'verified' (the file is complete and checked; deleted counts the rows of the file, in file order,
-- already removed from evaluation), 'done', or 'failed' (the file no longer matched its checksum: nothing more is
-- deleted). Portable between H2 and PostgreSQL.
create table audit_export (
    id            uuid                     primary key,
    file          varchar(255)             not null unique,
    created_at    timestamp with time zone not null,
    -- the export holds rows stored before this instant (at most a file's worth of them, oldest first)
    cut_off       timestamp with time zone not null,
    state         varchar(10)              not null,
    row_count     bigint,
    deleted       bigint                   not null,
    oldest        timestamp with time zone,
    newest        timestamp with time zone,
    sha256        varchar(64),
    finished_at   timestamp with time zone,
    error         varchar(2000)
);

create index audit_export_time on audit_export (created_at);

-- Which export file holds a row deleted from evaluation: written in the same transaction as the delete, so an id is
-- either in evaluation or here, and a link to it from the console finds its file without scanning every archive.
create table audit_archived (
    id            uuid                     primary key,
    export_id     uuid                     not null references audit_export (id)
);

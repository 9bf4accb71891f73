-- One row per import of a call log or callback list: its progress while it runs and its result after.
create table import_job (
    practice_id      uuid        not null references practice (id),
    id               uuid        not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    source           text        not null check (source in ('COMMAND', 'UPLOAD')),
    partial          boolean     not null,
    status           text        not null check (status in ('WAITING', 'CHECKING', 'IMPORTING', 'REFUSED', 'DONE', 'FAILED')),
    phase_started_at timestamptz,
    progress_at      timestamptz,
    phase_done       bigint      not null default 0,
    phase_total      bigint      not null default 0,
    rows_read        bigint      not null default 0,
    rows_rejected    bigint      not null default 0,
    created          bigint      not null default 0,
    attached         bigint      not null default 0,
    already_imported bigint      not null default 0,
    finished_at      timestamptz,
    problem          text,
    primary key (practice_id, id)
);

-- The error report: each rejected row by its line in the file and why (never the row's values).
create table import_error (
    practice_id uuid   not null,
    job_id      uuid   not null,
    line        bigint not null,
    field       text   not null,
    problem     text   not null,
    primary key (practice_id, job_id, line, field),
    foreign key (practice_id, job_id) references import_job (practice_id, id) on delete cascade
);

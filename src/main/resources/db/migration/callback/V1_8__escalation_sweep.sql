-- The sweep looks only at items whose first attempt is overdue: its cost grows with what is due, not with history.
create index callback_unattempted_due on callback (first_attempt_due_at)
    where status <> 'CLOSED' and first_attempt_at is null;

-- ShedLock's table: one row per scheduled job, so that a sweep runs on one app instance at a time. It holds
-- no practice data, so it is keyed by the job's name alone.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

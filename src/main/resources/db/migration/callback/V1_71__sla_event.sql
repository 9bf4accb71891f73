-- An item's service-level clocks as events: due times, minutes over/under target and breaches are derived from
-- them (with the practice's calendar), so a changed category target or calendar recomputes open items without
-- losing paused time. callback.first_attempt_due_at and resolution_due_at stay as the board's cache.
create table sla_event (
    practice_id uuid        not null,
    callback_id uuid        not null,
    seq         integer     not null,
    clock       text        not null check (clock in ('FIRST_ATTEMPT', 'RESOLUTION')),
    type        text        not null check (type in ('STARTED', 'PAUSED', 'RESUMED', 'FULFILLED', 'BREACHED')),
    at          timestamptz not null,
    -- STARTED only: business time ('BUSINESS PT16H'), a window ('WITHIN PT1H', 'SAME_DAY 15:00', 'NEXT_BUSINESS_DAY 12:00'),
    -- real time ('WALL PT15M') or a carried due time ('UNTIL 2026-11-23T15:00:00Z').
    target      text,
    -- STARTED only: an urgency limit counted from this event's time, which can only shorten the due time.
    cap         boolean     not null default false,
    reason      text,
    primary key (practice_id, callback_id, seq),
    foreign key (practice_id, callback_id) references callback (practice_id, id)
);

-- A breach is recorded once per clock; the sweep finds the next ones through these partial indexes, so its cost
-- grows with what is overdue, not with history.
alter table callback add column first_attempt_breached boolean not null default false;
alter table callback add column resolution_breached boolean not null default false;
create index callback_first_attempt_breach_due on callback (first_attempt_due_at)
    where status <> 'CLOSED' and first_attempt_at is null and not first_attempt_breached;
create index callback_resolution_breach_due on callback (resolution_due_at)
    where status <> 'CLOSED' and resolution_paused_since is null and not resolution_breached;

-- Notices to staff from the sweeps (escalations, items back in the queue). A notice names its recipient as a user,
-- a role (MANAGER) or a queue, and is shown from deliver_after on: within the practice's open hours, except for
-- CLINICAL and EMERGENCY items, which notify at once. The text carries no patient data. One notice per item and
-- cause (dedupe_key), so a sweep that runs twice notifies once.
create table staff_notification (
    practice_id     uuid        not null references practice (id),
    id              uuid        not null,
    callback_id     uuid        not null,
    recipient_user  text,
    recipient_role  text,
    recipient_queue text,
    urgency         text        not null,
    reason          text        not null,
    dedupe_key      text        not null,
    created_at      timestamptz not null,
    deliver_after   timestamptz not null,
    primary key (practice_id, id),
    unique (practice_id, callback_id, dedupe_key),
    foreign key (practice_id, callback_id) references callback (practice_id, id),
    check (recipient_user is not null or recipient_role is not null or recipient_queue is not null)
);
-- The board's notice list: a practice's delivered notices, newest first.
create index staff_notification_due on staff_notification (practice_id, deliver_after desc);

-- One row per practice and local date the end-of-day sweep handled: it runs once a day however often it is
-- started, on however many instances.
create table end_of_day_sweep (
    practice_id uuid        not null references practice (id),
    day         date        not null,
    swept_at    timestamptz not null,
    items       integer     not null,
    primary key (practice_id, day)
);

-- The sweeps read only what they may act on, so their cost grows with the items due, not with history:
-- open, workable items by due time (end of day); claimed, workable items (idle owners); items waiting on an
-- internal dependency by their expected date.
create index callback_workable_due on callback (practice_id, board_due_at)
    where status in ('NEW', 'IN_PROGRESS');
create index callback_claimed on callback (practice_id, id)
    where owner is not null and status in ('NEW', 'IN_PROGRESS');
create index callback_waiting_internal on callback (waiting_expected_by)
    where status = 'WAITING_ON_INTERNAL';
-- Whether an owner was active lately (end of day): their newest events in the practice.
create index callback_event_by_actor on callback_event (practice_id, actor, at);

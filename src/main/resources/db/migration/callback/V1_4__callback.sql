create table callback (
    practice_id             uuid        not null references practice (id),
    id                      uuid        not null,
    patient_id              uuid,
    caller_name             text,
    contact_phone           text,
    channel                 text        not null,
    category                text        not null,
    urgency                 text        not null,
    urgency_rank            smallint    not null,
    queue                   text        not null,
    owner                   text,
    status                  text        not null,
    waiting_on              text,
    waiting_note            text,
    waiting_expected_by     date,
    reason                  text,
    details                 jsonb       not null default '{}',
    red_flags               jsonb       not null default '[]',
    received_at             timestamptz not null,
    first_attempt_due_at    timestamptz not null,
    resolution_due_at       timestamptz not null,
    resolution_paused_since timestamptz,
    resolution_paused_seconds bigint    not null default 0,
    next_action             text,
    next_action_at          timestamptz,
    board_due_at            timestamptz not null,
    attempt_count           integer     not null default 0,
    first_attempt_at        timestamptz,
    reached_at              timestamptz,
    next_step_done_at       timestamptz,
    resolved_at             timestamptz,
    closure_outcome         text,
    closure_note            text,
    closed_at               timestamptz,
    closed_by               text,
    repeat_of               uuid,
    repeat_count            integer     not null default 0,
    escalation_level        integer     not null default 0,
    version                 integer     not null default 0,
    primary key (practice_id, id),
    foreign key (practice_id, patient_id) references patient (practice_id, id)
);

-- GET /callbacks/{id} arrives without its practice: found by id, then checked against the caller's practices.
create index callback_by_id on callback (id);
-- The board: open items of a practice in urgency, then due order.
create index callback_board on callback (practice_id, urgency_rank desc, board_due_at, id) where status <> 'CLOSED';
-- Repeat-call look-ups by patient or phone.
create index callback_by_patient on callback (practice_id, patient_id, received_at) where patient_id is not null;
create index callback_by_phone on callback (practice_id, contact_phone, received_at) where contact_phone is not null;

create table attempt (
    practice_id      uuid        not null,
    callback_id      uuid        not null,
    seq              integer     not null,
    at               timestamptz not null,
    method           text        not null,
    caller           text        not null,
    result           text        not null,
    message_left     boolean     not null default false,
    script           text,
    patient_response text,
    next_action      text,
    call_window      text,
    primary key (practice_id, callback_id, seq),
    foreign key (practice_id, callback_id) references callback (practice_id, id)
);

-- The timeline: what happened to an item, in order, with who did it.
create table callback_event (
    practice_id uuid        not null,
    callback_id uuid        not null,
    seq         integer     not null,
    at          timestamptz not null,
    type        text        not null,
    actor       text        not null,
    detail      jsonb       not null default '{}',
    primary key (practice_id, callback_id, seq),
    foreign key (practice_id, callback_id) references callback (practice_id, id)
);

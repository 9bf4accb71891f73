-- A practice's Twilio settings: the auth token that signs its webhooks (write-only through the API), its own
-- numbers and the numbers it blocks, all E.164.
create table telephony_settings (
    practice_id     uuid        not null references practice (id),
    auth_token      text,
    own_numbers     text[]      not null default '{}',
    blocked_numbers text[]      not null default '{}',
    updated_at      timestamptz not null,
    primary key (practice_id)
);

-- Every verified Twilio webhook, stored before it is answered and turned into intake by a background worker.
-- One row per practice, call and kind: Twilio's retries of the same webhook find the row already there.
create table telephony_inbox (
    practice_id     uuid        not null references practice (id),
    call_sid        text        not null,
    kind            text        not null check (kind in ('VOICE', 'TRANSCRIPTION')),
    params          jsonb       not null,
    received_at     timestamptz not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'IGNORED', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    processed_at    timestamptz,
    callback_id     uuid,
    primary key (practice_id, call_sid, kind)
);

-- The worker's queue: pending rows by when they are due.
create index telephony_inbox_pending on telephony_inbox (next_attempt_at) where status = 'PENDING';

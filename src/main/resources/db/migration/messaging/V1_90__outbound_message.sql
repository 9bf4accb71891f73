-- The messaging outbox: every outbound text a callback change caused, written in the same transaction as that
-- change, then sent by the outbox worker. Suppressed messages are kept with their reason, never dropped.
create table outbound_message (
    practice_id   uuid        not null,
    id            uuid        not null,
    -- Only for paging the listing: a practice's messages newest first. Not a key.
    seq           bigint      generated always as identity,
    callback_id   uuid,
    patient_id    uuid,
    kind          text        not null,   -- MISSED_ATTEMPT_TEXT, FINAL_ATTEMPT, APPOINTMENT_LINK
    channel       text        not null default 'SMS',
    automatic     boolean     not null,   -- counts against the one-automatic-text-a-day rule
    situation     text,                   -- the approved script's situation
    language      text,
    to_phone      text,                   -- E.164; PHI, never logged
    body          text,                   -- the rendered approved script; PHI, never logged
    status        text        not null,   -- QUEUED, SENDING, RETRYING, SENT, SUPPRESSED, DEAD
    reason        text,                   -- why SUPPRESSED or DEAD (a code, no patient data)
    local_day     date,                   -- the practice-local day it is (to be) sent on
    created_at    timestamptz not null,
    send_at       timestamptz not null,   -- due: not before this (opening hours, retry backoff)
    failures      integer     not null default 0,
    last_error    text,                   -- the sender's error code, no patient data
    claimed_at    timestamptz,
    sent_at       timestamptz,
    provider_id   text,
    primary key (practice_id, id)
);

-- The worker's claim: due messages across practices, oldest due first.
create index outbound_message_due on outbound_message (send_at) where status in ('QUEUED', 'RETRYING');
-- Claims a crash left behind.
create index outbound_message_sending on outbound_message (claimed_at) where status = 'SENDING';
-- The listing.
create index outbound_message_by_seq on outbound_message (practice_id, seq);
create index outbound_message_by_status on outbound_message (practice_id, status, seq);

-- At most one automatic text per patient per practice-local day: a second one cannot be queued or sent, even
-- when two transactions try at once. A dead message frees the day.
create unique index outbound_message_one_automatic_a_day on outbound_message (practice_id, patient_id, local_day)
    where automatic and status in ('QUEUED', 'SENDING', 'RETRYING', 'SENT');

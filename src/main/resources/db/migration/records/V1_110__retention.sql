-- How long a practice keeps the patient data of a closed callback. No row: the default
-- (ringback.retention.default-period, seven years).
create table retention_setting (
    practice_id      uuid        not null references practice (id),
    retention_months integer     not null check (retention_months between 1 and 1200),
    updated_at       timestamptz not null,
    updated_by       text        not null,
    primary key (practice_id)
);

-- When the retention purge removed the item's patient data; its times, category, channel and outcome stay for
-- the measures.
alter table callback add column purged_at timestamptz;

-- The purge reads only closed items not purged yet, oldest closure first: its cost grows with what is due, not
-- with the history already purged. One index for practices on the default period, one per practice for the rest.
create index callback_purge_due on callback (closed_at) where closed_at is not null and purged_at is null;
create index callback_purge_due_by_practice on callback (practice_id, closed_at) where closed_at is not null and purged_at is null;

-- The webhooks and form submissions of a purged item, found by its id.
create index telephony_inbox_by_callback on telephony_inbox (practice_id, callback_id) where callback_id is not null;
-- Webhooks that made no callback (blocked or failed), by age, until the purge empties them.
create index telephony_inbox_unlinked_due on telephony_inbox (received_at) where callback_id is null and params <> '{}'::jsonb;
create index webform_submission_by_callback on webform_submission (practice_id, callback_id);

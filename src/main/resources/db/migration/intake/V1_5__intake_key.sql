-- One row per idempotency key seen: a retried request returns the item the first one made or joined.
create table intake_key (
    practice_id     uuid        not null,
    idempotency_key text        not null,
    callback_id     uuid        not null,
    created_at      timestamptz not null,
    primary key (practice_id, idempotency_key),
    foreign key (practice_id, callback_id) references callback (practice_id, id)
);

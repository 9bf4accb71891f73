-- The public callback form of a practice: its address (/p/{slug}/callback) and whether it is open.
-- The slug is unique across practices because it alone routes a public request to its practice.
create table webform (
    practice_id  uuid        not null references practice (id),
    slug         text        not null,
    enabled      boolean     not null,
    spam_trapped bigint      not null default 0,
    updated_at   timestamptz not null,
    primary key (practice_id)
);

create unique index webform_slug on webform (slug);

-- One row per accepted form: the opaque id of its confirmation page, the promise shown there, and the
-- consent the patient gave with the version of the wording they read.
create table webform_submission (
    practice_id       uuid        not null,
    id                uuid        not null,
    submission_key    text        not null,
    callback_id       uuid        not null,
    patient_id        uuid,
    category          text        not null,
    promised_by       timestamptz not null,
    language          text        not null,
    emergency         boolean     not null,
    consent_voicemail boolean     not null,
    consent_sms       boolean     not null,
    consent_wording   text        not null,
    consented_at      timestamptz not null,
    created_at        timestamptz not null,
    primary key (practice_id, id),
    unique (practice_id, submission_key),
    foreign key (practice_id, callback_id) references callback (practice_id, id)
);

-- Form posts per client address (a hash, never the address) and fixed window, shared by every app instance.
create table webform_rate_limit (
    practice_id  uuid        not null,
    client       text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (practice_id, client, window_start)
);

create table patient (
    practice_id        uuid        not null references practice (id),
    id                 uuid        not null,
    display_name       text        not null,
    mrn                text,
    phones             text[]      not null default '{}',
    preferred_contact  text        not null default 'PHONE',
    preferred_windows  text[]      not null default '{}',
    language           text        not null default 'en',
    consent_voicemail          boolean not null default false,
    consent_detailed_voicemail boolean not null default false,
    consent_sms                boolean not null default false,
    consent_portal             boolean not null default false,
    consent_email              boolean not null default false,
    created_at         timestamptz not null,
    primary key (practice_id, id)
);

create unique index patient_mrn on patient (practice_id, mrn) where mrn is not null;

-- Finds patients by a normalised (E.164) phone number, for callers who give only a phone.
create table patient_phone (
    practice_id uuid not null,
    phone       text not null,
    patient_id  uuid not null,
    primary key (practice_id, phone, patient_id),
    foreign key (practice_id, patient_id) references patient (practice_id, id) on delete cascade
);

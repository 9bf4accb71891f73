-- A practice is the tenant: every other table carries its id first in every key.
create table practice (
    id               uuid primary key,
    name             text        not null,
    time_zone        text        not null,
    holiday_calendar text,
    phone_region     text        not null default 'US',
    business_hours   jsonb       not null,
    closures         date[]      not null default '{}',
    call_windows     jsonb       not null,
    created_at       timestamptz not null
);

create table category (
    practice_id        uuid     not null references practice (id),
    code               text     not null,
    name               text     not null,
    queue              text     not null,
    window_kind        text     not null,
    window_duration    interval,
    window_time        time,
    resolution_target  interval not null,
    ladder_max_attempts     integer  not null,
    ladder_min_gap          interval not null,
    ladder_different_window boolean  not null,
    required_fields    text[]   not null default '{}',
    closure_outcomes   text[]   not null,
    clinical           boolean  not null default false,
    referral_sensitive boolean  not null default false,
    primary key (practice_id, code)
);

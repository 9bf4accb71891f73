-- Users are people, not tenants: one virtual assistant works many practices. Their practices are
-- listed in user_practice, whose key starts with practice_id like every tenant table.
create table app_user (
    id            uuid primary key,
    username      text        not null unique,
    password_hash text        not null,
    display_name  text        not null,
    roles         text[]      not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null
);

create table user_practice (
    practice_id uuid not null references practice (id),
    user_id     uuid not null references app_user (id),
    primary key (practice_id, user_id)
);

create index user_practice_by_user on user_practice (user_id);

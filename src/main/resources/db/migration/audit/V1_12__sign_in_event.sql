-- Every sign-in, failed or not: who (as typed), how, when, from where. Not per practice: a user works many.
-- Append-only like audit_event.
create table sign_in_event (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    username    text        not null,
    method      text        not null,
    outcome     text        not null,
    remote_addr text
);

create index sign_in_event_by_user on sign_in_event (username, at);

create trigger sign_in_event_append_only before update or delete on sign_in_event
    for each row execute function audit_event_is_append_only();

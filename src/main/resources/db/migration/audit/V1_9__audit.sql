-- Who read or changed which patient data, when and from where. Append-only: the trigger refuses every
-- UPDATE and DELETE, so not even the application can rewrite history.
create table audit_event (
    practice_id  uuid        not null,
    id           bigint      generated always as identity,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text,
    remote_addr  text,
    primary key (practice_id, id)
);

create index audit_event_by_time on audit_event (practice_id, at);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

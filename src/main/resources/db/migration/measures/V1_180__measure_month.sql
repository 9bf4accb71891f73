-- Closed months summarised once per practice, so the organisation's month reads one row per practice instead of
-- a month of items, attempts and events. A summary is the measures the weekly pack's calculator computed, kept
-- with the snapshot of the transaction that read the rows. A summary is valid while every change that could
-- alter it is visible in that snapshot: writes to an item received before the month ended (its outcome, a late
-- attempt, an import of old calls) and to the practice's calendar or categories each note a row in measure_change
-- with the writing transaction's id. Attempts and timeline events are always written with their item's row (its
-- version changes), so the item's note covers them. A note the summary's snapshot does not see (in progress or
-- after it) makes the summary invalid, so a write that races the computation never leaves a stale summary behind.
create table measure_month (
    practice_id uuid        not null references practice (id),
    month       date        not null,
    period_to   timestamptz not null,
    snapshot    pg_snapshot not null,
    computed_at timestamptz not null,
    measures    jsonb       not null,
    primary key (practice_id, month)
);

create table measure_change (
    practice_id  uuid        not null,
    affects_from timestamptz not null,
    xact         xid8        not null default pg_current_xact_id(),
    noted_at     timestamptz not null default clock_timestamp()
);
create index measure_change_by_practice on measure_change (practice_id, affects_from);

-- Only months that ended before the database's current UTC month began (plus the 14 hours by which a time zone's
-- month can end later) are summarised; so only rows dated before that bound can touch a summary, and only those
-- are noted. Writes to this month's items cost the trigger's WHEN test and nothing more. A transaction that sets
-- ringback.measures_unchanged (the retention purge, which removes patient data and keeps every measure) notes nothing.
create function measure_month_bound() returns timestamptz language sql stable as $$
    select case when current_setting('ringback.measures_unchanged', true) = 'on' then '-infinity'::timestamptz
                else (date_trunc('month', now() at time zone 'UTC') + interval '15 hours') at time zone 'UTC' end
$$;

create function note_measure_change_of_callback() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into measure_change (practice_id, affects_from) values (new.practice_id, new.received_at);
    else
        insert into measure_change (practice_id, affects_from) values (old.practice_id, old.received_at);
    end if;
    return null;
end
$$;

-- Business hours, holidays and categories shape every month's numbers.
create function note_measure_change_of_practice() returns trigger language plpgsql as $$
begin
    insert into measure_change (practice_id, affects_from) values (new.id, '-infinity');
    return null;
end
$$;

create function note_measure_change_of_category() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into measure_change (practice_id, affects_from) values (old.practice_id, '-infinity');
    else
        insert into measure_change (practice_id, affects_from) values (new.practice_id, '-infinity');
    end if;
    return null;
end
$$;

-- Row triggers (a statement trigger's transition table would forbid the intake's one-statement insert, a
-- data-modifying WITH): an import of old calls notes one row per call.
create trigger callback_inserted_measure_change after insert on callback
    for each row when (new.received_at < measure_month_bound())
    execute function note_measure_change_of_callback();
create trigger callback_changed_measure_change after update or delete on callback
    for each row when (old.received_at < measure_month_bound())
    execute function note_measure_change_of_callback();
create trigger practice_measure_change after update on practice
    for each row execute function note_measure_change_of_practice();
create trigger category_measure_change after insert or update or delete on category
    for each row execute function note_measure_change_of_category();

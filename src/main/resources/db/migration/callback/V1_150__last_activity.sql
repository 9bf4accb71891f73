-- The idle-owner sweep returns a claimed item whose owner did nothing on it (no event of any kind) for a while. It
-- found them with a max(event time) per claimed item: its cost grew with every claimed item (1.5 s at 176,600 of
-- them, BENCHMARKS.md), not with the idle ones. Each save now keeps the time of the item's newest event here, and
-- the index holds the claimed, workable items by practice and last activity, so the sweep reads the idle ones only.
alter table callback add column last_activity_at timestamptz;

-- Open items only (closed ones never come back to be claimed): one index lookup of the events' primary key per
-- open item, so the backfill costs what is open, not the whole history.
update callback c
set last_activity_at = (select max(e.at) from callback_event e where e.practice_id = c.practice_id and e.callback_id = c.id)
where c.status <> 'CLOSED';

create index callback_idle on callback (practice_id, last_activity_at)
    where owner is not null and status in ('NEW', 'IN_PROGRESS');

-- Only the idle-owner sweep read callback_claimed (V1_82); callback_idle serves it. One index less to keep up.
drop index if exists callback_claimed;

-- The measures read a practice's history by time. Each index serves one query of MeasureRows, so a weekly
-- report reads only the rows of its period, however long the practice's history grows.

-- Items received in a period (volume, first attempt, resolution, arrivals, the on-time trend).
create index callback_by_received on callback (practice_id, received_at);
-- Items closed after a moment: with the open items of callback_board, the backlog as it stood then (received_at
-- included, so the check "received before the moment" needs no visit to the table).
create index callback_by_closed on callback (practice_id, closed_at) include (received_at) where closed_at is not null;
-- Attempts made in a period (reach rate by call window and weekday).
create index attempt_by_time on attempt (practice_id, at);
-- Escalations, waits and attached repeat calls that happened in a period.
create index callback_event_by_type_time on callback_event (practice_id, type, at);

-- Internal waits keep the owner accountable for a follow-up date: a sweep that returns items whose expected date
-- has passed finds them here, at a cost that grows with the items waiting, not with history.
create index callback_waiting_expected_by on callback (waiting_expected_by)
    where status = 'WAITING_ON_INTERNAL';

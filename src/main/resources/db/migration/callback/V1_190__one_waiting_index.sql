-- callback_waiting_internal (V1_82) is callback_waiting_expected_by (V1_72) again: same column, same predicate. Only
-- the expected-date sweep reads it (EXPLAIN at 200,000 open items: index scan of callback_waiting_expected_by, 2,000
-- rows). One index less to keep up on every change of a waiting item.
drop index if exists callback_waiting_internal;

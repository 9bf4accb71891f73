-- Only the escalation sweep read callback_unattempted_due (V1_8), and callback_sweep_candidates (V1_130) serves it
-- with fewer rows; with both, the planner kept the wider one (EXPLAIN at 2,000 practices: 2,010 level-2 rows read
-- and dropped before the 500 it takes). One index less to keep up on every intake and attempt.
drop index if exists callback_unattempted_due;

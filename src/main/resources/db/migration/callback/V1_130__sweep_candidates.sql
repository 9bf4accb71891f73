-- The escalation sweep's candidates are the unattempted overdue items below level 2. callback_unattempted_due
-- (V1_8) also holds the items already at level 2, which the sweep must read and skip on every run: at 2,000
-- practices that was every overdue item of the last year in front of the 500 it takes. This index leaves an item
-- once it reaches level 2, so a run reads what it may escalate and no more (EXPLAIN in BENCHMARKS.md).
create index callback_sweep_candidates on callback (first_attempt_due_at)
    where status <> 'CLOSED' and first_attempt_at is null and escalation_level < 2;

-- The board counts a practice's open items with an index-only scan of callback_board, which still reads a heap page
-- for every entry on a page not yet marked all-visible: the new and recently changed items. And its plans rest on
-- the practice's row estimate. With the default thresholds (20 % and 10 % of the table) a 5 M-row callback table is
-- vacuumed after a million inserts or changes and analyzed after half a million, weeks of intake; at 0.5 % and 1 %
-- (25,000 and 50,000 rows at 5 M) about once or twice a day (BENCHMARKS.md: the board after vacuum and analyze).
alter table callback set (autovacuum_vacuum_insert_scale_factor = 0.005, autovacuum_vacuum_scale_factor = 0.01,
                          autovacuum_analyze_scale_factor = 0.01);

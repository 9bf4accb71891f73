package org.ringback.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored month summaries of V1_180: one practice's measures of one calendar month, valid while every change
 * noted for the practice since is visible in the snapshot the measures were read in. Validity is decided by
 * PostgreSQL from transaction ids, so a change that commits while a summary is being computed invalidates it.
 */
@Repository
class MonthSummaries {

    /** A summary to keep: measures read in the snapshot of the transaction that computed them. */
    record Summary(UUID practiceId, LocalDate month, Instant periodTo, PeriodMeasures measures) {
    }

    /** The changes that a summary's snapshot does not see and that touch its month (or every month: -infinity). */
    private static final String UNSEEN_CHANGE = """
            exists (select 1 from measure_change c
                    where c.practice_id = m.practice_id and c.affects_from < m.period_to
                      and not pg_visible_in_snapshot(c.xact, m.snapshot))""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;

    MonthSummaries(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** The snapshot the current transaction reads in (under REPEATABLE READ: all of its reads). */
    String currentSnapshot() {
        return jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
    }

    /** The valid summaries of the month for these practices; the others must be computed. */
    Map<UUID, PeriodMeasures> valid(List<UUID> practiceIds, LocalDate month) {
        Map<UUID, PeriodMeasures> found = new HashMap<>();
        jdbc.sql("select m.practice_id, m.measures from measure_month m"
                        + " where m.practice_id = any(:ids) and m.month = :month and not " + UNSEEN_CHANGE)
                .param("ids", practiceIds.toArray(UUID[]::new))
                .param("month", month)
                .query(rs -> {
                    found.put(rs.getObject("practice_id", UUID.class), json.readValue(rs.getString("measures"), PeriodMeasures.class));
                });
        return found;
    }

    /**
     * Keeps the summaries read in {@code snapshot}, replacing older ones. Months that end after the bound of
     * V1_180's triggers are not kept: changes to their items would not be noted.
     */
    void store(List<Summary> summaries, String snapshot, Instant computedAt) {
        MapSqlParameterSource[] rows = summaries.stream().map(summary -> new MapSqlParameterSource()
                .addValue("practiceId", summary.practiceId())
                .addValue("month", summary.month())
                .addValue("periodTo", summary.periodTo().atOffset(ZoneOffset.UTC))
                .addValue("snapshot", snapshot)
                .addValue("computedAt", computedAt.atOffset(ZoneOffset.UTC))
                .addValue("measures", json.writeValueAsString(summary.measures()))).toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("""
                insert into measure_month (practice_id, month, period_to, snapshot, computed_at, measures)
                select :practiceId, :month, :periodTo, cast(:snapshot as pg_snapshot), :computedAt, cast(:measures as jsonb)
                where :periodTo <= measure_month_bound()
                on conflict (practice_id, month) do update
                set period_to = excluded.period_to, snapshot = excluded.snapshot,
                    computed_at = excluded.computed_at, measures = excluded.measures
                where measure_month.computed_at <= excluded.computed_at""", rows);
    }

    /** Removes the summaries that a later change made invalid (they are computed again when asked for). */
    int deleteInvalid() {
        return jdbc.sql("delete from measure_month m where " + UNSEEN_CHANGE).update();
    }

    /**
     * Forgets the change notes that no stored summary needs any more. Only notes older than a day go: a summary
     * being computed right now may still be stored with a snapshot that does not see a younger one.
     */
    int pruneChanges() {
        return jdbc.sql("""
                        delete from measure_change c
                        where c.noted_at < now() - interval '1 day'
                          and not exists (select 1 from measure_month m
                                          where m.practice_id = c.practice_id and c.affects_from < m.period_to
                                            and not pg_visible_in_snapshot(c.xact, m.snapshot))""")
                .update();
    }
}

package org.ringback.measures;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.Practice;
import org.ringback.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.ringback.measures.MeasureRows.instant;
import static org.ringback.measures.MeasureRows.utc;

/**
 * The rows behind each table of the review pack, as CSV, so a manager can check any number by hand. Ids,
 * categories, times and results only: no names, phones or reasons.
 */
@Repository
class ExportRows {

    /** The tables of the pack that have rows behind them. */
    enum Table {
        /** Items received in the period: volume, first attempt, on time, resolution, repeats, breakdowns. */
        ITEMS,
        /** Phone attempts made in the period: reach rate by window and weekday. */
        ATTEMPTS,
        /** Escalations, waits and attached repeat calls in the period. */
        EVENTS,
        /** Items open at the backlog moment, with their age. */
        BACKLOG,
        /** Arrivals by local weekday and hour. */
        ARRIVALS;

        static Table parse(String text) {
            try {
                return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Refusal.InvalidInput("table", "must be one of items, attempts, events, backlog, arrivals");
            }
        }
    }

    private final JdbcClient jdbc;
    private final MeasureRows rows;

    ExportRows(JdbcClient jdbc, MeasureRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    String csv(Table table, Practice practice, ReportPeriod period, Instant now) {
        Instant from = period.from(practice.timeZone());
        Instant to = period.to(practice.timeZone());
        return switch (table) {
            case ITEMS -> items(practice.calendar(), rows.items(practice.id(), from, to, now), now);
            case ATTEMPTS -> attempts(practice, from, to);
            case EVENTS -> events(practice.id(), from, to);
            case BACKLOG -> backlog(practice.id(), to.isBefore(now) ? to : now);
            case ARRIVALS -> arrivals(rows.arrivals(practice.id(), practice.timeZone(), from, to));
        };
    }

    private static String items(BusinessCalendar calendar, List<PeriodRows.Item> items, Instant asOf) {
        var csv = new Csv("callback_id", "category", "channel", "queue", "urgency", "received_at", "first_attempt_due_at",
                "first_attempt_at", "first_attempt_business_minutes", "counts_for_on_time", "on_time", "closed_at", "outcome",
                "resolved_at", "resolution_business_minutes", "patient_wait_business_minutes", "second_call", "attached_repeat_calls",
                "scheduling_category", "clinical");
        for (PeriodRows.Item item : items) {
            Optional<Long> resolution = item.resolvedAt().map(r -> MeasureCalculator.resolution(List.of(item), calendar).medianMinutes());
            long waited = item.patientPauses().stream()
                    .mapToLong(p -> calendar.businessTimeBetween(p.from(), p.to()).toMinutes()).sum();
            csv.row(item.id(), item.category(), item.channel(), item.queue(), item.urgency(), item.receivedAt(), item.firstAttemptDueAt(),
                    item.firstAttemptAt().orElse(null),
                    item.firstAttemptAt().map(at -> MeasureCalculator.businessMinutes(calendar, item.receivedAt(), at)).orElse(null),
                    MeasureCalculator.countsForOnTime(item, asOf), MeasureCalculator.onTime(item), item.closedAt().orElse(null),
                    item.outcome().orElse(null), item.resolvedAt().orElse(null), resolution.orElse(null), waited, item.secondCall(),
                    item.attachedRepeats(), item.schedulingCategory(), MeasureCalculator.clinical(item));
        }
        return csv.toString();
    }

    private String attempts(Practice practice, Instant from, Instant to) {
        var csv = new Csv("callback_id", "seq", "at", "local_weekday", "method", "result", "call_window");
        jdbc.sql("""
                        select callback_id, seq, at, method, result, call_window from attempt
                        where practice_id = :practiceId and at >= :from and at < :to order by at, callback_id, seq""")
                .param("practiceId", practice.id())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    Instant at = instant(rs, "at").orElseThrow();
                    DayOfWeek day = at.atZone(practice.timeZone()).getDayOfWeek();
                    csv.row(rs.getObject("callback_id", UUID.class), rs.getInt("seq"), at, day, rs.getString("method"),
                            rs.getString("result"), Optional.ofNullable(rs.getString("call_window")).orElse("OUTSIDE_WINDOWS"));
                });
        return csv.toString();
    }

    private String events(UUID practiceId, Instant from, Instant to) {
        var csv = new Csv("callback_id", "category", "at", "type", "waiting_on", "escalation_level");
        jdbc.sql("""
                        select e.callback_id, c.category, e.at, e.type, e.detail ->> 'on' as waiting_on, e.detail ->> 'level' as level
                        from callback_event e join callback c on c.practice_id = e.practice_id and c.id = e.callback_id
                        where e.practice_id = :practiceId and e.type in ('ESCALATED', 'WAITING_STARTED', 'REPEAT_CALL_ATTACHED')
                          and e.at >= :from and e.at < :to
                        order by e.at, e.callback_id""")
                .param("practiceId", practiceId)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    csv.row(rs.getObject("callback_id", UUID.class), rs.getString("category"), instant(rs, "at").orElseThrow(),
                            rs.getString("type"), rs.getString("waiting_on"), rs.getString("level"));
                });
        return csv.toString();
    }

    private String backlog(UUID practiceId, Instant at) {
        var csv = new Csv("callback_id", "category", "received_at", "backlog_at", "age_hours", "age_bucket");
        jdbc.sql("""
                        select id, category, received_at from callback
                        where practice_id = :practiceId and status <> 'CLOSED' and received_at < :at
                        union all
                        select id, category, received_at from callback
                        where practice_id = :practiceId and closed_at >= :at and received_at < :at
                        order by received_at""")
                .param("practiceId", practiceId)
                .param("at", utc(at))
                .query(rs -> {
                    Instant received = instant(rs, "received_at").orElseThrow();
                    Duration age = Duration.between(received, at);
                    csv.row(rs.getObject("id", UUID.class), rs.getString("category"), received, at, age.toHours(),
                            MeasureCalculator.ageBucket(age));
                });
        return csv.toString();
    }

    private static String arrivals(int[][] grid) {
        var csv = new Csv("local_weekday", "local_hour", "arrivals");
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                csv.row(DayOfWeek.of(day + 1), hour, grid[day][hour]);
            }
        }
        return csv.toString();
    }

    /** RFC 4180 CSV: a header, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
    static final class Csv {
        private final StringBuilder text = new StringBuilder();

        Csv(String... header) {
            row((Object[]) header);
        }

        void row(Object... fields) {
            List<String> cells = new ArrayList<>(fields.length);
            for (Object field : fields) {
                String cell = field == null ? "" : field.toString();
                boolean quote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
                cells.add(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
            text.append(String.join(",", cells)).append("\r\n");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

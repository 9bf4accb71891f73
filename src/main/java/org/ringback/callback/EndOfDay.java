package org.ringback.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.ringback.audit.AuditLog;
import org.ringback.practice.PracticeDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the end-of-day review with one query over the practice's open items: what is due by the day's end,
 * what was never tried, what waits on whom, what needs escalating, and what policy lets us close.
 */
@Service
public class EndOfDay {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm");

    private record Row(EndOfDayReview.Item item, int attempts, boolean reached, boolean nextStepDone, int maxAttempts,
                       int escalationLevel, Instant firstAttemptDueAt, Instant resolutionDueAt) {
    }

    private final JdbcClient jdbc;
    private final PracticeDirectory practices;
    private final Clock clock;
    private final AuditLog audit;

    EndOfDay(JdbcClient jdbc, PracticeDirectory practices, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.practices = practices;
        this.clock = clock;
    }

    /** The review for a local date of the practice; today when no date is given. */
    @Transactional
    public EndOfDayReview review(UUID practiceId, Optional<LocalDate> date) {
        var practice = practices.get(practiceId);
        audit.record(practiceId, AuditLog.Action.LIST, "callback", null);
        ZoneId zone = practice.timeZone();
        LocalDate day = date.orElseGet(() -> LocalDate.ofInstant(clock.instant(), zone));
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Row> rows = jdbc.sql("""
                        select c.id, c.urgency, c.category, c.queue, c.owner, c.status, c.board_due_at, c.next_action_at,
                               c.attempt_count, c.reached_at is not null as reached, c.next_step_done_at is not null as next_step_done,
                               c.escalation_level, c.first_attempt_due_at, c.resolution_due_at, c.next_action,
                               coalesce(k.ladder_max_attempts, 3) as max_attempts
                        from callback c left join category k on k.practice_id = c.practice_id and k.code = c.category
                        where c.practice_id = :practiceId and c.status <> 'CLOSED'
                        order by c.urgency_rank desc, c.board_due_at, c.id""")
                .param("practiceId", practiceId)
                .query((rs, n) -> {
                    Urgency urgency = Urgency.valueOf(rs.getString("urgency"));
                    Instant due = Callbacks.instant(rs, "board_due_at");
                    Instant nextActionAt = Callbacks.instant(rs, "next_action_at");
                    int attempts = rs.getInt("attempt_count");
                    int maxAttempts = rs.getInt("max_attempts");
                    String summary = "%s · %s · %d of %d attempts · due %s%s".formatted(urgency, rs.getString("category"),
                            attempts, maxAttempts, TIME.format(due.atZone(zone)),
                            rs.getString("next_action") == null ? "" : " · next: " + rs.getString("next_action"));
                    var item = new EndOfDayReview.Item(rs.getString("id"), summary, urgency, rs.getString("category"),
                            rs.getString("queue"), rs.getString("owner"), Status.valueOf(rs.getString("status")), due, nextActionAt);
                    return new Row(item, attempts, rs.getBoolean("reached"), rs.getBoolean("next_step_done"), maxAttempts,
                            rs.getInt("escalation_level"), Callbacks.instant(rs, "first_attempt_due_at"), Callbacks.instant(rs, "resolution_due_at"));
                })
                .list();
        return new EndOfDayReview(day,
                bucket(rows, row -> row.item().dueAt().isBefore(endOfDay)),
                bucket(rows, row -> row.attempts() == 0),
                bucket(rows, row -> row.item().status() == Status.WAITING_ON_PATIENT),
                bucket(rows, row -> row.item().status() == Status.WAITING_ON_INTERNAL),
                bucket(rows, row -> row.escalationLevel() == 0 && overdue(row, endOfDay)),
                bucket(rows, row -> (row.reached() && row.nextStepDone()) || (!row.reached() && row.attempts() >= row.maxAttempts())));
    }

    /** First attempt or resolution due before the day ends and not met: a supervisor should look. */
    private static boolean overdue(Row row, Instant endOfDay) {
        boolean firstAttemptLate = row.attempts() == 0 && row.firstAttemptDueAt().isBefore(endOfDay);
        boolean resolutionLate = !row.item().status().equals(Status.WAITING_ON_PATIENT) && row.resolutionDueAt().isBefore(endOfDay);
        return firstAttemptLate || resolutionLate;
    }

    private static List<EndOfDayReview.Item> bucket(List<Row> rows, Predicate<Row> test) {
        return rows.stream().filter(test).map(Row::item).toList();
    }
}

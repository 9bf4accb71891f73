package org.ringback.callback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.BoardRow;
import org.ringback.callback.Status;
import org.ringback.callback.Urgency;
import org.ringback.callback.WaitingOn;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The board's cells as text, written from the real message bundles. */
class BoardLineTest {

    private static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final BoardLine.Writer writer = new BoardLine.Writer(NOW, messages(), Locale.ENGLISH);

    @Test
    void an_emergency_row_stands_out_and_reads_its_last_attempt() {
        BoardLine line = writer.write(row(Urgency.EMERGENCY, Status.IN_PROGRESS, Optional.empty(), NOW.minusSeconds(60),
                2, Optional.of(AttemptResult.NO_ANSWER)));

        assertThat(line.rowClass()).isEqualTo("emergency");
        assertThat(line.urgencyClass()).isEqualTo("badge u-emergency");
        assertThat(line.urgency()).isEqualTo("Emergency");
        assertThat(line.tried()).isEqualTo("2 of 3 · No answer");
        assertThat(line.aging()).isEqualTo("due overdue");
        assertThat(line.agingLabel()).isEqualTo("(overdue)");
        assertThat(line.href()).startsWith("/callbacks/");
    }

    @Test
    void a_waiting_row_says_what_it_waits_on_instead_of_its_status() {
        BoardLine line = writer.write(row(Urgency.ROUTINE, Status.WAITING_ON_INTERNAL, Optional.of(WaitingOn.REFERRAL_DOCUMENTS),
                NOW.plus(Duration.ofMinutes(30)), 0, Optional.empty()));

        assertThat(line.rowClass()).isEmpty();
        assertThat(line.status()).isEqualTo("Waiting on referral documents");
        assertThat(line.tried()).isEqualTo("0 of 3");
        assertThat(line.aging()).isEqualTo("due due-soon");
        assertThat(line.due()).isEqualTo("Wed 10:30");
    }

    @Test
    void times_further_than_a_week_away_carry_their_date() {
        BoardLine line = writer.write(row(Urgency.CLINICAL, Status.NEW, Optional.empty(), NOW.plus(Duration.ofDays(9)), 0,
                Optional.empty()));

        assertThat(line.rowClass()).isEqualTo("clinical");
        assertThat(line.status()).isEqualTo("New");
        assertThat(line.due()).isEqualTo("Fri 4 Dec 10:00");
        assertThat(line.aging()).isEqualTo("due on-time");
    }

    @Test
    void age_reads_in_the_largest_two_units() {
        assertThat(BoardLine.age(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(BoardLine.age(Duration.ofMinutes(135))).isEqualTo("2h 15m");
        assertThat(BoardLine.age(Duration.ofHours(50))).isEqualTo("2d 2h");
        assertThat(BoardLine.age(Duration.ofMinutes(-5))).isEqualTo("0m");
    }

    private static BoardRow row(Urgency urgency, Status status, Optional<WaitingOn> waitingOn, Instant dueAt, int attempts,
                                Optional<AttemptResult> lastResult) {
        return new BoardRow(UUID.randomUUID(), UUID.randomUUID(), "Lakeside", NEW_YORK, "M. L. …0134", "APPOINTMENT_REQUEST",
                "Appointment request", urgency, "FRONT_DESK", Optional.empty(), status, waitingOn, NOW.minusSeconds(3600), dueAt,
                attempts, 3, lastResult, Optional.of("Call"), Optional.empty(), false, 0);
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/common", "messages/board");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

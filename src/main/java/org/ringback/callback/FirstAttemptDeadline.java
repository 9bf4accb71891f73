package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.ResponseWindow;

/**
 * When the first attempt is due: the category's response window, shortened by urgency and never
 * lengthened by it (DESIGN.md "Urgency").
 */
public final class FirstAttemptDeadline {

    /** An emergency is due at once; fifteen wall-clock minutes is the most the desk allows. */
    static final Duration EMERGENCY_LIMIT = Duration.ofMinutes(15);

    private FirstAttemptDeadline() {
    }

    public static Instant dueAt(ResponseWindow window, Urgency urgency, Instant receivedAt, BusinessCalendar calendar) {
        Instant byCategory = window.dueAt(receivedAt, calendar);
        return urgencyLimit(urgency, receivedAt, calendar)
                .filter(limit -> limit.isBefore(byCategory))
                .orElse(byCategory);
    }

    /** The latest due time an urgency allows when it is set or raised at {@code from}; empty for ROUTINE. */
    static Optional<Instant> urgencyLimit(Urgency urgency, Instant from, BusinessCalendar calendar) {
        return urgencyTarget(urgency).map(target -> target.dueFrom(from, calendar));
    }

    /** The urgency's limit as a clock target (counted from when the urgency was set); empty for ROUTINE. */
    static Optional<SlaTarget> urgencyTarget(Urgency urgency) {
        return switch (urgency) {
            case ROUTINE -> Optional.empty();
            case TIME_SENSITIVE, DEADLINE -> Optional.of(new SlaTarget.Window(new ResponseWindow.Within(Duration.ofHours(4))));
            case SAME_DAY -> Optional.of(new SlaTarget.Window(new ResponseWindow.SameDay(LocalTime.MAX)));
            case CLINICAL -> Optional.of(new SlaTarget.Window(new ResponseWindow.Within(Duration.ofHours(1))));
            case EMERGENCY -> Optional.of(new SlaTarget.WallClock(EMERGENCY_LIMIT));
        };
    }
}

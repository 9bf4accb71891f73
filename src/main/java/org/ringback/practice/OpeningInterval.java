package org.ringback.practice;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One interval of business hours on a weekday, in the practice's local time.
 * An {@code end} of 00:00 means midnight at the end of the day (24:00), so a practice open
 * around the clock is {@code 00:00–00:00} and is never "closed for a minute at midnight".
 */
public record OpeningInterval(LocalTime start, LocalTime end) {

    /**
     * "Open until 23:59" is how people and other systems write "until midnight"; taken literally it closes a 24/7
     * line for a minute every night (the helpdesk bug of a 00:00–23:59 calendar), so it means 24:00.
     */
    private static final LocalTime LAST_MINUTE = LocalTime.of(23, 59);

    public OpeningInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isBefore(LAST_MINUTE) && start.isBefore(LAST_MINUTE)) {
            end = LocalTime.MIDNIGHT;
        }
        if (!endsAtMidnight(end) && !end.isAfter(start)) {
            throw new IllegalArgumentException("an opening interval must end after it starts");
        }
    }

    private static boolean endsAtMidnight(LocalTime end) {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /** True when the interval runs to the end of the day (24:00). */
    public boolean endsAtMidnight() {
        return endsAtMidnight(end);
    }
}

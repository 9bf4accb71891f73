package org.ringback.practice;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One interval of business hours on a weekday, in the practice's local time.
 * An {@code end} of 00:00 means midnight at the end of the day (24:00), so a practice open
 * around the clock is {@code 00:00–00:00} and is never "closed for a minute at midnight".
 */
public record OpeningInterval(LocalTime start, LocalTime end) {

    public OpeningInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
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

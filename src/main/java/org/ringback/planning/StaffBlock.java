package org.ringback.planning;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A stretch of one day with a fixed number of people on the callback queue: how a staffing plan is read and
 * rostered ("MONDAY 08:00–11:00: 3 people"). An {@code end} of midnight means the end of the day (24:00).
 */
public record StaffBlock(DayOfWeek day, LocalTime start, LocalTime end, int staff) {

    public StaffBlock {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException("a block must end after it starts");
        }
        if (staff < 0) {
            throw new IllegalArgumentException("staff cannot be negative");
        }
    }

    /** Length in whole hours. */
    public int hours() {
        return endHour() - start.getHour();
    }

    int endHour() {
        return end.equals(LocalTime.MIDNIGHT) ? 24 : end.getHour();
    }

    @Override
    public String toString() {
        String until = end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString();
        return day + " " + start + "–" + until + ": " + staff + (staff == 1 ? " person" : " people");
    }
}

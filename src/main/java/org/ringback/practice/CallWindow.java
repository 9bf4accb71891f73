package org.ringback.practice;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/** A named part of the day the response ladder spreads attempts over (MORNING, MIDDAY…), in local time. */
public record CallWindow(String name, LocalTime start, LocalTime end) {

    public static final List<CallWindow> DEFAULTS = List.of(
            new CallWindow("MORNING", LocalTime.of(8, 0), LocalTime.of(11, 0)),
            new CallWindow("MIDDAY", LocalTime.of(11, 0), LocalTime.of(14, 0)),
            new CallWindow("AFTERNOON", LocalTime.of(14, 0), LocalTime.of(17, 0)),
            new CallWindow("EVENING", LocalTime.of(17, 0), LocalTime.of(19, 0)));

    public CallWindow {
        Objects.requireNonNull(name, "name");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a call window must end after it starts");
        }
    }

    public boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}

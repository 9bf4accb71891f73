package org.ringback.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One past-tense fact about an item's service-level clock. Due times, minutes over or under target, breach flags
 * and paused time are all derived from these (see {@link SlaClock}), so a changed target or calendar can be applied
 * to an open item without losing its paused time.
 *
 * @param cap for STARTED only: true when the target is an urgency limit that counts from this event's own time and
 *            can only shorten the due time; false when it is the category's target, counted from the clock's start
 *            (a later one replaces an earlier one: the category changed)
 */
public record SlaEvent(int seq, Clock clock, Type type, Instant at, Optional<SlaTarget> target, boolean cap, Optional<String> reason) {

    /** The two clocks of an item. */
    public enum Clock {
        FIRST_ATTEMPT, RESOLUTION
    }

    public enum Type {
        STARTED, PAUSED, RESUMED, FULFILLED, BREACHED
    }

    public SlaEvent {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        if (type == Type.STARTED && target.isEmpty()) {
            throw new IllegalArgumentException("A started clock needs a target");
        }
    }

    static SlaEvent started(int seq, Clock clock, Instant at, SlaTarget target, String reason) {
        return new SlaEvent(seq, clock, Type.STARTED, at, Optional.of(target), false, Optional.of(reason));
    }

    static SlaEvent capped(int seq, Clock clock, Instant at, SlaTarget target, String reason) {
        return new SlaEvent(seq, clock, Type.STARTED, at, Optional.of(target), true, Optional.of(reason));
    }

    static SlaEvent of(int seq, Clock clock, Type type, Instant at, String reason) {
        return new SlaEvent(seq, clock, type, at, Optional.empty(), false, Optional.ofNullable(reason));
    }
}

package org.ringback.practice;

import java.time.Duration;
import java.util.Objects;

/**
 * A category's response ladder settings: how many attempts, how far apart, whether each retry moves to a new call
 * window, and what an attempt's result leads to (its disposition): a busy line gets one short retry after
 * {@code busyRetry} (zero: none, the ladder goes on), and a wrong or disconnected number is handled as
 * {@code deadNumber} says.
 */
public record Ladder(int maxAttempts, Duration minGap, boolean differentWindow, Duration busyRetry, DeadNumber deadNumber) {

    /** What follows a wrong or disconnected number: it is never called again on this item. */
    public enum DeadNumber {
        /** Another channel the patient consented to; with none, close as WRONG_NUMBER. */
        OTHER_CHANNEL,
        /** Close as WRONG_NUMBER at once. */
        CLOSE
    }

    public static final Duration DEFAULT_BUSY_RETRY = Duration.ofMinutes(15);
    /** A short retry is short: longer than this is a rung of the ladder, with its gap and window. */
    public static final Duration MAX_BUSY_RETRY = Duration.ofHours(1);
    public static final Duration MAX_MIN_GAP = Duration.ofDays(7);

    public static final Ladder DEFAULT = new Ladder(3, Duration.ofHours(2), true);

    public Ladder {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
        }
        if (minGap == null || minGap.isNegative()) {
            throw new IllegalArgumentException("minGap must be zero or positive");
        }
        if (busyRetry == null || busyRetry.isNegative() || busyRetry.compareTo(MAX_BUSY_RETRY) > 0) {
            throw new IllegalArgumentException("busyRetry must be between zero (no short retry) and one hour");
        }
        Objects.requireNonNull(deadNumber, "deadNumber");
    }

    /** The ladder with the default dispositions (a 15-minute busy retry; a dead number moves to another channel). */
    public Ladder(int maxAttempts, Duration minGap, boolean differentWindow) {
        this(maxAttempts, minGap, differentWindow, DEFAULT_BUSY_RETRY, DeadNumber.OTHER_CHANNEL);
    }

    public boolean busyRetryAllowed() {
        return !busyRetry.isZero();
    }

    public Ladder withDispositions(Duration newBusyRetry, DeadNumber newDeadNumber) {
        return new Ladder(maxAttempts, minGap, differentWindow, newBusyRetry, newDeadNumber);
    }
}

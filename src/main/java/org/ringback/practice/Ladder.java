package org.ringback.practice;

import java.time.Duration;

/** A category's response ladder settings: how many attempts, how far apart, and whether each retry moves to a new call window. */
public record Ladder(int maxAttempts, Duration minGap, boolean differentWindow) {

    public static final Ladder DEFAULT = new Ladder(3, Duration.ofHours(2), true);

    public Ladder {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 10");
        }
        if (minGap == null || minGap.isNegative()) {
            throw new IllegalArgumentException("minGap must be zero or positive");
        }
    }
}

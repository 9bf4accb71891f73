package org.ringback.practice;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ringback.shared.Refusal;

/**
 * Checks a manager's ladder settings field by field, so the API and the page refuse the same things with the same
 * words: 1 to 10 attempts, a gap of at most a week, a busy retry of at most an hour (zero: none).
 */
public final class LadderSettings {

    private LadderSettings() {
    }

    /**
     * The ladder, or empty with the refused fields (named {@code prefix + field}) added to {@code errors}.
     * Null arguments are missing fields.
     */
    public static Optional<Ladder> check(String prefix, Integer maxAttempts, Duration minGap, Boolean differentWindow,
                                         Duration busyRetry, Ladder.DeadNumber deadNumber, List<Refusal.FieldError> errors) {
        int before = errors.size();
        if (maxAttempts == null || maxAttempts < 1 || maxAttempts > 10) {
            errors.add(new Refusal.FieldError(prefix + "maxAttempts", "must be between 1 and 10"));
        }
        if (minGap == null || minGap.isNegative() || minGap.compareTo(Ladder.MAX_MIN_GAP) > 0) {
            errors.add(new Refusal.FieldError(prefix + "minGap", "must be a duration between zero and 7 days"));
        }
        if (differentWindow == null) {
            errors.add(new Refusal.FieldError(prefix + "differentWindow", "is required"));
        }
        if (busyRetry == null || busyRetry.isNegative() || busyRetry.compareTo(Ladder.MAX_BUSY_RETRY) > 0) {
            errors.add(new Refusal.FieldError(prefix + "busyRetry", "must be a duration between zero (no short retry) and 1 hour"));
        }
        if (deadNumber == null) {
            errors.add(new Refusal.FieldError(prefix + "deadNumber", "must be OTHER_CHANNEL or CLOSE"));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Ladder(maxAttempts, minGap, differentWindow, busyRetry, deadNumber));
    }
}

package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Repeat calls of DESIGN.md: a new request from the same patient (or phone) about the same category (a missed
 * call of unknown subject matches any) within the look-back, while an item is open, is attached to that item instead of becoming a second work item;
 * if the earlier item closed within the look-back, the new item is a "second call" of it.
 *
 * <p>The look-back is measured in both directions from the new request's receipt, so a prior that was
 * recorded slightly later (a late-arriving webhook, a clock skew between channels) still counts. Both
 * ends of the look-back are inclusive. When several priors qualify the most recent wins (latest receipt
 * for attaching, latest closure for a second call); exact ties go to the smallest id so the decision
 * does not depend on the order the priors were loaded in. A closed prior without a closure time is
 * ignored, and an open prior received outside the look-back is not attached to: the new request becomes
 * its own work item.
 */
public final class RepeatCallDetector {

    /** An earlier request from the same patient or phone. */
    public record Prior(UUID callbackId, String category, boolean open, Instant receivedAt, Optional<Instant> closedAt) {
    }

    public sealed interface Decision {
        record AttachTo(UUID callbackId) implements Decision {
        }

        record SecondCallOf(UUID callbackId) implements Decision {
        }

        record FirstCall() implements Decision {
        }
    }

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(14);
    /** The category of a missed call or voicemail whose reason is not known yet. */
    static final String SUBJECT_UNKNOWN = "MISSED_CALL";

    private final Duration lookback;

    public RepeatCallDetector(Duration lookback) {
        Objects.requireNonNull(lookback, "lookback");
        if (lookback.isZero() || lookback.isNegative()) {
            throw new IllegalArgumentException("Repeat-call look-back must be positive, was " + lookback);
        }
        this.lookback = lookback;
    }

    public Decision decide(String category, Instant receivedAt, List<Prior> priors) {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(priors, "priors");

        Optional<Prior> open = mostRecentOpen(priors, p -> category.equals(p.category()), receivedAt)
                .or(() -> mostRecentOpen(priors, p -> sameSubject(category, p.category()), receivedAt));
        if (open.isPresent()) {
            return new Decision.AttachTo(open.get().callbackId());
        }

        Optional<Prior> closed = mostRecentClosed(priors, p -> category.equals(p.category()), receivedAt)
                .or(() -> mostRecentClosed(priors, p -> sameSubject(category, p.category()), receivedAt));
        if (closed.isPresent()) {
            return new Decision.SecondCallOf(closed.get().callbackId());
        }
        return new Decision.FirstCall();
    }

    /**
     * A missed call without a message says nothing of its subject, so it is about the same thing as any request
     * from the same caller: the patient who called and then filled in the web form wants one callback. An exact
     * category match still wins over such a guess.
     */
    static boolean sameSubject(String category, String priorCategory) {
        return category.equals(priorCategory) || SUBJECT_UNKNOWN.equals(category) || SUBJECT_UNKNOWN.equals(priorCategory);
    }

    private Optional<Prior> mostRecentOpen(List<Prior> priors, Predicate<Prior> subject, Instant receivedAt) {
        return priors.stream()
                .filter(p -> p.open() && subject.test(p) && withinLookback(p.receivedAt(), receivedAt))
                .max(mostRecent(Prior::receivedAt));
    }

    private Optional<Prior> mostRecentClosed(List<Prior> priors, Predicate<Prior> subject, Instant receivedAt) {
        return priors.stream()
                .filter(p -> !p.open() && subject.test(p) && p.closedAt().isPresent() && withinLookback(p.closedAt().get(), receivedAt))
                .max(mostRecent(p -> p.closedAt().get()));
    }

    private boolean withinLookback(Instant at, Instant receivedAt) {
        return at != null && Duration.between(at, receivedAt).abs().compareTo(lookback) <= 0;
    }

    /** Later instants rank higher; on a tie the smaller id ranks higher, so the choice is order-independent. */
    private static Comparator<Prior> mostRecent(Function<Prior, Instant> at) {
        return Comparator.comparing(at).thenComparing(Prior::callbackId, Comparator.reverseOrder());
    }
}

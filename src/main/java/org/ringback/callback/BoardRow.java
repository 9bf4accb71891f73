package org.ringback.callback;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** One open item as the staff board shows it: who, why, how urgent, what was tried, what happens next. */
public record BoardRow(UUID id, UUID practiceId, String practiceName, ZoneId zone, String patient, String category, String categoryName,
                       Urgency urgency, String queue, Optional<String> owner, Status status, Optional<WaitingOn> waitingOn,
                       Instant receivedAt, Instant dueAt, int attempts, int maxAttempts, Optional<AttemptResult> lastResult,
                       Optional<String> nextAction, Optional<Instant> nextActionAt, boolean redFlag, int escalationLevel) {

    /** How the due time stands: overdue, due within the hour, or on time. */
    public enum Aging { OVERDUE, DUE_SOON, ON_TIME }

    public Aging aging(Instant now) {
        if (dueAt.isBefore(now)) {
            return Aging.OVERDUE;
        }
        return dueAt.isBefore(now.plusSeconds(3600)) ? Aging.DUE_SOON : Aging.ON_TIME;
    }
}

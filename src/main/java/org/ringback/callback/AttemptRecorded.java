package org.ringback.callback;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;

/**
 * An attempt was recorded on a callback. Published inside the transaction that stores the attempt, so a module
 * that reacts with a synchronous listener (messaging's outbox) commits or rolls back together with it.
 * Carries ids and codes only, no patient data.
 *
 * @param closedAs the outcome when this attempt closed the item (the ladder ran out: UNABLE_TO_REACH_AFTER_ATTEMPTS)
 */
public record AttemptRecorded(UUID practiceId, UUID callbackId, Optional<UUID> patientId, String category, int attempt,
                              ContactMethod method, AttemptResult result, Instant at, Optional<ClosureOutcome> closedAs) {
}

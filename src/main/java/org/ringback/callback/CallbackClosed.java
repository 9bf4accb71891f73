package org.ringback.callback;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.ringback.practice.ClosureOutcome;

/**
 * Someone closed a callback by hand (the ladder's own closure is told by {@link AttemptRecorded#closedAs()}).
 * Published inside the closing transaction, like AttemptRecorded; ids and codes only, no patient data.
 */
public record CallbackClosed(UUID practiceId, UUID callbackId, Optional<UUID> patientId, String category,
                             ClosureOutcome outcome, Instant at) {
}

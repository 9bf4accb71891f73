package org.ringback.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One outbound message of a practice as stored in the outbox. {@code to} and {@code text} are patient data: shown
 * through the audited API only, never logged.
 *
 * @param reason   why it is SUPPRESSED or DEAD: a {@link SuppressionReason} or a dead-letter code
 * @param sendAt   when it is (or was last) due to go out
 * @param failures how many times the sender failed on it
 * @param lastError the sender's last error code (no patient data)
 */
public record OutboundMessage(UUID practiceId, UUID id, long seq, Optional<UUID> callbackId, Optional<UUID> patientId,
                              MessageKind kind, String channel, boolean automatic, Optional<String> language,
                              Optional<String> to, Optional<String> text, MessageStatus status, Optional<String> reason,
                              Optional<LocalDate> localDay, Instant createdAt, Instant sendAt, int failures,
                              Optional<String> lastError, Optional<Instant> sentAt, Optional<String> providerId) {
}

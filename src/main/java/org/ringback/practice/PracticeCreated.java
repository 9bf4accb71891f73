package org.ringback.practice;

import java.util.Optional;
import java.util.UUID;

/**
 * Published inside the transaction that creates a practice, so that modules holding per-practice settings
 * (telephony) store what the request gave them with it, or not at all. The token is write-only: never logged.
 */
public record PracticeCreated(UUID practiceId, Optional<String> twilioAuthToken) {

    @Override
    public String toString() {
        return "PracticeCreated[" + practiceId + "]";
    }
}

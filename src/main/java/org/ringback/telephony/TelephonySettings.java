package org.ringback.telephony;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A practice's Twilio settings. The auth token verifies the practice's webhooks and never leaves the app.
 * Numbers are E.164.
 */
public record TelephonySettings(UUID practiceId, Optional<String> authToken, List<String> ownNumbers, List<String> blockedNumbers) {

    public TelephonySettings {
        ownNumbers = List.copyOf(ownNumbers);
        blockedNumbers = List.copyOf(blockedNumbers);
    }

    static TelephonySettings none(UUID practiceId) {
        return new TelephonySettings(practiceId, Optional.empty(), List.of(), List.of());
    }

    /** Calls from these are not patients: the practice's own lines (transfers, tests) and numbers it blocks. */
    boolean ignores(String e164) {
        return ownNumbers.contains(e164) || blockedNumbers.contains(e164);
    }
}

package org.ringback.patient;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A patient of one practice. Phones are E.164. */
public record Patient(
        UUID practiceId,
        UUID id,
        String displayName,
        Optional<String> mrn,
        List<String> phones,
        ContactMethod preferredContact,
        Set<String> preferredWindows,
        String language,
        Consent consent) {

    public Patient {
        phones = List.copyOf(phones);
        preferredWindows = Set.copyOf(preferredWindows);
    }

    public Optional<String> primaryPhone() {
        return phones.stream().findFirst();
    }
}

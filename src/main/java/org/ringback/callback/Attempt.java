package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ringback.patient.ContactMethod;

/** One try to reach the patient. "Called" alone is not a record: a failed attempt says what happens next. */
public record Attempt(
        int seq,
        Instant at,
        ContactMethod method,
        String caller,
        AttemptResult result,
        boolean messageLeft,
        Optional<String> script,
        Optional<String> patientResponse,
        Optional<String> nextAction,
        Optional<String> callWindow,
        Optional<Duration> duration) {
}

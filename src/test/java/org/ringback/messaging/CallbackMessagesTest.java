package org.ringback.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringback.callback.AttemptRecorded;
import org.ringback.callback.AttemptResult;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;

/** Which attempt causes which text (DESIGN.md "Response ladder", step 2 and 4). */
class CallbackMessagesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "PHONE, NO_ANSWER,      -,                              MISSED_ATTEMPT_TEXT",
            "PHONE, LEFT_VOICEMAIL, -,                              MISSED_ATTEMPT_TEXT",
            "PHONE, NO_ANSWER,      UNABLE_TO_REACH_AFTER_ATTEMPTS, FINAL_ATTEMPT",
            "PHONE, LEFT_VOICEMAIL, UNABLE_TO_REACH_AFTER_ATTEMPTS, FINAL_ATTEMPT",
            "PHONE, BUSY,           -,                              -",
            "PHONE, REACHED,        -,                              -",
            "PHONE, WRONG_NUMBER,   WRONG_NUMBER,                   -",
            "PHONE, DISCONNECTED,   -,                              -",
            "SMS,   MESSAGE_SENT,   -,                              -",
            "PORTAL, NO_ANSWER,     -,                              -"})
    void theAttemptDecidesTheText(ContactMethod method, AttemptResult result, ClosureOutcome closedAs, MessageKind expected) {
        var attempt = new AttemptRecorded(UUID.randomUUID(), UUID.randomUUID(), Optional.of(UUID.randomUUID()), "APPOINTMENT_REQUEST",
                1, method, result, Instant.parse("2026-11-23T14:30:00Z"), Optional.ofNullable(closedAs));

        assertThat(CallbackMessages.kindFor(attempt)).isEqualTo(Optional.ofNullable(expected));
    }
}

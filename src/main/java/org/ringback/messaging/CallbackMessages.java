package org.ringback.messaging;

import java.util.Map;
import java.util.Optional;

import org.ringback.callback.AttemptRecorded;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.CallbackClosed;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ladder's texts (DESIGN.md "Response ladder"): after a missed call (no answer, or a voicemail left) the
 * approved text, and when the final attempt closed the item — or staff closed it as unable to reach — the final
 * message with the way back. Synchronous listeners, so the outbox row is written in the transaction that records
 * the attempt or the closure: both commit or neither.
 */
@Component
class CallbackMessages {

    private final Messaging messaging;

    CallbackMessages(Messaging messaging) {
        this.messaging = messaging;
    }

    @EventListener
    void attemptRecorded(AttemptRecorded attempt) {
        kindFor(attempt).ifPresent(kind -> messaging.queue(kind, attempt.practiceId(), Optional.of(attempt.callbackId()),
                attempt.patientId(), attempt.category(), Map.of()));
    }

    @EventListener
    void callbackClosed(CallbackClosed closed) {
        if (closed.outcome() == ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS) {
            messaging.queue(MessageKind.FINAL_ATTEMPT, closed.practiceId(), Optional.of(closed.callbackId()), closed.patientId(),
                    closed.category(), Map.of());
        }
    }

    static Optional<MessageKind> kindFor(AttemptRecorded attempt) {
        if (attempt.method() != ContactMethod.PHONE) {
            return Optional.empty();
        }
        if (attempt.closedAs().filter(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS::equals).isPresent()) {
            return Optional.of(MessageKind.FINAL_ATTEMPT);
        }
        boolean missed = attempt.result() == AttemptResult.NO_ANSWER || attempt.result() == AttemptResult.LEFT_VOICEMAIL;
        return missed && attempt.closedAs().isEmpty() ? Optional.of(MessageKind.MISSED_ATTEMPT_TEXT) : Optional.empty();
    }
}

package org.ringback.messaging;

import java.util.UUID;

/**
 * The port to the outside world that delivers a text: a log line by default, Twilio when configured
 * ({@code ringback.messaging.sender}). Called by the outbox worker after a message is claimed, outside any
 * transaction. An implementation never logs the number or the text.
 */
public interface MessageSender {

    /** One text to deliver: the practice it is sent for, the outbox id, the E.164 number and the approved text. */
    record Text(UUID practiceId, UUID messageId, String to, String body) {

        @Override
        public String toString() {
            return "Text[practiceId=" + practiceId + ", messageId=" + messageId + "]";
        }
    }

    /**
     * Delivers the text; answers the provider's id for it.
     *
     * @throws SendFailure when it was not delivered
     */
    String send(Text text);

    /**
     * The text was not delivered. {@code code} names the error without patient data (e.g. {@code twilio:21211});
     * a {@code permanent} failure (an invalid number) is not retried.
     */
    final class SendFailure extends RuntimeException {

        private final String code;
        private final boolean permanent;

        public SendFailure(String code, boolean permanent) {
            super(code, null, false, false);
            this.code = code;
            this.permanent = permanent;
        }

        public String code() {
            return code;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}

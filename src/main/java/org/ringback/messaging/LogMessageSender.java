package org.ringback.messaging;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default sender: writes that a message would go out, by id only (the number and the text are patient data). */
class LogMessageSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(LogMessageSender.class);

    @Override
    public String send(Text text) {
        log.info("Outbound message {} of practice {} sent to the log sender (ringback.messaging.sender=log)", text.messageId(),
                text.practiceId());
        return "log-" + UUID.randomUUID();
    }
}

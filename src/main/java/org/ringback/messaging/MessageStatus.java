package org.ringback.messaging;

/**
 * Where an outbound message is. QUEUED waits for its send time; SENDING is claimed by one worker; RETRYING failed
 * and waits for its next try; SENT, SUPPRESSED (a rule refused it, with the reason) and DEAD (it failed too often,
 * or its outcome is unknown: the dead letters managers see) are final.
 */
public enum MessageStatus {
    QUEUED, SENDING, RETRYING, SENT, SUPPRESSED, DEAD;

    public boolean isFinal() {
        return this == SENT || this == SUPPRESSED || this == DEAD;
    }
}

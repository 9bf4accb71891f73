package org.ringback.callback;

/** What happened on an attempt. Only REACHED reaches the patient. */
public enum AttemptResult {
    REACHED, NO_ANSWER, LEFT_VOICEMAIL, BUSY, WRONG_NUMBER, DISCONNECTED, MESSAGE_SENT;

    public boolean reached() {
        return this == REACHED;
    }
}

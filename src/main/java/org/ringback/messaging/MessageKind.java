package org.ringback.messaging;

import org.ringback.scripts.Situation;

/** Why a message goes out, with the approved script situation its text comes from. */
public enum MessageKind {
    /** The text after a missed call on the ladder (NO_ANSWER or LEFT_VOICEMAIL): please call us back. */
    MISSED_ATTEMPT_TEXT(Situation.TEXT, true),
    /** The final helpful message when the ladder ran out and the item closed: the way back to the practice. */
    FINAL_ATTEMPT(Situation.FINAL_ATTEMPT, true),
    /** A link to book an appointment, sent when staff ask for it. */
    APPOINTMENT_LINK(Situation.APPOINTMENT_LINK, false);

    private final Situation situation;
    private final boolean automatic;

    MessageKind(Situation situation, boolean automatic) {
        this.situation = situation;
        this.automatic = automatic;
    }

    public Situation situation() {
        return situation;
    }

    /** Sent by the system without a person deciding it: counts against the one-automatic-text-a-day rule. */
    public boolean automatic() {
        return automatic;
    }
}

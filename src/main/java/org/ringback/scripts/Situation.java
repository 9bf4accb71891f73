package org.ringback.scripts;

/**
 * When a script is used (DESIGN.md "Scripts"). An unattended situation is a message left or sent with nobody
 * from the practice on the line to check who hears or reads it, so its scripts are linted for privacy.
 */
public enum Situation {
    OPENING(false),
    VOICEMAIL(true),
    TEXT(true),
    FINAL_ATTEMPT(true),
    DELAY_APOLOGY(false),
    MISSING_INFO(false),
    WAITING_REFERRAL(false),
    WAITING_INSURANCE(false),
    ROUTED_CLINICAL(false),
    CLINICAL_BOUNDARY(false),
    EMERGENCY(false),
    /** A text with a link to book an appointment (messaging), sent when staff or an integration ask for it. */
    APPOINTMENT_LINK(true);

    private final boolean unattended;

    Situation(boolean unattended) {
        this.unattended = unattended;
    }

    /**
     * Left on a voicemail or sent as a text: may carry no reason, category details or clinical words unless it
     * is the detailed variant for patients who consented to detailed messages.
     */
    public boolean unattended() {
        return unattended;
    }
}

package org.ringback.patient;

/** What the patient agreed to: outbound messages go only on consented channels. */
public record Consent(boolean voicemail, boolean detailedVoicemail, boolean sms, boolean portal, boolean email) {

    /** An unknown caller: phone and a generic voicemail only. */
    public static final Consent UNKNOWN_CALLER = new Consent(true, false, false, false, false);

    public static final Consent NONE = new Consent(false, false, false, false, false);
}

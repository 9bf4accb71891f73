package org.ringback.telephony;

/** The two Twilio webhooks Ringback answers: a call's status, and a voicemail's transcription. */
public enum WebhookKind {
    VOICE, TRANSCRIPTION
}

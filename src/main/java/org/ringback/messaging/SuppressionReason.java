package org.ringback.messaging;

/** Why a message was not sent: recorded on the message, never a silent drop. */
public enum SuppressionReason {
    /** The patient has not consented to texts (an unknown caller never has). */
    NO_SMS_CONSENT,
    /** The patient has no phone number to text. */
    NO_PHONE,
    /** The patient already has an automatic text on that practice-local day. */
    DAILY_LIMIT
}

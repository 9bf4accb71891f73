package org.ringback.callback;

/** The door a request came through. */
public enum Channel {
    MISSED_CALL, VOICEMAIL, WEB_FORM, REFERRAL, PORTAL, APPOINTMENT_REQUEST, STAFF
}

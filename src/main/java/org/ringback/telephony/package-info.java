/**
 * Telephony: Twilio webhooks (missed calls, voicemails and their transcripts) verified, stored in an inbox and
 * turned into intake by a background worker; and each practice's Twilio settings.
 */
package org.ringback.telephony;

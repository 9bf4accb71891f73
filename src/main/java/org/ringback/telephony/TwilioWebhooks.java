package org.ringback.telephony;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ringback.patient.PhoneNumbers;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Receives a Twilio webhook inside Twilio's 15-second budget: verifies its signature with the practice's auth token,
 * drops what is not a request for a callback, and stores the rest in the inbox for the worker. Nothing else happens
 * in the request, so the answer is quick and a webhook accepted is never lost if the app stops.
 */
@Service
public class TwilioWebhooks {

    /** What became of a webhook that passed the signature check. */
    public enum Receipt {
        /** Stored for the worker. */
        STORED,
        /** The same webhook was stored before (a retry): nothing new. */
        ALREADY_STORED,
        /** Verified, but nothing to call back (an answered call, a ringing status, a failed transcription). */
        NOT_A_REQUEST,
        /** From one of the practice's own numbers or a number it blocks. */
        IGNORED_NUMBER
    }

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhooks.class);

    /** Call outcomes that leave a caller waiting for a callback (a completed call counts only with a recording). */
    private static final Set<String> MISSED = Set.of("no-answer", "busy", "failed", "canceled");
    private static final Pattern CALL_SID = Pattern.compile("[A-Za-z0-9]{2,64}");

    private final SettingsStore settings;
    private final Inbox inbox;
    private final PracticeDirectory practices;
    private final TelephonyProperties properties;
    private final Clock clock;

    TwilioWebhooks(SettingsStore settings, Inbox inbox, PracticeDirectory practices, TelephonyProperties properties, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.practices = practices;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param practiceId the id from the webhook's path, as sent
     * @param requestUrl the URL as the app received it, without the query (scheme, host, port, path)
     * @param requestUri its path as sent, for a configured public base URL to precede
     * @param query      its query string as sent, if any (part of the signed URL)
     * @param params     the POST parameters (the signed ones)
     * @throws Refusal.NotPermitted (403) for an unknown practice, one without a token, or a missing or wrong signature
     */
    public Receipt receive(WebhookKind kind, String practiceId, String requestUrl, String requestUri, Optional<String> query,
                           Map<String, String> params, Optional<String> signature) {
        UUID practice = parse(practiceId);
        TelephonySettings practiceSettings = settings.find(practice).orElseThrow(TwilioWebhooks::refused);
        String token = practiceSettings.authToken().orElseThrow(TwilioWebhooks::refused);
        String url = TwilioSignature.publicUrl(properties.publicBaseUrl(), requestUrl, requestUri, query);
        if (!TwilioSignature.valid(token, url, params, signature)) {
            throw refused();
        }
        String callSid = Optional.ofNullable(params.get("CallSid")).filter(sid -> CALL_SID.matcher(sid).matches())
                .orElseThrow(() -> new Refusal.InvalidInput("CallSid", "is required"));
        if (!isRequest(kind, params)) {
            return Receipt.NOT_A_REQUEST;
        }
        if (caller(params, practices.find(practice).phoneRegion()).filter(practiceSettings::ignores).isPresent()) {
            log.info("Twilio {} webhook for practice {} ignored: the call came from the practice's own or a blocked number",
                    kind, practice);
            return Receipt.IGNORED_NUMBER;
        }
        return inbox.store(practice, callSid, kind, params, clock.instant()) ? Receipt.STORED : Receipt.ALREADY_STORED;
    }

    /** A missed call, a voicemail, or a voicemail's transcript; not a ringing, answered or in-progress call. */
    static boolean isRequest(WebhookKind kind, Map<String, String> params) {
        if (kind == WebhookKind.TRANSCRIPTION) {
            String status = params.getOrDefault("TranscriptionStatus", "completed");
            return "completed".equals(status) && !params.getOrDefault("TranscriptionText", "").isBlank();
        }
        String status = params.getOrDefault("CallStatus", "");
        boolean recorded = !params.getOrDefault("RecordingUrl", "").isBlank();
        return MISSED.contains(status) || (recorded && (status.isEmpty() || "completed".equals(status)));
    }

    /** The caller's E.164 number, or empty when withheld or not a valid number. */
    static Optional<String> caller(Map<String, String> params, String region) {
        String raw = Optional.ofNullable(params.get("From")).orElse(params.get("Caller"));
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumbers.normalise(raw, region, "From"));
        } catch (Refusal.InvalidInput withheld) {
            return Optional.empty();
        }
    }

    private static UUID parse(String practiceId) {
        try {
            return UUID.fromString(practiceId);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    private static Refusal.NotPermitted refused() {
        // One answer for every reason, so a caller cannot probe which practices exist or have a token.
        return new Refusal.NotPermitted("The request is not signed by Twilio for this practice");
    }
}

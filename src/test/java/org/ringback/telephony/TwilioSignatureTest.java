package org.ringback.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** The worked example of Twilio's webhook security documentation. */
    static final String EXAMPLE_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final String EXAMPLE_TOKEN = "12345";
    static final Map<String, String> EXAMPLE_PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+14158675309",
            "Digits", "1234",
            "From", "+14158675309",
            "To", "+18005551212");
    static final String EXAMPLE_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    @Test
    void acceptsTheWorkedExampleOfTwilioSecurityDocumentation() {
        assertThat(TwilioSignature.valid(EXAMPLE_TOKEN, EXAMPLE_URL, EXAMPLE_PARAMS, Optional.of(EXAMPLE_SIGNATURE))).isTrue();
    }

    @Test
    void theTestSignerComputesTheDocumentedSignatureAndTheSdkAgrees() {
        String signature = TwilioSigner.sign(EXAMPLE_TOKEN, EXAMPLE_URL, EXAMPLE_PARAMS);

        assertThat(signature).isEqualTo(EXAMPLE_SIGNATURE);
        assertThat(new RequestValidator(EXAMPLE_TOKEN).validate(EXAMPLE_URL, EXAMPLE_PARAMS, signature)).isTrue();
    }

    @Test
    void refusesAChangedParameterUrlOrTokenAndAMissingSignature() {
        var changed = new HashMap<>(EXAMPLE_PARAMS);
        changed.put("Digits", "1235");

        assertThat(TwilioSignature.valid(EXAMPLE_TOKEN, EXAMPLE_URL, changed, Optional.of(EXAMPLE_SIGNATURE))).isFalse();
        assertThat(TwilioSignature.valid(EXAMPLE_TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=3", EXAMPLE_PARAMS,
                Optional.of(EXAMPLE_SIGNATURE))).isFalse();
        assertThat(TwilioSignature.valid("54321", EXAMPLE_URL, EXAMPLE_PARAMS, Optional.of(EXAMPLE_SIGNATURE))).isFalse();
        assertThat(TwilioSignature.valid(EXAMPLE_TOKEN, EXAMPLE_URL, EXAMPLE_PARAMS, Optional.empty())).isFalse();
        assertThat(TwilioSignature.valid(EXAMPLE_TOKEN, EXAMPLE_URL, EXAMPLE_PARAMS, Optional.of(""))).isFalse();
    }

    @Test
    void theUrlToCheckIsThePublicOneWhenConfigured() {
        assertThat(TwilioSignature.publicUrl("", "http://10.0.0.7:8080/webhooks/twilio/voice/p", "/webhooks/twilio/voice/p", Optional.empty()))
                .isEqualTo("http://10.0.0.7:8080/webhooks/twilio/voice/p");
        assertThat(TwilioSignature.publicUrl("https://ringback.example.org/", "http://10.0.0.7:8080/webhooks/twilio/voice/p",
                "/webhooks/twilio/voice/p", Optional.of("a=1")))
                .isEqualTo("https://ringback.example.org/webhooks/twilio/voice/p?a=1");
    }

    @Test
    void onlyMissedCallsVoicemailsAndCompletedTranscriptsAreRequests() {
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "no-answer"))).isTrue();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "busy"))).isTrue();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "failed"))).isTrue();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "canceled"))).isTrue();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "completed", "RecordingUrl", "https://api.twilio.com/r/RE1"))).isTrue();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "completed"))).isFalse();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "ringing"))).isFalse();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.VOICE, Map.of("CallStatus", "in-progress"))).isFalse();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.TRANSCRIPTION, Map.of("TranscriptionStatus", "completed", "TranscriptionText", "hi"))).isTrue();
        assertThat(TwilioWebhooks.isRequest(WebhookKind.TRANSCRIPTION, Map.of("TranscriptionStatus", "failed", "TranscriptionText", ""))).isFalse();
    }
}

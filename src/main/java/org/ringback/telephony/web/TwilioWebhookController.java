package org.ringback.telephony.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.ringback.shared.Refusal;
import org.ringback.telephony.TwilioWebhooks;
import org.ringback.telephony.WebhookKind;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's webhooks: verified and stored, then answered at once with empty TwiML (the practice's own call flow
 * plays greetings and records voicemail; Ringback only listens). A bad signature answers 403 and stores nothing.
 */
@RestController
class TwilioWebhookController {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioWebhooks webhooks;

    TwilioWebhookController(TwilioWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/twilio/voice/{practiceId}")
    ResponseEntity<String> voice(@PathVariable String practiceId, @RequestBody(required = false) String body,
                                 @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
                                 HttpServletRequest request) {
        return receive(WebhookKind.VOICE, practiceId, body, signature, request);
    }

    @PostMapping("/webhooks/twilio/transcription/{practiceId}")
    ResponseEntity<String> transcription(@PathVariable String practiceId, @RequestBody(required = false) String body,
                                         @RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
                                         HttpServletRequest request) {
        return receive(WebhookKind.TRANSCRIPTION, practiceId, body, signature, request);
    }

    private ResponseEntity<String> receive(WebhookKind kind, String practiceId, String body, String signature, HttpServletRequest request) {
        webhooks.receive(kind, practiceId, request.getRequestURL().toString(), request.getRequestURI(),
                Optional.ofNullable(request.getQueryString()), form(body), Optional.ofNullable(signature));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    /** The POST parameters only: Twilio signs the URL (with its query) and the body's parameters, not the query's. */
    static Map<String, String> form(String body) {
        var params = new LinkedHashMap<String, String>();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(name, value);
            } catch (IllegalArgumentException e) {
                throw new Refusal.InvalidInput("body", "is not form-encoded");
            }
        }
        return params;
    }
}

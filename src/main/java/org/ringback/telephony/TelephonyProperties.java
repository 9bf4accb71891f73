package org.ringback.telephony;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Telephony settings of the app (a practice's own settings live in the database).
 *
 * @param publicBaseUrl scheme and host Twilio calls (e.g. {@code https://ringback.example.org}) when the app runs
 *                      behind a proxy that changes them; empty: the URL the request arrived at. Twilio signs the URL
 *                      it called, so this must match the webhook URL configured in Twilio.
 * @param worker        the background worker that turns stored webhooks into callbacks
 * @param tokenKey      the key that seals practices' Twilio auth tokens in the database
 *                      ({@code RINGBACK_TELEPHONY_TOKEN_KEY}, e.g. {@code openssl rand -hex 32}); the same on every
 *                      instance of one database; empty: a random key kept in {@code <data-dir>/telephony-token-key}
 */
@Validated
@ConfigurationProperties("ringback.telephony")
public record TelephonyProperties(
        @DefaultValue("") @Pattern(regexp = "(https?://[^/?#\\s]+(/[^?#\\s]*)?)?", message = "must be like https://host[/path]")
        String publicBaseUrl,
        @DefaultValue Worker worker,
        @DefaultValue("") String tokenKey) {

    /**
     * @param interval    pause between two runs (it is switched on by {@code ringback.telephony.worker.enabled},
     *                    which defaults to {@code ringback.sweep.enabled})
     * @param batch       webhooks processed per run at most
     * @param maxAttempts tries before a webhook that keeps failing is set aside as FAILED
     * @param retryAfter  wait before a failed webhook is tried again (doubled for each failure)
     */
    public record Worker(@DefaultValue("PT2S") Duration interval, @DefaultValue("100") @Min(1) int batch,
                         @DefaultValue("8") @Min(1) int maxAttempts, @DefaultValue("PT30S") Duration retryAfter) {
    }
}

package org.ringback.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound messages.
 *
 * @param sender {@code log} (the default: writes the message id, nothing else) or {@code twilio}
 * @param worker the outbox worker
 * @param twilio the Twilio account texts are sent from when {@code sender} is {@code twilio}
 */
@Validated
@ConfigurationProperties("ringback.messaging")
public record MessagingProperties(@DefaultValue("log") Sender sender, @DefaultValue Worker worker, @DefaultValue Twilio twilio) {

    public enum Sender { LOG, TWILIO }

    /**
     * @param interval    pause between two runs (switched on by {@code ringback.messaging.worker.enabled}, which
     *                    defaults to {@code ringback.sweep.enabled})
     * @param batch       messages claimed per run at most
     * @param maxFailures sender failures after which a message is a dead letter
     * @param firstRetry  wait after the first failure, doubled for each further one
     * @param maxRetry    the longest wait between two tries
     * @param lease       how long a claimed message may stay SENDING; past it, its outcome is unknown and it becomes a
     *                    dead letter rather than risk a second text
     */
    public record Worker(@DefaultValue("PT15S") Duration interval, @DefaultValue("50") @Min(1) int batch,
                         @DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("PT1M") Duration firstRetry,
                         @DefaultValue("PT1H") Duration maxRetry, @DefaultValue("PT10M") Duration lease) {

        TextingPolicy.Backoff backoff() {
            return new TextingPolicy.Backoff(maxFailures, firstRetry, maxRetry);
        }
    }

    /**
     * One Twilio account for the whole deployment (a virtual-assistant organisation sends for all its practices),
     * with a sending number per practice where it has its own.
     *
     * @param accountSid          the account's SID ({@code AC...})
     * @param authToken           its auth token (secret: set it from the environment, e.g. RINGBACK_TWILIO_AUTH_TOKEN)
     * @param from                the default sending number (E.164), or empty with {@code messagingServiceSid}
     * @param messagingServiceSid a Twilio Messaging Service ({@code MG...}) to send from instead of one number
     * @param fromByPractice      a practice's own sending number, by practice id
     */
    public record Twilio(@DefaultValue("") String accountSid, @DefaultValue("") String authToken, @DefaultValue("") String from,
                         @DefaultValue("") String messagingServiceSid, Map<UUID, String> fromByPractice) {

        public Twilio {
            fromByPractice = fromByPractice == null ? Map.of() : Map.copyOf(fromByPractice);
        }

        Optional<String> fromFor(UUID practiceId) {
            return Optional.ofNullable(fromByPractice.get(practiceId)).or(() -> Optional.of(from)).filter(number -> !number.isBlank());
        }
    }
}

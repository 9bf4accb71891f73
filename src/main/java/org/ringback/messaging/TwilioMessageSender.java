package org.ringback.messaging;

import java.util.Optional;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;

/**
 * Sends texts through Twilio's Programmable Messaging with the official SDK ({@code Message.creator(...)}), from the
 * practice's own number, the account's default number, or a Messaging Service. Twilio's error messages can quote the
 * number, so a failure is reported by Twilio's error code only: a 4xx answer (an invalid or unsubscribed number,
 * code 21211, 21610…) is permanent except 429 (too many requests); a 5xx answer or no answer is retried.
 */
class TwilioMessageSender implements MessageSender {

    private final MessagingProperties.Twilio settings;
    private final TwilioRestClient client;

    TwilioMessageSender(MessagingProperties.Twilio settings, TwilioRestClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** A sender for the configured account; refuses to start without credentials and a number or messaging service. */
    static TwilioMessageSender create(MessagingProperties.Twilio settings) {
        if (settings.accountSid().isBlank() || settings.authToken().isBlank()) {
            throw new IllegalStateException("ringback.messaging.sender=twilio needs ringback.messaging.twilio.account-sid and auth-token");
        }
        if (settings.from().isBlank() && settings.messagingServiceSid().isBlank() && settings.fromByPractice().isEmpty()) {
            throw new IllegalStateException("ringback.messaging.sender=twilio needs ringback.messaging.twilio.from, "
                    + "messaging-service-sid or from-by-practice");
        }
        return new TwilioMessageSender(settings, new TwilioRestClient.Builder(settings.accountSid(), settings.authToken()).build());
    }

    @Override
    public String send(Text text) {
        Optional<String> from = settings.fromFor(text.practiceId());
        if (from.isEmpty() && settings.messagingServiceSid().isBlank()) {
            throw new SendFailure("twilio:no-sending-number", true);
        }
        MessageCreator creator = from.isPresent()
                ? Message.creator(new PhoneNumber(text.to()), new PhoneNumber(from.get()), text.body())
                : Message.creator(new PhoneNumber(text.to()), settings.messagingServiceSid(), text.body());
        try {
            return creator.create(client).getSid();
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            boolean permanent = status != null && status >= 400 && status < 500 && status != 429;
            throw new SendFailure("twilio:" + (e.getCode() != null ? e.getCode() : "http-" + status), permanent);
        } catch (ApiConnectionException e) {
            throw new SendFailure("twilio:connection", false);
        } catch (TwilioException e) {
            throw new SendFailure("twilio:" + e.getClass().getSimpleName(), false);
        }
    }
}

package org.ringback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.junit.jupiter.api.Test;

/**
 * The Twilio sender through the official SDK, with only the HTTP exchange replaced: proves the SDK's REST client
 * runs with the dependencies the pom lets in (Jackson 2 beside Jackson 3, the HTTP client), builds the request Twilio
 * documents (To, From or MessagingServiceSid, Body) and maps Twilio's errors to codes without patient data.
 */
class TwilioMessageSenderTest {

    static final UUID PRACTICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    /** Twilio's answers, in order; records the requests. */
    static class CannedTwilio extends HttpClient {
        final List<Request> requests = new ArrayList<>();
        final List<Response> answers;

        CannedTwilio(Response... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public Response makeRequest(Request request) {
            requests.add(request);
            return answers.remove(0);
        }
    }

    static MessagingProperties.Twilio settings(String from, String service) {
        return new MessagingProperties.Twilio("AC00000000000000000000000000000000", "token", from, service,
                Map.of(OTHER, "+16175550100"));
    }

    static TwilioMessageSender sender(MessagingProperties.Twilio settings, CannedTwilio http) {
        return new TwilioMessageSender(settings, new TwilioRestClient.Builder(settings.accountSid(), settings.authToken()).httpClient(http).build());
    }

    static MessageSender.Text text(UUID practice) {
        return new MessageSender.Text(practice, UUID.randomUUID(), "+16175550134", "Hello from Lakeside: please call us.");
    }

    @Test
    void sendsWithMessageCreatorAndAnswersTheSid() {
        var http = new CannedTwilio(new Response("""
                {"sid": "SM0123456789abcdef0123456789abcdef", "status": "queued", "to": "+16175550134", "from": "+16175550199",
                 "body": "Hello from Lakeside: please call us.", "account_sid": "AC00000000000000000000000000000000",
                 "date_created": "Mon, 23 Nov 2026 15:00:00 +0000", "num_segments": "1", "direction": "outbound-api",
                 "price": null, "error_code": null, "uri": "/2010-04-01/Accounts/AC0/Messages/SM0.json"}""", 201));

        String sid = sender(settings("+16175550199", ""), http).send(text(PRACTICE));

        assertThat(sid).isEqualTo("SM0123456789abcdef0123456789abcdef");
        Request request = http.requests.get(0);
        assertThat(request.getUrl()).contains("/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json");
        assertThat(request.getPostParams()).containsEntry("To", List.of("+16175550134"))
                .containsEntry("From", List.of("+16175550199"))
                .containsEntry("Body", List.of("Hello from Lakeside: please call us."));
    }

    @Test
    void aPracticesOwnNumberWins() {
        var http = new CannedTwilio(new Response("{\"sid\": \"SM1\", \"status\": \"queued\"}", 201));

        sender(settings("+16175550199", ""), http).send(text(OTHER));

        assertThat(http.requests.get(0).getPostParams()).containsEntry("From", List.of("+16175550100"));
    }

    @Test
    void aMessagingServiceIsUsedWithoutANumber() {
        var http = new CannedTwilio(new Response("{\"sid\": \"SM2\", \"status\": \"accepted\"}", 201));

        sender(settings("", "MG00000000000000000000000000000000"), http).send(text(PRACTICE));

        assertThat(http.requests.get(0).getPostParams()).containsEntry("MessagingServiceSid", List.of("MG00000000000000000000000000000000"))
                .doesNotContainKey("From");
    }

    @Test
    void anInvalidNumberIsAPermanentFailureNamedByItsCodeOnly() {
        var http = new CannedTwilio(new Response("""
                {"code": 21211, "message": "The 'To' number +16175550134 is not a valid phone number.",
                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""", 400));

        assertThatThrownBy(() -> sender(settings("+16175550199", ""), http).send(text(PRACTICE)))
                .isInstanceOfSatisfying(MessageSender.SendFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("twilio:21211");
                    assertThat(failure.permanent()).isTrue();
                    assertThat(failure.getMessage()).doesNotContain("617");
                });
    }

    @Test
    void noAnswerFromTwilioIsRetried() {
        var http = new HttpClient() {
            @Override
            public Response makeRequest(Request request) {
                throw new ApiConnectionException("connect timed out");
            }
        };
        var settings = settings("+16175550199", "");
        var sender = new TwilioMessageSender(settings, new TwilioRestClient.Builder(settings.accountSid(), settings.authToken()).httpClient(http).build());

        assertThatThrownBy(() -> sender.send(text(PRACTICE)))
                .isInstanceOfSatisfying(MessageSender.SendFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("twilio:connection");
                    assertThat(failure.permanent()).isFalse();
                });
    }

    @Test
    void tooManyRequestsIsRetried() {
        var http = new CannedTwilio(new Response("{\"code\": 20429, \"message\": \"Too Many Requests\", \"status\": 429}", 429));

        assertThatThrownBy(() -> sender(settings("+16175550199", ""), http).send(text(PRACTICE)))
                .isInstanceOfSatisfying(MessageSender.SendFailure.class, failure -> assertThat(failure.permanent()).isFalse());
    }

    @Test
    void refusesToStartWithoutCredentials() {
        assertThatThrownBy(() -> TwilioMessageSender.create(new MessagingProperties.Twilio("", "", "+16175550199", "", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("account-sid");
    }
}

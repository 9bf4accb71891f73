package org.ringback.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;
import static org.ringback.support.Fixtures.absent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TwilioWebhookIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PRACTICE_LINE = "+16175550100";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    InboxWorker worker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenSealing sealing;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User manager;
    String token;

    record Reply(int status, String contentType, String body) {
    }

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        manager = fx.manager(practice.id());
        token = UUID.randomUUID().toString().replace("-", "");
        var response = manager.api().put(settings(practice.id()), Api.json("""
                {'twilioAuthToken': '%s', 'ownNumbers': ['%s'], 'blockedNumbers': ['%s']}""",
                token, Fixtures.phone(90), Fixtures.phone(91)));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    // --- settings ---

    @Test
    void theTokenCanBeGivenWhenThePracticeIsCreatedAndIsNeverShown() {
        String createToken = UUID.randomUUID().toString().replace("-", "");
        var created = fx.admin().post("/api/v1/practices", Api.json("""
                {'name': 'Harbor Pediatrics', 'timeZone': 'America/New_York', 'businessHours': %s,
                 'telephony': {'twilioAuthToken': '%s'}}""", Fixtures.WEEKDAYS_8_TO_5, createToken));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String practiceId = created.text("/id");

        assertThat(created.raw()).doesNotContain(createToken);
        assertThat(fx.admin().get(settings(practiceId)).json("/twilioAuthTokenConfigured").asBoolean()).isTrue();
        assertThat(post("voice", practiceId, missedCall(callSid(), Fixtures.phone(20)), createToken).status()).isEqualTo(200);
        assertThat(post("voice", practiceId, missedCall(callSid(), Fixtures.phone(20)), token).status())
                .as("another practice's token does not sign for it").isEqualTo(403);
    }

    @Test
    void theAuthTokenIsWriteOnlyAndNumbersAreNormalised() {
        var response = manager.api().get(settings(practice.id()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json("/twilioAuthTokenConfigured").asBoolean()).isTrue();
        assertThat(response.raw()).doesNotContain(token);
        assertThat(response.json("/ownNumbers/0").asString()).isEqualTo(Fixtures.e164(90));
        assertThat(response.json("/blockedNumbers/0").asString()).isEqualTo(Fixtures.e164(91));
        assertThat(response.text("/webhooks/voice")).endsWith("/webhooks/twilio/voice/" + practice.id());
        assertThat(response.text("/webhooks/transcription")).endsWith("/webhooks/twilio/transcription/" + practice.id());

        var onlyNumbers = manager.api().put(settings(practice.id()), Api.json("{'blockedNumbers': []}"));
        assertThat(onlyNumbers.json("/twilioAuthTokenConfigured").asBoolean()).as("a change without the token keeps it").isTrue();
        assertThat(onlyNumbers.json("/blockedNumbers").size()).isZero();
        assertThat(onlyNumbers.json("/ownNumbers").size()).isEqualTo(1);
    }

    @Test
    void theTokenIsStoredSealedAndStillChecksSignatures() {
        assertThat(storedToken()).startsWith(TokenCipher.SEALED).doesNotContain(token);
        assertThat(post("voice", practice.id(), missedCall(callSid(), Fixtures.phone(20)), token).status()).isEqualTo(200);
    }

    @Test
    void aTokenStoredInPlainTextBeforeSealingIsSealedAtStart() {
        jdbc.sql("update telephony_settings set auth_token = :token where practice_id = :practiceId")
                .param("token", token).param("practiceId", UUID.fromString(practice.id())).update();
        assertThat(post("voice", practice.id(), missedCall(callSid(), Fixtures.phone(20)), token).status())
                .as("read as it was stored").isEqualTo(200);

        sealing.run(null);

        assertThat(storedToken()).startsWith(TokenCipher.SEALED).doesNotContain(token);
        assertThat(post("voice", practice.id(), missedCall(callSid(), Fixtures.phone(21)), token).status()).isEqualTo(200);
    }

    @Test
    void aTokenSealedUnderAnotherKeyIsRefusedAndKeptUntilTheTokenIsStoredAgain(CapturedOutput output) {
        String otherKeys = new TokenCipher(new TelephonyProperties("", new TelephonyProperties.Worker(null, 1, 1, null),
                "another instance's key"), Path.of("unused")).seal(token);
        jdbc.sql("update telephony_settings set auth_token = :token where practice_id = :practiceId")
                .param("token", otherKeys).param("practiceId", UUID.fromString(practice.id())).update();

        sealing.run(null);
        assertThat(output).contains("The Twilio auth tokens of 1 practices were sealed under another key").doesNotContain(token);
        assertThat(post("voice", practice.id(), missedCall(callSid(), Fixtures.phone(20)), token).status()).isEqualTo(403);
        assertThat(manager.api().get(settings(practice.id())).json("/twilioAuthTokenConfigured").asBoolean()).isFalse();
        assertThat(manager.api().put(settings(practice.id()), Api.json("{'blockedNumbers': []}")).status()).isEqualTo(200);
        assertThat(storedToken()).as("a change of the numbers keeps the token for the right key").isEqualTo(otherKeys);

        assertThat(manager.api().put(settings(practice.id()), Api.json("{'twilioAuthToken': '%s'}", token)).status()).isEqualTo(200);
        assertThat(post("voice", practice.id(), missedCall(callSid(), Fixtures.phone(21)), token).status()).isEqualTo(200);
    }

    private String storedToken() {
        return jdbc.sql("select auth_token from telephony_settings where practice_id = :practiceId")
                .param("practiceId", UUID.fromString(practice.id())).query(String.class).single();
    }

    @Test
    void onlyTheManagerOfThePracticeChangesTelephonySettings() {
        var staff = fx.staff(practice.id());
        var other = fx.practice();
        var otherManager = fx.manager(other.id());

        assertThat(staff.api().put(settings(practice.id()), Api.json("{'twilioAuthToken': 'x'}")).status()).isEqualTo(403);
        assertThat(staff.api().get(settings(practice.id())).status()).isEqualTo(403);
        assertThat(otherManager.api().put(settings(practice.id()), Api.json("{'twilioAuthToken': 'x'}")).status()).isEqualTo(404);
        assertThat(otherManager.api().get(settings(practice.id())).status()).isEqualTo(404);
        var invalid = manager.api().put(settings(practice.id()), Api.json("{'ownNumbers': ['+1 617 555 0100', 'not a number']}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(Fixtures.errorFields(invalid)).containsExactly("ownNumbers[1]");
        assertThat(invalid.raw()).doesNotContain("not a number");
    }

    // --- signature ---

    @Test
    void aSignedMissedCallIsStoredAnsweredWithEmptyTwimlAndWorkedIntoAnItem() {
        String callSid = callSid();

        Reply reply = post("voice", practice.id(), missedCall(callSid, Fixtures.e164(10)), token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/xml");
        assertThat(reply.body()).contains("<Response/>");
        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("PENDING");
        assertThat(callbackCount(practice.id())).as("heavy work happens after the answer").isZero();

        worker.processDue();

        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("DONE");
        JsonNode item = callback(callbackOf(practice.id(), callSid, "VOICE"));
        assertThat(item.path("channel").asString()).isEqualTo("MISSED_CALL");
        assertThat(item.path("category").asString()).isEqualTo("MISSED_CALL");
        assertThat(item.path("caller").path("phone").asString()).isEqualTo(Fixtures.e164(10));
        assertThat(absent(item.path("patientId"))).as("an unknown caller is not made a patient").isTrue();
        assertThat(item.path("details").path("twilioCallSid").asString()).isEqualTo(callSid);
        assertThat(Instant.parse(item.path("receivedAt").asString())).isEqualTo(MONDAY_0900);
        assertThat(jdbc.sql("select params::text from telephony_inbox where practice_id = :p and call_sid = :c")
                .param("p", UUID.fromString(practice.id())).param("c", callSid).query(String.class).single())
                .as("the handled webhook keeps no caller data").isEqualTo("{}");
    }

    @Test
    void aMissingOrWrongSignatureIsRefusedWith403AndStoresNothing() {
        var params = missedCall(callSid(), Fixtures.e164(11));
        String url = url("voice", practice.id());

        assertThat(send(url, params, Optional.empty()).status()).isEqualTo(403);
        assertThat(send(url, params, Optional.of("RSOYDt4T1cUTdK1PDd93/VVr8B8=")).status()).isEqualTo(403);
        assertThat(send(url, params, Optional.of(TwilioSigner.sign("another-token", url, params))).status()).isEqualTo(403);
        var tampered = new LinkedHashMap<>(params);
        String signature = TwilioSigner.sign(token, url, params);
        tampered.put("From", Fixtures.e164(12));
        assertThat(send(url, tampered, Optional.of(signature)).status()).isEqualTo(403);

        assertThat(inboxCount(practice.id())).isZero();
        worker.processDue();
        assertThat(callbackCount(practice.id())).isZero();
    }

    @Test
    void unknownPracticesAndPracticesWithoutATokenAnswer403() {
        var unconfigured = fx.practice();
        String unknown = UUID.randomUUID().toString();

        assertThat(post("voice", unknown, missedCall(callSid(), Fixtures.e164(13)), token).status()).isEqualTo(403);
        assertThat(post("voice", "not-a-practice", missedCall(callSid(), Fixtures.e164(13)), token).status()).isEqualTo(403);
        assertThat(post("voice", unconfigured.id(), missedCall(callSid(), Fixtures.e164(13)), token).status()).isEqualTo(403);
        assertThat(post("transcription", unconfigured.id(), transcription(callSid(), Fixtures.e164(13), "hello"), token).status())
                .isEqualTo(403);

        assertThat(inboxCount(unconfigured.id())).isZero();
        assertThat(jdbc.sql("select count(*) from telephony_inbox where practice_id = :p").param("p", UUID.fromString(unknown))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anotherPracticesIdIsRefusedAndNothingIsStoredForEither() {
        var other = fx.practice();
        var otherManager = fx.manager(other.id());
        String otherToken = UUID.randomUUID().toString().replace("-", "");
        otherManager.api().put(settings(other.id()), Api.json("{'twilioAuthToken': '%s'}", otherToken));
        var params = missedCall(callSid(), Fixtures.e164(14));

        // Signed with this practice's token, sent to the other practice's URL.
        assertThat(post("voice", other.id(), params, token).status()).isEqualTo(403);
        // A genuine request for this practice replayed against the other practice's URL.
        String signature = TwilioSigner.sign(token, url("voice", practice.id()), params);
        assertThat(send(url("voice", other.id()), params, Optional.of(signature)).status()).isEqualTo(403);

        assertThat(inboxCount(other.id())).isZero();
        assertThat(inboxCount(practice.id())).isZero();
    }

    // --- idempotency ---

    @Test
    void tenConcurrentReplaysOfOneCallLeaveOneItem() throws Exception {
        String callSid = callSid();
        var params = voicemail(callSid, Fixtures.e164(15));
        String url = url("voice", practice.id());
        String signature = signed(token, url, params);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            var start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return send(url, params, Optional.of(signature));
                }));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(inboxCount(practice.id())).isEqualTo(1);

            // Several workers at once (as on several instances) still take the one row once.
            List<Callable<Integer>> workers = List.of(worker::processDue, worker::processDue, worker::processDue);
            for (Future<Integer> run : pool.invokeAll(workers)) {
                run.get(30, TimeUnit.SECONDS);
            }
            // A late retry after the item exists changes nothing either.
            assertThat(send(url, params, Optional.of(signature)).status()).isEqualTo(200);
            worker.processDue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(callbackCount(practice.id())).isEqualTo(1);
        assertThat(callback(callbackOf(practice.id(), callSid, "VOICE")).path("repeatCount").asInt()).isZero();
    }

    @Test
    void theTranscriptionAfterTheCallStatusEnrichesTheSameItemAndTheRedFlagApplies() {
        String callSid = callSid();
        post("voice", practice.id(), voicemail(callSid, Fixtures.e164(16)), token);
        worker.processDue();
        String id = callbackOf(practice.id(), callSid, "VOICE");
        JsonNode before = callback(id);
        assertThat(before.path("channel").asString()).isEqualTo("VOICEMAIL");
        assertThat(before.path("urgency").asString()).isEqualTo("ROUTINE");
        assertThat(absent(before.path("reason"))).isTrue();

        clock.advance(Duration.ofMinutes(2));
        Reply reply = post("transcription", practice.id(),
                transcription(callSid, Fixtures.e164(16), "Hi, this is Maria, I have had chest pain since this morning"), token);
        assertThat(reply.status()).isEqualTo(200);
        worker.processDue();

        assertThat(callbackOf(practice.id(), callSid, "TRANSCRIPTION")).isEqualTo(id);
        assertThat(callbackCount(practice.id())).isEqualTo(1);
        JsonNode after = callback(id);
        assertThat(after.path("reason").asString()).isEqualTo("Hi, this is Maria, I have had chest pain since this morning");
        assertThat(after.path("urgency").asString()).isEqualTo("EMERGENCY");
        assertThat(after.path("queue").asString()).isEqualTo("CLINICAL");
        assertThat(after.path("redFlags").get(0).path("phrase").asString()).isEqualTo("chest pain");
        assertThat(Instant.parse(after.path("firstAttemptDueAt").asString())).isBefore(Instant.parse(before.path("firstAttemptDueAt").asString()));
        List<String> types = new ArrayList<>();
        after.path("timeline").forEach(event -> types.add(event.path("type").asString()));
        assertThat(types).contains("TRANSCRIPT_ADDED", "RED_FLAG_RAISED", "URGENCY_CHANGED");
    }

    @Test
    void aTranscriptionWithoutItsCallStatusMakesTheVoicemailItemWhichTheLateStatusThenFinds() {
        String callSid = callSid();
        post("transcription", practice.id(), transcription(callSid, Fixtures.e164(17), "Please call me about my refill"), token);
        worker.processDue();
        String id = callbackOf(practice.id(), callSid, "TRANSCRIPTION");
        assertThat(callback(id).path("reason").asString()).isEqualTo("Please call me about my refill");

        post("voice", practice.id(), voicemail(callSid, Fixtures.e164(17)), token);
        worker.processDue();

        assertThat(callbackOf(practice.id(), callSid, "VOICE")).isEqualTo(id);
        assertThat(callbackCount(practice.id())).isEqualTo(1);
    }

    @Test
    void aRedFlagInTheTranscriptOfAnItemClosedMeanwhileComesInAsASecondCall() {
        String callSid = callSid();
        post("voice", practice.id(), voicemail(callSid, Fixtures.e164(19)), token);
        worker.processDue();
        String closed = callbackOf(practice.id(), callSid, "VOICE");
        var close = fx.admin().post("/api/v1/callbacks/" + closed + "/close",
                Api.json("{'outcome': 'DUPLICATE', 'note': 'already handled', 'version': %d}", callback(closed).path("version").asInt()));
        assertThat(close.status()).as(close.raw()).isEqualTo(200);

        post("transcription", practice.id(), transcription(callSid, Fixtures.e164(19), "I can't stop the severe bleeding"), token);
        worker.processDue();

        String opened = callbackOf(practice.id(), callSid, "TRANSCRIPTION");
        assertThat(opened).isNotEqualTo(closed);
        JsonNode item = callback(opened);
        assertThat(item.path("status").asString()).isEqualTo("NEW");
        assertThat(item.path("repeatOf").asString()).isEqualTo(closed);
        assertThat(item.path("queue").asString()).isEqualTo("CLINICAL");
        assertThat(item.path("reason").asString()).isEqualTo("I can't stop the severe bleeding");
        assertThat(callback(closed).path("reason").asString()).as("the closed item keeps the transcript too")
                .isEqualTo("I can't stop the severe bleeding");
    }

    @Test
    void aWebhookUrlWithAQueryIsSignedWithItsQueryAndOnlyTheBodyParametersAreStored() {
        String callSid = callSid();
        var params = missedCall(callSid, Fixtures.e164(24));
        String url = url("voice", practice.id()) + "?line=main";

        Reply reply = send(url, params, Optional.of(signed(token, url, params)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(jdbc.sql("select params ->> 'line' from telephony_inbox where practice_id = :p and call_sid = :c")
                .param("p", UUID.fromString(practice.id())).param("c", callSid).query(String.class).optional().orElse(null)).isNull();
        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("PENDING");
    }

    // --- callers ---

    @Test
    void callsFromThePracticesOwnOrBlockedNumbersAndAnsweredCallsAreIgnoredWithoutPhiInTheLog(CapturedOutput output) {
        Reply own = post("voice", practice.id(), missedCall(callSid(), Fixtures.e164(90)), token);
        Reply blocked = post("voice", practice.id(), voicemail(callSid(), Fixtures.e164(91)), token);
        var answered = missedCall(callSid(), Fixtures.e164(18));
        answered.put("CallStatus", "completed");
        Reply answeredReply = post("voice", practice.id(), answered, token);

        assertThat(List.of(own.status(), blocked.status(), answeredReply.status())).containsOnly(200);
        assertThat(inboxCount(practice.id())).isZero();
        worker.processDue();
        assertThat(callbackCount(practice.id())).isZero();
        assertThat(output.getOut()).contains("ignored: the call came from the practice's own or a blocked number");
        assertThat(output.getAll()).doesNotContain(Fixtures.e164(90)).doesNotContain(Fixtures.e164(91)).doesNotContain("5550190");
    }

    @Test
    void aCallerWithAWithheldNumberIsSetAsideWithoutAnItem() {
        String callSid = callSid();
        post("voice", practice.id(), missedCall(callSid, "+266696687"), token);

        worker.processDue();

        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("IGNORED");
        assertThat(callbackCount(practice.id())).isZero();
    }

    @Test
    void aCallerWithAPatientsPhoneLandsOnThatPatient() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(20));
        String callSid = callSid();

        post("voice", practice.id(), missedCall(callSid, Fixtures.e164(20)), token);
        worker.processDue();

        assertThat(callback(callbackOf(practice.id(), callSid, "VOICE")).path("patientId").asString()).isEqualTo(patientId);
    }

    @Test
    void aMissedCallThenAVoicemailFromTheSameCallerWithinTheLookBackAreOneItem() {
        String first = callSid();
        String second = callSid();
        post("voice", practice.id(), missedCall(first, Fixtures.e164(21)), token);
        worker.processDue();
        clock.advance(Duration.ofMinutes(20));

        post("voice", practice.id(), voicemail(second, Fixtures.e164(21)), token);
        worker.processDue();

        String id = callbackOf(practice.id(), first, "VOICE");
        assertThat(callbackOf(practice.id(), second, "VOICE")).isEqualTo(id);
        assertThat(callbackCount(practice.id())).isEqualTo(1);
        assertThat(callback(id).path("repeatCount").asInt()).isEqualTo(1);
    }

    // --- the worker ---

    @Test
    void aStoredWebhookWaitsInTheDatabaseUntilAWorkerRuns() {
        String callSid = callSid();
        post("voice", practice.id(), missedCall(callSid, Fixtures.e164(22)), token);
        clock.advance(Duration.ofHours(3));

        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("PENDING");
        worker.processDue();

        JsonNode item = callback(callbackOf(practice.id(), callSid, "VOICE"));
        assertThat(Instant.parse(item.path("receivedAt").asString())).as("received when Twilio called, not when worked").isEqualTo(MONDAY_0900);
    }

    @Test
    void aWebhookThatKeepsFailingIsRetriedWithALimitAndReportedWithoutPhi(CapturedOutput output) {
        String callSid = callSid();
        // A row the intake refuses every time: received a year from now.
        jdbc.sql("""
                        insert into telephony_inbox (practice_id, call_sid, kind, params, received_at, next_attempt_at)
                        values (:p, :c, 'VOICE', cast(:params as jsonb), :at, :now)""")
                .param("p", UUID.fromString(practice.id())).param("c", callSid)
                .param("params", "{\"CallSid\": \"" + callSid + "\", \"From\": \"" + Fixtures.e164(23) + "\", \"CallStatus\": \"busy\"}")
                .param("at", MONDAY_0900.plus(Duration.ofDays(365)).atOffset(ZoneOffset.UTC))
                .param("now", MONDAY_0900.atOffset(ZoneOffset.UTC))
                .update();

        worker.processDue();
        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("PENDING");
        assertThat(attempts(practice.id(), callSid)).isEqualTo(1);
        worker.processDue();
        assertThat(attempts(practice.id(), callSid)).as("not before its retry time").isEqualTo(1);

        for (int i = 0; i < 10 && inboxStatus(practice.id(), callSid, "VOICE").orElseThrow().equals("PENDING"); i++) {
            clock.advance(Duration.ofHours(3));
            worker.processDue();
        }

        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("FAILED");
        assertThat(attempts(practice.id(), callSid)).isEqualTo(8);
        assertThat(callbackCount(practice.id())).isZero();
        assertThat(output.getOut()).contains("failed 8 times and is set aside");
        assertThat(output.getAll()).doesNotContain(Fixtures.e164(23)).doesNotContain("5550123");
        assertThat(manager.api().get(settings(practice.id())).json("/failedWebhooks").asInt()).isEqualTo(1);

        assertThat(fx.staff(practice.id()).api().post(settings(practice.id()) + "/retry-failed", "").status()).isEqualTo(403);
        var retried = manager.api().post(settings(practice.id()) + "/retry-failed", "");
        assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
        assertThat(retried.json("/requeued").asInt()).isEqualTo(1);
        assertThat(inboxStatus(practice.id(), callSid, "VOICE")).contains("PENDING");
        assertThat(attempts(practice.id(), callSid)).isZero();
    }

    // --- helpers ---

    private static String settings(String practiceId) {
        return "/api/v1/practices/" + practiceId + "/telephony";
    }

    private static String callSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> missedCall(String callSid, String from) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("CallSid", callSid);
        params.put("From", from);
        params.put("Caller", from);
        params.put("To", PRACTICE_LINE);
        params.put("Direction", "inbound");
        params.put("CallStatus", "no-answer");
        return params;
    }

    private static Map<String, String> voicemail(String callSid, String from) {
        var params = missedCall(callSid, from);
        params.put("CallStatus", "completed");
        params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + callSid.substring(2));
        params.put("RecordingDuration", "14");
        return params;
    }

    private static Map<String, String> transcription(String callSid, String from, String text) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("CallSid", callSid);
        params.put("From", from);
        params.put("To", PRACTICE_LINE);
        params.put("TranscriptionSid", "TR" + callSid.substring(2));
        params.put("TranscriptionStatus", "completed");
        params.put("TranscriptionText", text);
        params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + callSid.substring(2));
        return params;
    }

    private String url(String kind, String practiceId) {
        return "http://localhost:" + port + "/webhooks/twilio/" + kind + "/" + practiceId;
    }

    /** A signature made as Twilio makes it, which the SDK's validator must accept before the request is sent. */
    private static String signed(String authToken, String url, Map<String, String> params) {
        String signature = TwilioSigner.sign(authToken, url, params);
        assertThat(new RequestValidator(authToken).validate(url, params, signature)).isTrue();
        return signature;
    }

    private Reply post(String kind, String practiceId, Map<String, String> params, String authToken) {
        String url = url(kind, practiceId);
        return send(url, params, Optional.of(signed(authToken, url, params)));
    }

    private static Reply send(String url, Map<String, String> params, Optional<String> signature) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params)));
        signature.ifPresent(value -> request.header("X-Twilio-Signature", value));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int inboxCount(String practiceId) {
        return jdbc.sql("select count(*) from telephony_inbox where practice_id = :p").param("p", UUID.fromString(practiceId))
                .query(Integer.class).single();
    }

    private Optional<String> inboxStatus(String practiceId, String callSid, String kind) {
        return jdbc.sql("select status from telephony_inbox where practice_id = :p and call_sid = :c and kind = :k")
                .param("p", UUID.fromString(practiceId)).param("c", callSid).param("k", kind)
                .query(String.class).optional();
    }

    private int attempts(String practiceId, String callSid) {
        return jdbc.sql("select attempts from telephony_inbox where practice_id = :p and call_sid = :c")
                .param("p", UUID.fromString(practiceId)).param("c", callSid).query(Integer.class).single();
    }

    private String callbackOf(String practiceId, String callSid, String kind) {
        return jdbc.sql("select callback_id from telephony_inbox where practice_id = :p and call_sid = :c and kind = :k")
                .param("p", UUID.fromString(practiceId)).param("c", callSid).param("k", kind)
                .query(UUID.class).single().toString();
    }

    private int callbackCount(String practiceId) {
        return jdbc.sql("select count(*) from callback where practice_id = :p").param("p", UUID.fromString(practiceId))
                .query(Integer.class).single();
    }

    private JsonNode callback(String id) {
        var response = fx.admin().get("/api/v1/callbacks/" + id);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }
}

package org.ringback.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.audit.AuditLog;
import org.ringback.patient.PatientRegistry;
import org.ringback.practice.PracticeDirectory;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Outbound texts end to end: attempts recorded over HTTP queue them in the outbox (real PostgreSQL), the outbox
 * worker sends them through a fake sender (the only thing replaced: the edge to Twilio), and the messages API lists
 * them. The worker claims every due message of the shared database, so assertions look at this test's messages only.
 */
@IntegrationTest
class MessagingIntegrationTest {

    static final String SMS_CONSENT = "{'voicemail': true, 'detailedVoicemail': false, 'sms': true, 'portal': false, 'email': false}";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Outbox outbox;

    @Autowired
    PracticeDirectory practices;

    @Autowired
    PatientRegistry patients;

    @Autowired
    MessagingProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;
    Fixtures.User manager;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
        manager = fx.manager(practice.id());
    }

    @AfterEach
    void tearDown() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    /** New York local time on Monday 2026-11-23 (EST, UTC-5), plus {@code days}. */
    static Instant monday(int days, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 23, hour, minute, 0, 0, ZoneId.of("America/New_York")).plusDays(days).toInstant();
    }

    /** Records a phone attempt as the staff member, at {@code at}, with the clock at the same instant. */
    Api.Response attempt(String callbackId, Instant at, String result) {
        clock.set(at);
        var response = staff.api().post("/api/v1/callbacks/" + callbackId + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '%s', 'result': '%s', 'messageLeft': false, 'nextAction': 'try the next window'}", at, result));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response;
    }

    String callbackFor(String patientId) {
        return fx.aCallback(practice.id()).forPatient(patientId).inCategory("APPOINTMENT_REQUEST").receivedAt(MONDAY_0900)
                .create().path("id").asString();
    }

    List<JsonNode> messagesOf(String callbackId) {
        var response = manager.api().get("/api/v1/practices/" + practice.id() + "/messages?callbackId=" + callbackId);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json("/items").forEach(items::add);
        return items;
    }

    OutboxWorker worker(MessageSender sender, int batch) {
        var worker = new MessagingProperties.Worker(Duration.ofSeconds(15), batch, 5, Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofMinutes(10));
        return new OutboxWorker(outbox, sender, practices, patients,
                new MessagingProperties(MessagingProperties.Sender.LOG, worker, properties.twilio()), transactions, audit, clock);
    }

    /** The edge: records what would have gone to Twilio, per message; fails each message's first {@code failFirst} sends. */
    static class FakeSender implements MessageSender {
        final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<UUID, AtomicInteger> delivered = new ConcurrentHashMap<>();
        final List<Text> texts = Collections.synchronizedList(new ArrayList<>());
        final int failFirst;
        final Duration pause;

        FakeSender(int failFirst, Duration pause) {
            this.failFirst = failFirst;
            this.pause = pause;
        }

        @Override
        public String send(Text text) {
            int call = calls.computeIfAbsent(text.messageId(), id -> new AtomicInteger()).incrementAndGet();
            if (!pause.isZero()) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (call <= failFirst) {
                throw new SendFailure("fake:unavailable", false);
            }
            delivered.computeIfAbsent(text.messageId(), id -> new AtomicInteger()).incrementAndGet();
            texts.add(text);
            return "FAKE-" + text.messageId();
        }

        int deliveries(UUID id) {
            return delivered.getOrDefault(id, new AtomicInteger()).get();
        }
    }

    @Test
    void aMissedCallToAConsentedPatientQueuesExactlyOneApprovedText() {
        String patient = fx.patient(practice.id(), Fixtures.phone(41), SMS_CONSENT);
        String callback = callbackFor(patient);

        attempt(callback, monday(0, 9, 30), "NO_ANSWER");

        List<JsonNode> messages = messagesOf(callback);
        assertThat(messages).hasSize(1);
        JsonNode text = messages.get(0);
        assertThat(text.path("kind").asString()).isEqualTo("MISSED_ATTEMPT_TEXT");
        assertThat(text.path("status").asString()).isEqualTo("QUEUED");
        assertThat(text.path("automatic").asBoolean()).isTrue();
        assertThat(text.path("patientId").asString()).isEqualTo(patient);
        assertThat(text.path("to").asString()).isEqualTo(Fixtures.e164(41));
        // The approved TEXT script (scripts/defaults.properties), with the patient's first name and nothing about the request.
        assertThat(text.path("text").asString()).startsWith("Hello, this is a member of our team from " + practice.name())
                .contains("for Maria: please call us at");
        assertThat(Instant.parse(text.path("sendAt").asString())).isEqualTo(monday(0, 9, 30));

        var sender = new FakeSender(0, Duration.ZERO);
        worker(sender, 50).sendDue();

        UUID id = UUID.fromString(text.path("id").asString());
        assertThat(sender.deliveries(id)).isEqualTo(1);
        assertThat(sender.texts).filteredOn(t -> t.messageId().equals(id)).singleElement()
                .satisfies(sent -> assertThat(sent.to()).isEqualTo(Fixtures.e164(41)));
        JsonNode sent = messagesOf(callback).get(0);
        assertThat(sent.path("status").asString()).isEqualTo("SENT");
        var metrics = Api.admin(port).get("/actuator/prometheus");
        assertThat(metrics.raw()).contains("ringback_messages_backlog ").doesNotContain(Fixtures.e164(41));
        assertThat(Fixtures.absent(sent.path("sentAt"))).isFalse();
    }

    @Test
    void aPatientWithoutSmsConsentGetsNoTextAndTheReasonIsRecorded() {
        String patient = fx.patient(practice.id(), Fixtures.phone(42));
        String callback = callbackFor(patient);

        attempt(callback, monday(0, 9, 30), "LEFT_VOICEMAIL");

        List<JsonNode> messages = messagesOf(callback);
        assertThat(messages).singleElement().satisfies(message -> {
            assertThat(message.path("status").asString()).isEqualTo("SUPPRESSED");
            assertThat(message.path("reason").asString()).isEqualTo("NO_SMS_CONSENT");
            assertThat(Fixtures.absent(message.path("to"))).isTrue();
            assertThat(Fixtures.absent(message.path("text"))).isTrue();
        });
        var sender = new FakeSender(0, Duration.ZERO);
        worker(sender, 50).sendDue();
        assertThat(sender.calls).doesNotContainKey(UUID.fromString(messages.get(0).path("id").asString()));
    }

    @Test
    void anUnknownCallerGetsNoText() {
        String callback = fx.aCallback(practice.id()).fromCaller(Fixtures.phone(43), "Ann Lee").inCategory("APPOINTMENT_REQUEST")
                .receivedAt(MONDAY_0900).create().path("id").asString();

        attempt(callback, monday(0, 9, 30), "NO_ANSWER");

        assertThat(messagesOf(callback)).singleElement()
                .satisfies(message -> assertThat(message.path("reason").asString()).isEqualTo("NO_SMS_CONSENT"));
    }

    @Test
    void oneAutomaticTextADayThenTheFinalMessageWhenTheLadderRunsOut() {
        String patient = fx.patient(practice.id(), Fixtures.phone(44), SMS_CONSENT);
        String callback = callbackFor(patient);

        attempt(callback, monday(0, 9, 30), "NO_ANSWER");
        attempt(callback, monday(0, 11, 30), "NO_ANSWER");
        var last = attempt(callback, monday(1, 14, 30), "NO_ANSWER");

        assertThat(last.text("/status")).isEqualTo("CLOSED");
        List<JsonNode> messages = messagesOf(callback);
        // Newest first.
        assertThat(messages).extracting(m -> m.path("kind").asString() + " " + m.path("status").asString() + " " + (Fixtures.absent(m.path("reason")) ? "" : m.path("reason").asString()))
                .containsExactly("FINAL_ATTEMPT QUEUED ", "MISSED_ATTEMPT_TEXT SUPPRESSED DAILY_LIMIT", "MISSED_ATTEMPT_TEXT QUEUED ");
        assertThat(messages.get(0).path("text").asString()).contains("will not call again about this request");
    }

    @Test
    void closingByHandAsUnableToReachSendsTheFinalMessageAndAnotherOutcomeDoesNot() {
        String patient = fx.patient(practice.id(), Fixtures.phone(47), SMS_CONSENT);
        String unreached = callbackFor(patient);
        String answered = callbackFor(fx.patient(practice.id(), Fixtures.phone(48), SMS_CONSENT));
        attempt(unreached, monday(0, 9, 30), "NO_ANSWER");

        clock.set(monday(1, 10, 0));
        int version = staff.api().get("/api/v1/callbacks/" + unreached).body().path("version").asInt();
        var closed = staff.api().post("/api/v1/callbacks/" + unreached + "/close", Api.json(
                "{'outcome': 'UNABLE_TO_REACH_AFTER_ATTEMPTS', 'version': %d, 'note': 'no answer twice'}", version));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        int other = staff.api().get("/api/v1/callbacks/" + answered).body().path("version").asInt();
        assertThat(staff.api().post("/api/v1/callbacks/" + answered + "/close", Api.json(
                "{'outcome': 'DUPLICATE', 'version': %d, 'note': 'same as the other'}", other)).status()).isEqualTo(200);

        assertThat(messagesOf(unreached)).extracting(m -> m.path("kind").asString() + " " + m.path("status").asString())
                .containsExactly("FINAL_ATTEMPT QUEUED", "MISSED_ATTEMPT_TEXT QUEUED");
        assertThat(messagesOf(answered)).isEmpty();
    }

    @Test
    void aTextAfterClosingTimeWaitsForTheNextOpening() {
        String patient = fx.patient(practice.id(), Fixtures.phone(45), SMS_CONSENT);
        String callback = callbackFor(patient);

        attempt(callback, monday(0, 17, 30), "NO_ANSWER");

        JsonNode queued = messagesOf(callback).get(0);
        assertThat(queued.path("status").asString()).isEqualTo("QUEUED");
        assertThat(Instant.parse(queued.path("sendAt").asString())).isEqualTo(monday(1, 8, 0));
        assertThat(queued.path("localDay").asString()).isEqualTo("2026-11-24");
        UUID id = UUID.fromString(queued.path("id").asString());

        var sender = new FakeSender(0, Duration.ZERO);
        clock.set(monday(0, 23, 0));
        worker(sender, 50).sendDue();
        assertThat(sender.calls).doesNotContainKey(id);

        clock.set(monday(1, 8, 1));
        worker(sender, 50).sendDue();
        assertThat(sender.deliveries(id)).isEqualTo(1);
    }

    @Test
    void aMessageIsSentOnceWhenTheSenderFailsTwiceFirst() {
        String patient = fx.patient(practice.id(), Fixtures.phone(46), SMS_CONSENT);
        String callback = callbackFor(patient);
        attempt(callback, monday(0, 9, 30), "NO_ANSWER");
        UUID id = UUID.fromString(messagesOf(callback).get(0).path("id").asString());
        var sender = new FakeSender(2, Duration.ZERO);
        var worker = worker(sender, 50);

        worker.sendDue();
        JsonNode first = messagesOf(callback).get(0);
        assertThat(first.path("status").asString()).isEqualTo("RETRYING");
        assertThat(first.path("failures").asInt()).isEqualTo(1);
        assertThat(first.path("lastError").asString()).isEqualTo("fake:unavailable");
        // Backoff: 1 minute after the first failure; not due before.
        assertThat(Instant.parse(first.path("sendAt").asString())).isEqualTo(monday(0, 9, 31));
        worker.sendDue();
        assertThat(sender.calls.get(id).get()).isEqualTo(1);

        clock.set(monday(0, 9, 31));
        worker.sendDue();
        JsonNode second = messagesOf(callback).get(0);
        assertThat(second.path("status").asString()).isEqualTo("RETRYING");
        assertThat(second.path("failures").asInt()).isEqualTo(2);
        assertThat(Instant.parse(second.path("sendAt").asString())).isEqualTo(monday(0, 9, 33));

        clock.set(monday(0, 9, 33));
        worker.sendDue();
        clock.set(monday(0, 12, 0));
        worker.sendDue();
        worker.sendDue();

        assertThat(sender.calls.get(id).get()).isEqualTo(3);
        assertThat(sender.deliveries(id)).isEqualTo(1);
        assertThat(messagesOf(callback).get(0).path("status").asString()).isEqualTo("SENT");
    }

    @Test
    void aMessageThatKeepsFailingBecomesADeadLetterOnlyManagersSee() {
        String patient = fx.patient(practice.id(), Fixtures.phone(47), SMS_CONSENT);
        String callback = callbackFor(patient);
        attempt(callback, monday(0, 9, 30), "NO_ANSWER");
        var sender = new FakeSender(Integer.MAX_VALUE, Duration.ZERO);
        var worker = worker(sender, 50);

        for (int run = 0; run < 5; run++) {
            worker.sendDue();
            clock.advance(Duration.ofHours(1));
        }

        JsonNode dead = messagesOf(callback).get(0);
        assertThat(dead.path("status").asString()).isEqualTo("DEAD");
        assertThat(dead.path("reason").asString()).isEqualTo("TOO_MANY_FAILURES");
        assertThat(dead.path("failures").asInt()).isEqualTo(5);
        String path = "/api/v1/practices/" + practice.id() + "/messages";
        var deadLetters = manager.api().get(path + "?status=DEAD");
        assertThat(deadLetters.status()).isEqualTo(200);
        assertThat(Fixtures.ids(deadLetters.body())).contains(dead.path("id").asString());
        assertThat(staff.api().get(path + "?callbackId=" + callback).json("/items")).isEmpty();
        var refused = staff.api().get(path + "?status=DEAD");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void twoWorkersAtOnceSendEachMessageOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            String patient = fx.patient(practice.id(), Fixtures.phone(60 + n), SMS_CONSENT);
            String callback = callbackFor(patient);
            attempt(callback, monday(0, 9, 30), "NO_ANSWER");
            ids.add(UUID.fromString(messagesOf(callback).get(0).path("id").asString()));
        }
        var sender = new FakeSender(0, Duration.ofMillis(50));
        var one = worker(sender, 3);
        var two = worker(sender, 3);
        var start = new CountDownLatch(1);
        threads = Executors.newFixedThreadPool(2);

        List<Future<Integer>> runs = new ArrayList<>();
        for (OutboxWorker worker : List.of(one, two)) {
            runs.add(threads.submit(() -> {
                start.await();
                int claimed = 0;
                for (int handled = worker.sendDue(); handled > 0; handled = worker.sendDue()) {
                    claimed += handled;
                }
                return claimed;
            }));
        }
        start.countDown();
        int claimedByOne = runs.get(0).get(30, TimeUnit.SECONDS);
        int claimedByTwo = runs.get(1).get(30, TimeUnit.SECONDS);

        assertThat(ids).allSatisfy(id -> assertThat(sender.deliveries(id)).as("deliveries of %s", id).isEqualTo(1));
        assertThat(ids).allSatisfy(id -> assertThat(sender.calls.get(id).get()).isEqualTo(1));
        assertThat(claimedByOne).isPositive();
        assertThat(claimedByTwo).isPositive();
        var sent = manager.api().get("/api/v1/practices/" + practice.id() + "/messages?status=SENT");
        assertThat(Fixtures.ids(sent.body())).containsAll(ids.stream().map(UUID::toString).toList());
    }

    @Test
    void theMessagesApiFiltersByStatusRefusesBadFiltersAndKeepsPracticesApart() {
        String consented = fx.patient(practice.id(), Fixtures.phone(48), SMS_CONSENT);
        String refusing = fx.patient(practice.id(), Fixtures.phone(49));
        attempt(callbackFor(consented), monday(0, 9, 30), "NO_ANSWER");
        attempt(callbackFor(refusing), monday(0, 9, 40), "NO_ANSWER");
        String path = "/api/v1/practices/" + practice.id() + "/messages";

        var queued = staff.api().get(path + "?status=QUEUED");
        assertThat(queued.status()).isEqualTo(200);
        assertThat(queued.json("/items")).singleElement().satisfies(m -> assertThat(m.path("patientId").asString()).isEqualTo(consented));
        var suppressed = staff.api().get(path + "?status=SUPPRESSED");
        assertThat(suppressed.json("/items")).singleElement().satisfies(m -> assertThat(m.path("patientId").asString()).isEqualTo(refusing));
        var all = manager.api().get(path);
        // Still JSON: the Twilio SDK's Jackson 2 on the classpath must not change what the API speaks.
        assertThat(all.contentType()).startsWith("application/json");
        assertThat(all.json("/items")).hasSize(2);
        assertThat(Fixtures.absent(all.json("/next"))).isTrue();

        var onePage = manager.api().get(path + "?limit=1");
        assertThat(onePage.json("/items")).hasSize(1);
        var nextPage = manager.api().get(path + "?limit=1&after=" + onePage.text("/next"));
        assertThat(nextPage.json("/items")).hasSize(1);
        assertThat(nextPage.text("/items/0/id")).isNotEqualTo(onePage.text("/items/0/id"));

        for (String bad : List.of("?status=LOST", "?status=queued", "?limit=0", "?limit=5000", "?after=abc", "?callbackId=nope")) {
            var refused = manager.api().get(path + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(Fixtures.errorFields(manager.api().get(path + "?status=LOST"))).containsExactly("status");

        var other = fx.practice();
        var otherManager = fx.manager(other.id());
        var notFound = otherManager.api().get(path);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(otherManager.api().get("/api/v1/practices/" + other.id() + "/messages").json("/items")).isEmpty();
        assertThat(Api.anonymous(port).get(path).status()).isEqualTo(401);

        // The listing shows numbers and texts: it is in the audit trail.
        var trail = manager.api().get("/api/v1/practices/" + practice.id() + "/audit?subjectType=message");
        assertThat(trail.json("/items").findValuesAsString("action")).contains("LIST", "CREATE");
    }

    @Test
    void staffCanQueueTheApprovedAppointmentLinkText() {
        String patient = fx.patient(practice.id(), Fixtures.phone(50), SMS_CONSENT);
        String callback = callbackFor(patient);
        String path = "/api/v1/callbacks/" + callback + "/messages/appointment-link";

        var queued = staff.api().post(path, "{\"link\": \"https://book.example.org/lakeside?slot=abc\"}");

        assertThat(queued.status()).as(queued.raw()).isEqualTo(201);
        assertThat(queued.text("/kind")).isEqualTo("APPOINTMENT_LINK");
        assertThat(queued.text("/status")).isEqualTo("QUEUED");
        assertThat(queued.json("/automatic").asBoolean()).isFalse();
        assertThat(queued.text("/text")).isEqualTo("Hello Maria, this is " + practice.name()
                + ". You can choose a time that suits you here: https://book.example.org/lakeside?slot=abc If you have questions,"
                + " call us at our main number.");
        for (String bad : List.of("{\"link\": \"http://book.example.org\"}", "{\"link\": \"javascript:alert(1)\"}", "{}")) {
            var refused = staff.api().post(path, bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
        }
        var other = fx.manager(fx.practice().id());
        assertThat(other.api().post(path, "{\"link\": \"https://book.example.org\"}").status()).isEqualTo(404);
    }

    @Test
    void consentWithdrawnBeforeSendingStopsTheTextAtSendTime() {
        String patient = fx.patient(practice.id(), Fixtures.phone(51), SMS_CONSENT);
        String callback = callbackFor(patient);
        attempt(callback, monday(0, 17, 30), "NO_ANSWER");
        UUID id = UUID.fromString(messagesOf(callback).get(0).path("id").asString());
        // The patient says "no texts" that evening (Ringback has no consent-editing API yet: as an EHR sync would).
        jdbc.sql("update patient set consent_sms = false where practice_id = :practiceId and id = :id")
                .param("practiceId", UUID.fromString(practice.id())).param("id", UUID.fromString(patient)).update();

        var sender = new FakeSender(0, Duration.ZERO);
        clock.set(monday(1, 8, 5));
        worker(sender, 50).sendDue();

        assertThat(sender.calls).doesNotContainKey(id);
        JsonNode suppressed = messagesOf(callback).get(0);
        assertThat(suppressed.path("status").asString()).isEqualTo("SUPPRESSED");
        assertThat(suppressed.path("reason").asString()).isEqualTo("NO_SMS_CONSENT");
    }
}

package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The clocks over real HTTP and PostgreSQL, in a New York practice open Mon–Fri 08:00–17:00 (9 business hours a
 * day) with US holidays; items received Monday 2026-11-23 09:00 EST (14:00Z). GENERAL_QUESTION: first attempt by
 * the next business day's close, resolved within 16 business hours.
 */
@IntegrationTest
class SlaClockIntegrationTest {

    private static final String GENERAL_QUESTION = Api.json("""
            {'name': 'General question', 'queue': 'FRONT_DESK', 'responseWindow': {'kind': 'WITHIN', 'duration': 'PT2H'},
             'resolutionTarget': 'PT4H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
             'closureOutcomes': ['QUESTION_ANSWERED']}""");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    EscalationSweep sweep;

    Fixtures fx;
    Api admin;
    Fixtures.Practice practice;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        admin = Api.admin(port);
        practice = fx.practice();
    }

    private String create(String category, int phone) {
        return fx.aCallback(practice.id()).inCategory(category).fromCaller(Fixtures.phone(phone), "Caller").create().get("id").asString();
    }

    private JsonNode get(String id) {
        var response = admin.get("/api/v1/callbacks/" + id);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private Api.Response act(String id, String action, String body) {
        return admin.post("/api/v1/callbacks/" + id + "/" + action, body);
    }

    private static Instant instant(JsonNode node, String pointer) {
        return Instant.parse(node.at(pointer).asString());
    }

    private static List<String> timeline(JsonNode callback) {
        List<String> types = new ArrayList<>();
        callback.at("/timeline").forEach(event -> types.add(event.path("type").asString()));
        return types;
    }

    private static JsonNode lastEvent(JsonNode callback, String type) {
        JsonNode found = null;
        for (JsonNode event : callback.at("/timeline")) {
            if (event.path("type").asString().equals(type)) {
                found = event;
            }
        }
        assertThat(found).as("a " + type + " event").isNotNull();
        return found;
    }

    private static List<String> clockEvents(JsonNode callback) {
        List<String> events = new ArrayList<>();
        callback.at("/clocks/events").forEach(event -> events.add(event.path("clock").asString() + " " + event.path("type").asString()));
        return events;
    }

    @Test
    void waitingOnThePatientThenResumingMovesTheResolutionDueTimeByExactlyThePausedBusinessTime() {
        String id = create("GENERAL_QUESTION", 71);
        // Mon 09:00 + 16 business hours: Mon 09–17 (8h), Tue 08:00 + 8h = Tue 16:00 EST = 21:00Z.
        JsonNode received = get(id);
        assertThat(instant(received, "/resolutionDueAt")).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(instant(received, "/clocks/resolution/dueAt")).isEqualTo(Instant.parse("2026-11-24T21:00:00Z"));
        assertThat(clockEvents(received)).containsExactly("FIRST_ATTEMPT STARTED", "RESOLUTION STARTED");

        clock.set(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(act(id, "wait", Api.json("{'on': 'PATIENT', 'note': 'checking her calendar'}")).status()).isEqualTo(200);
        clock.set(Instant.parse("2026-11-23T20:00:00Z"));
        JsonNode waiting = get(id);
        assertThat(waiting.at("/clocks/resolution/paused").asBoolean()).isTrue();
        assertThat(waiting.at("/clocks/resolution/pausedMinutes").asLong()).as("Mon 10:00–15:00").isEqualTo(5 * 60);
        assertThat(waiting.at("/clocks/firstAttempt/paused").asBoolean()).as("waiting on the patient pauses only resolution").isFalse();

        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        JsonNode resumed = act(id, "resume", "{}").body();

        // Paused Mon 10:00–17:00 (7h) + Tue 08:00–10:00 (2h) = 9 business hours: Tue 16:00 + 9h = Wed 16:00 EST = 21:00Z.
        assertThat(instant(resumed, "/resolutionDueAt")).isEqualTo(Instant.parse("2026-11-25T21:00:00Z"));
        assertThat(resumed.at("/clocks/resolution/pausedMinutes").asLong()).isEqualTo(9 * 60);
        assertThat(resumed.at("/clocks/resolution/paused").asBoolean()).isFalse();
        // At Tue 10:00: Mon 09–10 and Tue 10:00 itself ran: 1 business hour elapsed.
        assertThat(resumed.at("/clocks/resolution/elapsedMinutes").asLong()).isEqualTo(60);
        assertThat(resumed.at("/clocks/resolution/minutesOverTarget").asLong()).isEqualTo(-15 * 60);
        assertThat(clockEvents(resumed)).endsWith("RESOLUTION PAUSED", "RESOLUTION RESUMED");
        assertThat(lastEvent(resumed, "WAITING_STARTED").at("/detail/resolutionClock").asString()).isEqualTo("PAUSED");
        assertThat(lastEvent(resumed, "RESUMED").at("/detail/pausedMinutes").asString()).isEqualTo("540");
    }

    @Test
    void changingACategorysWindowRecomputesOpenItemsAndLeavesClosedOnesAlone() {
        String open = create("GENERAL_QUESTION", 72);
        String closed = create("GENERAL_QUESTION", 73);
        String otherCategory = create("BILLING", 74);
        clock.set(Instant.parse("2026-11-23T14:30:00Z"));
        var closing = act(closed, "close", Api.json("{'outcome': 'DUPLICATE', 'version': %d}", get(closed).path("version").asInt()));
        assertThat(closing.status()).as(closing.raw()).isEqualTo(200);
        JsonNode closedBefore = get(closed);
        JsonNode otherBefore = get(otherCategory);
        // By the next business day's close: Tue 17:00 EST = 22:00Z.
        assertThat(instant(get(open), "/firstAttemptDueAt")).isEqualTo(Instant.parse("2026-11-24T22:00:00Z"));

        var changed = admin.put("/api/v1/practices/" + practice.id() + "/categories/GENERAL_QUESTION", GENERAL_QUESTION);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        JsonNode recomputed = get(open);
        // Mon 09:00 + 2 business hours = 11:00 EST = 16:00Z; + 4 = 13:00 EST = 18:00Z.
        assertThat(instant(recomputed, "/firstAttemptDueAt")).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(instant(recomputed, "/nextActionAt")).as("the first call follows its due time").isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
        assertThat(instant(recomputed, "/resolutionDueAt")).isEqualTo(Instant.parse("2026-11-23T18:00:00Z"));
        assertThat(recomputed.at("/clocks/firstAttempt/target").asString()).isEqualTo("WITHIN PT2H");
        assertThat(timeline(recomputed)).endsWith("DUE_TIMES_RECOMPUTED");
        assertThat(clockEvents(recomputed)).endsWith("FIRST_ATTEMPT STARTED", "RESOLUTION STARTED");

        // The board reads the recomputed cache.
        var board = admin.get("/api/v1/practices/" + practice.id() + "/callbacks?category=GENERAL_QUESTION");
        assertThat(board.json("/items/0/id").asString()).isEqualTo(open);
        assertThat(Instant.parse(board.json("/items/0/firstAttemptDueAt").asString())).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));

        JsonNode closedAfter = get(closed);
        assertThat(closedAfter.path("version").asInt()).isEqualTo(closedBefore.path("version").asInt());
        assertThat(closedAfter.path("firstAttemptDueAt")).isEqualTo(closedBefore.path("firstAttemptDueAt"));
        assertThat(closedAfter.path("resolutionDueAt")).isEqualTo(closedBefore.path("resolutionDueAt"));
        assertThat(get(otherCategory).path("version").asInt()).as("another category is not touched").isEqualTo(otherBefore.path("version").asInt());
    }

    @Test
    void changingThePracticesHoursRecomputesOpenItemsWithoutLosingPausedTime() {
        String id = create("GENERAL_QUESTION", 75);
        clock.set(Instant.parse("2026-11-23T15:00:00Z"));
        assertThat(act(id, "wait", Api.json("{'on': 'PATIENT'}")).status()).isEqualTo(200);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        assertThat(act(id, "resume", "{}").status()).isEqualTo(200);
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));

        var changed = admin.put("/api/v1/practices/" + practice.id() + "/calendar", Api.json("""
                {'holidayCalendar': 'US', 'closures': [], 'businessHours': {
                 'MONDAY': [{'start': '08:00', 'end': '18:00'}], 'TUESDAY': [{'start': '08:00', 'end': '18:00'}],
                 'WEDNESDAY': [{'start': '08:00', 'end': '18:00'}], 'THURSDAY': [{'start': '08:00', 'end': '18:00'}],
                 'FRIDAY': [{'start': '08:00', 'end': '18:00'}]}}"""));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.json("/businessHours/MONDAY/0/end").asString()).isEqualTo("18:00");

        JsonNode recomputed = get(id);
        // The same pause in the new hours: Mon 10–18 (8h) + Tue 08–10 (2h) = 10h. Mon 09:00 + 16h + 10h = 26h:
        // Mon 09–18 (9h), Tue 08–18 (10h), Wed 08:00 + 7h = Wed 15:00 EST = 20:00Z.
        assertThat(recomputed.at("/clocks/resolution/pausedMinutes").asLong()).isEqualTo(10 * 60);
        assertThat(instant(recomputed, "/resolutionDueAt")).isEqualTo(Instant.parse("2026-11-25T20:00:00Z"));
        // First attempt by the next business day's close, now 18:00: Tue 18:00 EST = 23:00Z.
        assertThat(instant(recomputed, "/firstAttemptDueAt")).isEqualTo(Instant.parse("2026-11-24T23:00:00Z"));
        assertThat(timeline(recomputed)).endsWith("DUE_TIMES_RECOMPUTED");
    }

    @Test
    void aBreachIsRecordedOnceAndShownInTheTimeline() {
        // TELEHEALTH_ACCESS: first attempt within one business hour, due Mon 10:00 EST.
        String id = create("TELEHEALTH_ACCESS", 76);
        clock.set(Instant.parse("2026-11-23T15:01:00Z"));

        sweep.sweep();
        sweep.sweep();

        JsonNode breached = get(id);
        assertThat(timeline(breached).stream().filter("SLA_BREACHED"::equals)).hasSize(1);
        assertThat(lastEvent(breached, "SLA_BREACHED").at("/detail/clock").asString()).isEqualTo("FIRST_ATTEMPT");
        assertThat(timeline(breached).indexOf("SLA_BREACHED")).isLessThan(timeline(breached).indexOf("ESCALATED"));
        assertThat(clockEvents(breached)).containsOnlyOnce("FIRST_ATTEMPT BREACHED");
        assertThat(breached.at("/clocks/firstAttempt/breached").asBoolean()).isTrue();
        assertThat(breached.at("/clocks/firstAttempt/minutesOverTarget").asLong()).isEqualTo(1);
        assertThat(breached.at("/clocks/resolution/breached").asBoolean()).isFalse();
    }

    @Test
    void anInternalWaitWithoutAFollowUpDateIsRefusedWithA400() {
        String id = create("GENERAL_QUESTION", 77);

        var refused = act(id, "wait", Api.json("{'on': 'INSURANCE_VERIFICATION', 'note': 'payer portal down'}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(Fixtures.errorFields(refused)).containsExactly("expectedBy");
        assertThat(refused.text("/detail")).contains("expectedBy");
        assertThat(act(id, "wait", Api.json("{'on': 'INSURANCE_VERIFICATION', 'expectedBy': '2026-11-25'}")).status()).isEqualTo(200);
        assertThat(get(id).at("/clocks/resolution/paused").asBoolean()).as("an internal wait keeps the clock running").isFalse();
    }
}

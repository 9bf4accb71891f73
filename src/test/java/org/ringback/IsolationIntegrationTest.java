package org.ringback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;
import static org.ringback.support.Fixtures.ids;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Two practices: a user of practice A sees nothing of practice B, and B's ids answer 404 exactly like unknown ones. */
@IntegrationTest
class IsolationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice a;
    Fixtures.Practice b;
    Fixtures.User staffOfA;
    Fixtures.User managerOfA;
    String patientOfB;
    JsonNode callbackOfB;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        a = fx.practice();
        b = fx.practice();
        staffOfA = fx.staff(a.id());
        managerOfA = fx.manager(a.id());
        patientOfB = fx.patient(b.id(), Fixtures.phone(60));
        callbackOfB = fx.aCallback(b.id()).inCategory("BILLING").forPatient(patientOfB).receivedAt(MONDAY_0900).create();
    }

    @Test
    void practiceOfAnotherPracticeIs404AndNotListed() {
        Api api = staffOfA.api();

        var practice = api.get("/api/v1/practices/" + b.id());
        assertThat(practice.status()).isEqualTo(404);
        assertThat(practice.contentType()).startsWith("application/problem+json");
        assertThat(practice.raw()).doesNotContain(b.name());
        assertThat(api.get("/api/v1/practices/" + b.id() + "/categories").status()).isEqualTo(404);
        assertThat(ids(api.get("/api/v1/practices").body())).containsExactly(a.id());
        assertThat(api.get("/api/v1/me").raw()).doesNotContain(b.id());
    }

    @Test
    void patientsOfAnotherPracticeAre404() {
        Api api = staffOfA.api();

        assertThat(api.get("/api/v1/practices/" + b.id() + "/patients/" + patientOfB).status()).isEqualTo(404);
        // Nor through A's path with B's patient id.
        assertThat(api.get("/api/v1/practices/" + a.id() + "/patients/" + patientOfB).status()).isEqualTo(404);
        var create = api.post("/api/v1/practices/" + b.id() + "/patients", Api.json("""
                {'displayName': 'Intruder', 'phones': ['+1 617 555 0161'],
                 'consent': {'voicemail': true, 'detailedVoicemail': false, 'sms': false, 'portal': false, 'email': false}}"""));
        assertThat(create.status()).isEqualTo(404);
    }

    @Test
    void boardAndIntakeOfAnotherPracticeAre404() {
        Api api = staffOfA.api();
        int before = fx.admin().get("/api/v1/practices/" + b.id() + "/callbacks").json("/items").size();

        var board = api.get("/api/v1/practices/" + b.id() + "/callbacks");
        assertThat(board.status()).isEqualTo(404);
        assertThat(board.raw()).doesNotContain(callbackOfB.path("id").asString());

        var intake = api.post("/api/v1/practices/" + b.id() + "/callbacks",
                fx.aCallback(b.id()).inCategory("BILLING").fromCaller(Fixtures.phone(62), "Intruder").json());
        assertThat(intake.status()).isEqualTo(404);
        assertThat(fx.admin().get("/api/v1/practices/" + b.id() + "/callbacks").json("/items").size()).isEqualTo(before);
    }

    @Test
    void anotherPracticesPatientCannotBeUsedInOwnIntake() {
        var response = fx.aCallback(a.id()).inCategory("BILLING").forPatient(patientOfB).postAs(staffOfA.api());

        assertThat(response.status()).as(response.raw()).isBetween(400, 499);
        assertThat(response.raw()).doesNotContain("Maria Lopez");
        assertThat(fx.admin().get("/api/v1/practices/" + a.id() + "/callbacks").json("/items")).isEmpty();
    }

    @Test
    void callbackOfAnotherPracticeIs404ForReadsAndEveryAction() {
        Api api = staffOfA.api();
        String id = callbackOfB.path("id").asString();
        int version = callbackOfB.path("version").asInt();
        clock.set(Instant.parse("2026-11-23T14:30:00Z"));

        var read = api.get("/api/v1/callbacks/" + id);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.raw()).doesNotContain(patientOfB);

        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '2026-11-23T14:30:00Z', 'result': 'NO_ANSWER', 'nextAction': 'retry'}"));
        actions.put("assign", Api.json("{'queue': 'FRONT_DESK', 'owner': '%s'}", staffOfA.username()));
        actions.put("wait", Api.json("{'on': 'PATIENT', 'note': 'x'}"));
        actions.put("resume", "{}");
        actions.put("close", Api.json("{'outcome': 'EXPLANATION_PROVIDED', 'version': %d}", version));
        actions.put("escalate", Api.json("{'reason': 'x'}"));
        actions.put("urgency", Api.json("{'urgency': 'SAME_DAY', 'reason': 'x'}"));
        actions.put("next-step", Api.json("{'note': 'x'}"));
        actions.forEach((action, body) -> {
            var response = api.post("/api/v1/callbacks/" + id + "/" + action, body);
            assertThat(response.status()).as(action + ": " + response.raw()).isEqualTo(404);
        });

        JsonNode after = fx.admin().get("/api/v1/callbacks/" + id).body();
        assertThat(after.path("version").asInt()).isEqualTo(version);
        assertThat(after.path("status").asString()).isEqualTo("NEW");
        assertThat(after.path("attemptCount").asInt()).isZero();
        assertThat(after.path("escalationLevel").asInt()).isZero();
    }

    @Test
    void managerOfOnePracticeCannotTouchAnothersCategoriesOrUsers() {
        Api api = managerOfA.api();

        var category = api.put("/api/v1/practices/" + b.id() + "/categories/BILLING", Api.json("""
                {'name': 'Billing', 'queue': 'BILLING', 'responseWindow': {'kind': 'WITHIN', 'duration': 'PT1H'},
                 'resolutionTarget': 'PT24H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
                 'closureOutcomes': ['EXPLANATION_PROVIDED'], 'requiredFields': [], 'clinical': false, 'referralSensitive': false}"""));
        assertThat(category.status()).isEqualTo(404);

        var user = api.post("/api/v1/users", Api.json(
                "{'username': '%s', 'password': 'a-long-passphrase', 'displayName': 'X', 'roles': ['STAFF'], 'practiceIds': ['%s']}",
                Fixtures.unique("mole").toLowerCase(), b.id()));
        assertThat(user.status()).isIn(403, 404);
    }

    @Test
    void ownerFromAnotherPracticeCannotBeAssigned() {
        JsonNode own = fx.aCallback(a.id()).inCategory("BILLING").fromCaller(Fixtures.phone(63), "Al").receivedAt(MONDAY_0900).create();
        var userOfB = fx.staff(b.id());

        var response = staffOfA.api().post("/api/v1/callbacks/" + own.path("id").asString() + "/assign",
                Api.json("{'owner': '%s'}", userOfB.username()));

        assertThat(response.status()).isEqualTo(422);
    }

    @Test
    void samePhoneInTwoPracticesIsNotARepeatCallAcrossThem() {
        var inA = fx.aCallback(a.id()).inCategory("BILLING").fromCaller(Fixtures.phone(60), "Maria").postAs(staffOfA.api());

        assertThat(inA.status()).as(inA.raw()).isEqualTo(201);
        assertThat(inA.text("/id")).isNotEqualTo(callbackOfB.path("id").asString());
        assertThat(inA.text("/practiceId")).isEqualTo(a.id());
        assertThat(Fixtures.absent(inA.json("/patientId"))).isTrue();
    }

    @Test
    void idempotencyKeysAreScopedToAPractice() {
        String key = Fixtures.unique("CA-shared");
        var inB = fx.aCallback(b.id()).inCategory("RECORDS_REQUEST").fromCaller(Fixtures.phone(64), "Jo").idempotencyKey(key)
                .postAs(fx.admin());
        assertThat(inB.status()).isEqualTo(201);

        var inA = fx.aCallback(a.id()).inCategory("RECORDS_REQUEST").fromCaller(Fixtures.phone(64), "Jo").idempotencyKey(key)
                .postAs(staffOfA.api());

        assertThat(inA.status()).as(inA.raw()).isEqualTo(201);
        assertThat(inA.text("/practiceId")).isEqualTo(a.id());
        assertThat(inA.text("/id")).isNotEqualTo(inB.text("/id"));
    }
}

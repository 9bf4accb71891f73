package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;
import static org.ringback.support.Fixtures.errorFields;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every workflow action refused as API.md says: 400 malformed, 403 role, 404 unknown, 409 state or version, 422 rule. */
@IntegrationTest
class CallbackRefusalIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
    }

    private static Instant monday(int hour, int minute) {
        return Instant.parse("2026-11-23T%02d:%02d:00Z".formatted(hour + 5, minute));
    }

    private Api.Response act(String id, String action, String json) {
        return staff.api().post("/api/v1/callbacks/" + id + "/" + action, json);
    }

    private JsonNode created(String category, int phone) {
        return fx.aCallback(practice.id()).inCategory(category).fromCaller(Fixtures.phone(phone), "Ann Lee").receivedAt(MONDAY_0900).create();
    }

    private JsonNode read(String id) {
        var response = staff.api().get("/api/v1/callbacks/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    @Test
    void unknownCallbackIs404AndMalformedIdIs400() {
        String unknown = "/api/v1/callbacks/00000000-0000-0000-0000-000000000000";
        assertThat(staff.api().get(unknown).status()).isEqualTo(404);
        assertThat(staff.api().get(unknown).contentType()).startsWith("application/problem+json");
        assertThat(staff.api().post(unknown + "/escalate", Api.json("{'reason': 'x'}")).status()).isEqualTo(404);

        var malformed = staff.api().get("/api/v1/callbacks/not-a-uuid");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(staff.api().post("/api/v1/callbacks/42/attempts", "{}").status()).isEqualTo(400);
    }

    @Test
    void failedAttemptWithoutANextActionIsRefused() {
        String id = created("BILLING", 70).path("id").asString();
        clock.set(monday(9, 30));

        var missing = act(id, "attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'NO_ANSWER'}", monday(9, 30)));
        var blank = act(id, "attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'BUSY', 'nextAction': '   '}", monday(9, 30)));

        assertThat(missing.status()).as(missing.raw()).isEqualTo(422);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(errorFields(missing)).containsExactly("nextAction");
        assertThat(missing.text("/detail")).containsIgnoringCase("next action");
        assertThat(blank.status()).as(blank.raw()).isEqualTo(422);
        assertThat(errorFields(blank)).containsExactly("nextAction");
        assertThat(read(id).path("attemptCount").asInt()).isZero();
        assertThat(read(id).path("status").asString()).isEqualTo("NEW");
    }

    @Test
    void attemptInTheFutureOrBeforeReceiptIsRefused() {
        String id = created("BILLING", 71).path("id").asString();
        clock.set(monday(9, 30));

        var future = act(id, "attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED'}", monday(11, 0)));
        var beforeReceipt = act(id, "attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED'}", monday(8, 0)));

        assertThat(future.status()).as(future.raw()).isEqualTo(422);
        assertThat(errorFields(future)).containsExactly("at");
        assertThat(beforeReceipt.status()).as(beforeReceipt.raw()).isEqualTo(422);
        assertThat(errorFields(beforeReceipt)).containsExactly("at");
        assertThat(read(id).path("attemptCount").asInt()).isZero();
    }

    @Test
    void smsWithoutConsentIsRefused() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(72),
                "{'voicemail': false, 'detailedVoicemail': false, 'sms': false, 'portal': false, 'email': false}");
        String id = fx.aCallback(practice.id()).inCategory("BILLING").forPatient(patientId).receivedAt(MONDAY_0900).create().path("id").asString();
        clock.set(monday(9, 30));

        var sms = act(id, "attempts", Api.json(
                "{'method': 'SMS', 'messageLeft': false, 'at': '%s', 'result': 'MESSAGE_SENT', 'nextAction': 'call later'}", monday(9, 30)));
        var voicemail = act(id, "attempts", Api.json(
                "{'method': 'PHONE', 'at': '%s', 'result': 'LEFT_VOICEMAIL', 'messageLeft': true, 'nextAction': 'call later'}", monday(9, 30)));

        assertThat(sms.status()).as(sms.raw()).isEqualTo(422);
        assertThat(sms.text("/detail")).containsIgnoringCase("consent");
        assertThat(voicemail.status()).as(voicemail.raw()).isEqualTo(422);
        assertThat(read(id).path("attemptCount").asInt()).isZero();
    }

    @Test
    void unknownCallerHasNoSmsConsent() {
        String id = created("BILLING", 73).path("id").asString();
        clock.set(monday(9, 30));

        var sms = act(id, "attempts", Api.json(
                "{'method': 'SMS', 'messageLeft': false, 'at': '%s', 'result': 'MESSAGE_SENT', 'nextAction': 'call later'}", monday(9, 30)));

        assertThat(sms.status()).as(sms.raw()).isEqualTo(422);
    }

    @Test
    void malformedAttemptsAre400() {
        String id = created("BILLING", 74).path("id").asString();
        clock.set(monday(9, 30));

        var unknownResult = act(id, "attempts", Api.json(
                "{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'CALLED', 'nextAction': 'x'}", monday(9, 30)));
        var unknownMethod = act(id, "attempts", Api.json(
                "{'method': 'FAX', 'messageLeft': false, 'at': '%s', 'result': 'NO_ANSWER', 'nextAction': 'x'}", monday(9, 30)));
        var missingAt = act(id, "attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'result': 'NO_ANSWER', 'nextAction': 'x'}"));
        var notJson = act(id, "attempts", "{method: PHONE");

        assertThat(unknownResult.status()).as(unknownResult.raw()).isEqualTo(400);
        assertThat(errorFields(unknownResult)).containsExactly("result");
        assertThat(unknownMethod.status()).as(unknownMethod.raw()).isEqualTo(400);
        assertThat(errorFields(unknownMethod)).containsExactly("method");
        assertThat(missingAt.status()).as(missingAt.raw()).isEqualTo(400);
        assertThat(errorFields(missingAt)).containsExactly("at");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(read(id).path("attemptCount").asInt()).isZero();
    }

    @Test
    void closeNeedsAVersionAndAStaleVersionIsAConflict() {
        JsonNode created = created("BILLING", 75);
        String id = created.path("id").asString();
        int loaded = created.path("version").asInt();

        var noVersion = act(id, "close", Api.json("{'outcome': 'EXPLANATION_PROVIDED', 'note': 'Explained the bill'}"));
        assertThat(noVersion.status()).as(noVersion.raw()).isEqualTo(400);
        assertThat(errorFields(noVersion)).containsExactly("version");

        assertThat(act(id, "escalate", Api.json("{'reason': 'Changes the version'}")).status()).isEqualTo(200);
        var stale = act(id, "close", Api.json("{'outcome': 'EXPLANATION_PROVIDED', 'note': 'Explained the bill', 'version': %d}", loaded));

        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(read(id).path("status").asString()).isNotEqualTo("CLOSED");
    }

    @Test
    void outcomeTheCategoryDoesNotAllowIs422() {
        JsonNode created = created("APPOINTMENT_REQUEST", 76);

        var response = act(created.path("id").asString(), "close", Api.json(
                "{'outcome': 'EXPLANATION_PROVIDED', 'note': 'x', 'version': %d}", created.path("version").asInt()));

        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(errorFields(response)).containsExactly("outcome");
        assertThat(response.text("/detail")).contains("EXPLANATION_PROVIDED").contains("BOOKED");
        var unknown = act(created.path("id").asString(), "close", Api.json(
                "{'outcome': 'SORTED', 'version': %d}", created.path("version").asInt()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(errorFields(unknown)).containsExactly("outcome");
    }

    @Test
    void bookedAppointmentRequestNeedsTheSchedulingNotes() {
        JsonNode created = created("APPOINTMENT_REQUEST", 77);
        String id = created.path("id").asString();

        var none = act(id, "close", Api.json("{'outcome': 'BOOKED', 'note': 'Booked', 'version': %d}", created.path("version").asInt()));
        assertThat(none.status()).as(none.raw()).isEqualTo(422);
        assertThat(errorFields(none)).containsExactlyInAnyOrder("details.visitType", "details.availability",
                "details.providerPreference", "details.deadline");

        var some = act(id, "close", Api.json("""
                {'outcome': 'BOOKED', 'details': {'visitType': 'follow-up', 'availability': 'mornings', 'providerPreference': ' '},
                 'version': %d}""", created.path("version").asInt()));
        assertThat(some.status()).as(some.raw()).isEqualTo(422);
        assertThat(errorFields(some)).containsExactlyInAnyOrder("details.providerPreference", "details.deadline");
        assertThat(read(id).path("status").asString()).isEqualTo("NEW");

        // An outcome that ends the item without the category's work needs no notes.
        var declined = act(id, "close", Api.json("{'outcome': 'PATIENT_DECLINED', 'version': %d}", created.path("version").asInt()));
        assertThat(declined.status()).as(declined.raw()).isEqualTo(200);
    }

    @Test
    void staffMayNotCloseAClinicalConcern() {
        JsonNode created = fx.aCallback(practice.id()).inCategory("CLINICAL_CONCERN").fromCaller(Fixtures.phone(78), "Al")
                .reason("Question about a new medication").receivedAt(MONDAY_0900).create();

        var response = act(created.path("id").asString(), "close", Api.json(
                "{'outcome': 'ROUTED_FOR_REVIEW', 'note': 'x', 'version': %d}", created.path("version").asInt()));

        assertThat(response.status()).as(response.raw()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(read(created.path("id").asString()).path("status").asString()).isEqualTo("NEW");
    }

    @Test
    void aClosedItemRefusesEveryFurtherChangeWith409() {
        JsonNode created = created("GENERAL_QUESTION", 79);
        String id = created.path("id").asString();
        var closed = act(id, "close", Api.json("{'outcome': 'QUESTION_ANSWERED', 'version': %d}", created.path("version").asInt()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        int version = closed.json("/version").asInt();
        clock.set(monday(9, 30));

        assertThat(act(id, "close", Api.json("{'outcome': 'QUESTION_ANSWERED', 'version': %d}", version)).status()).isEqualTo(409);
        assertThat(act(id, "attempts", Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED'}", monday(9, 30))).status()).isEqualTo(409);
        assertThat(act(id, "escalate", Api.json("{'reason': 'late'}")).status()).isEqualTo(409);
        assertThat(act(id, "wait", Api.json("{'on': 'PATIENT'}")).status()).isEqualTo(409);
        assertThat(act(id, "resume", "{}").status()).isEqualTo(409);
        assertThat(act(id, "assign", Api.json("{'queue': 'BILLING'}")).status()).isEqualTo(409);
        assertThat(act(id, "urgency", Api.json("{'urgency': 'SAME_DAY', 'reason': 'x'}")).status()).isEqualTo(409);
        assertThat(act(id, "next-step", Api.json("{'note': 'x'}")).status()).isEqualTo(409);
        assertThat(read(id).path("version").asInt()).isEqualTo(version);
    }

    @Test
    void resumeWhenNotWaitingIs409AndBadWaitsAreRefused() {
        String id = created("BILLING", 80).path("id").asString();

        var resume = act(id, "resume", "{}");
        assertThat(resume.status()).as(resume.raw()).isEqualTo(409);

        var unknownOn = act(id, "wait", Api.json("{'on': 'GODOT'}"));
        assertThat(unknownOn.status()).isEqualTo(400);
        assertThat(errorFields(unknownOn)).containsExactly("on");
        var missingOn = act(id, "wait", Api.json("{'note': 'x'}"));
        assertThat(missingOn.status()).isEqualTo(400);
        assertThat(errorFields(missingOn)).containsExactly("on");
        var pastDate = act(id, "wait", Api.json("{'on': 'PATIENT', 'expectedBy': '2026-11-01'}"));
        assertThat(pastDate.status()).as(pastDate.raw()).isBetween(400, 499);
        assertThat(errorFields(pastDate)).containsExactly("expectedBy");
        assertThat(read(id).path("status").asString()).isEqualTo("NEW");
    }

    @Test
    void expectedDateBeyondTheCalendarIsRefusedNot500() {
        String id = created("BILLING", 85).path("id").asString();

        var response = act(id, "wait", Api.json("{'on': 'PATIENT', 'expectedBy': '+999999999-12-31'}"));

        assertThat(response.status()).as(response.raw()).isBetween(400, 499);
        assertThat(read(id).path("status").asString()).isEqualTo("NEW");
    }

    @Test
    void assignRefusesAnOwnerWhoDoesNotWorkThePracticeAndEmptyRequests() {
        String id = created("BILLING", 81).path("id").asString();
        var outsider = fx.staff(fx.practice().id());

        var unknownOwner = act(id, "assign", Api.json("{'owner': 'nobody-at-all'}"));
        var otherPracticeOwner = act(id, "assign", Api.json("{'owner': '%s'}", outsider.username()));
        var empty = act(id, "assign", "{}");
        var badQueue = act(id, "assign", Api.json("{'queue': 'front desk'}"));

        assertThat(unknownOwner.status()).as(unknownOwner.raw()).isEqualTo(422);
        assertThat(errorFields(unknownOwner)).containsExactly("owner");
        assertThat(otherPracticeOwner.status()).as(otherPracticeOwner.raw()).isEqualTo(422);
        assertThat(errorFields(otherPracticeOwner)).containsExactly("owner");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(badQueue.status()).isEqualTo(400);
        assertThat(errorFields(badQueue)).containsExactly("queue");
        JsonNode stored = read(id);
        assertThat(stored.path("owner").isNull() || stored.path("owner").isMissingNode()).isTrue();
        assertThat(stored.path("queue").asString()).isEqualTo("BILLING");
    }

    @Test
    void badEscalationsUrgenciesAndRepeatedNextSteps() {
        String id = created("BILLING", 82).path("id").asString();

        assertThat(act(id, "escalate", Api.json("{'reason': '  '}")).status()).isEqualTo(400);
        assertThat(act(id, "escalate", "{}").status()).isEqualTo(400);
        var unknownUrgency = act(id, "urgency", Api.json("{'urgency': 'PANIC', 'reason': 'x'}"));
        assertThat(unknownUrgency.status()).isEqualTo(400);
        assertThat(errorFields(unknownUrgency)).containsExactly("urgency");
        assertThat(act(id, "urgency", Api.json("{'urgency': 'SAME_DAY'}")).status()).isEqualTo(400);
        assertThat(read(id).path("escalationLevel").asInt()).isZero();
        assertThat(read(id).path("urgency").asString()).isEqualTo("ROUTINE");

        clock.set(monday(9, 10));
        assertThat(act(id, "next-step", Api.json("{'note': 'Statement re-sent'}")).status()).isEqualTo(200);
        clock.set(monday(9, 20));
        var again = act(id, "next-step", Api.json("{'note': 'Again'}"));
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(Instant.parse(read(id).at("/stages/nextStepDoneAt").asString())).isEqualTo(monday(9, 10));
    }

    @Test
    void staleVersionOnAnyActionIsAConflict() {
        JsonNode created = created("BILLING", 83);
        String id = created.path("id").asString();
        int loaded = created.path("version").asInt();
        assertThat(act(id, "assign", Api.json("{'queue': 'FRONT_DESK', 'version': %d}", loaded)).status()).isEqualTo(200);

        var stale = act(id, "escalate", Api.json("{'reason': 'late', 'version': %d}", loaded));

        assertThat(stale.status()).as(stale.raw()).isEqualTo(409);
        assertThat(read(id).path("escalationLevel").asInt()).isZero();
    }

    @Test
    void emergencyInANonClinicalCategoryIsClosedOnlyByClinicalStaff() {
        JsonNode created = fx.aCallback(practice.id()).inCategory("BILLING").urgency("EMERGENCY").fromCaller(Fixtures.phone(84), "Al")
                .receivedAt(MONDAY_0900).create();
        assertThat(created.path("queue").asString()).isEqualTo("CLINICAL");
        assertThat(Instant.parse(created.path("firstAttemptDueAt").asString())).isBeforeOrEqualTo(MONDAY_0900.plus(Duration.ofHours(1)));

        var byStaff = act(created.path("id").asString(), "close", Api.json(
                "{'outcome': 'EXPLANATION_PROVIDED', 'version': %d}", created.path("version").asInt()));

        assertThat(byStaff.status()).as(byStaff.raw()).isEqualTo(403);
    }
}

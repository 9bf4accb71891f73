package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;
import static org.ringback.support.Fixtures.absent;
import static org.ringback.support.Fixtures.ids;

import java.time.Duration;
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

/** The callback's life over HTTP: attempts and the ladder, waiting, assignment, escalation, urgency and closure. */
@IntegrationTest
class CallbackWorkflowIntegrationTest {

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

    /** New York local time on Monday 2026-11-23 (EST, UTC-5). */
    private static Instant monday(int hour, int minute) {
        return Instant.parse("2026-11-23T%02d:%02d:00Z".formatted(hour + 5, minute));
    }

    private static Api.Response act(Api api, String id, String action, String json) {
        return api.post("/api/v1/callbacks/" + id + "/" + action, json);
    }

    private Api.Response attempt(String id, Instant at, String result, String nextAction) {
        clock.set(at);
        String next = nextAction == null ? "" : ", 'nextAction': '" + nextAction + "'";
        return act(staff.api(), id, "attempts", Api.json("{'method': 'PHONE', 'at': '%s', 'result': '%s', 'messageLeft': false%s}",
                at, result, next));
    }

    private static Instant instant(Api.Response response, String pointer) {
        return Instant.parse(response.text(pointer));
    }

    private JsonNode appointmentRequest(int phone) {
        return fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").fromCaller(Fixtures.phone(phone), "Ann Lee")
                .receivedAt(MONDAY_0900).create();
    }

    @Test
    void ladderSpreadsAttemptsOverWindowsThenClosesAsUnableToReach() {
        String id = appointmentRequest(50).path("id").asString();

        var first = attempt(id, monday(9, 30), "NO_ANSWER", "try the midday window");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.text("/status")).isEqualTo("IN_PROGRESS");
        assertThat(first.json("/attemptCount").asInt()).isEqualTo(1);
        assertThat(first.text("/attempts/0/result")).isEqualTo("NO_ANSWER");
        assertThat(first.text("/attempts/0/callWindow")).isEqualTo("MORNING");
        assertThat(instant(first, "/stages/firstAttemptAt")).isEqualTo(monday(9, 30));
        assertThat(absent(first.json("/stages/reachedAt"))).isTrue();
        assertThat(first.text("/nextAction")).isEqualTo("try the midday window");
        // 09:30 + PT2H = 11:30, which is open and in MIDDAY, a window not yet tried.
        assertThat(instant(first, "/nextActionAt")).isEqualTo(monday(11, 30));

        clock.set(monday(11, 30));
        var second = act(staff.api(), id, "attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': 'LEFT_VOICEMAIL', 'messageLeft': true, 'script': 'VOICEMAIL',
                 'nextAction': 'try the afternoon window'}""", monday(11, 30)));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        assertThat(second.text("/attempts/1/callWindow")).isEqualTo("MIDDAY");
        assertThat(second.json("/attempts/1/messageLeft").asBoolean()).isTrue();
        assertThat(second.text("/attempts/1/script")).isEqualTo("VOICEMAIL");
        // 11:30 + PT2H = 13:30 is MIDDAY again; the next untried window, AFTERNOON, opens at 14:00.
        assertThat(instant(second, "/nextActionAt")).isEqualTo(monday(14, 0));

        // (A first BUSY would earn a short retry instead of a rung; see DispositionLadderTest.)
        var third = attempt(id, monday(14, 0), "NO_ANSWER", "final message sent");
        assertThat(third.status()).as(third.raw()).isEqualTo(201);
        assertThat(third.text("/status")).isEqualTo("CLOSED");
        assertThat(third.text("/closure/outcome")).isEqualTo("UNABLE_TO_REACH_AFTER_ATTEMPTS");
        assertThat(third.json("/attemptCount").asInt()).isEqualTo(3);
        assertThat(absent(third.json("/nextActionAt"))).isTrue();
        // An attempt is never a resolution.
        assertThat(absent(third.json("/stages/resolvedAt"))).isTrue();

        assertThat(ids(staff.api().get("/api/v1/practices/" + practice.id() + "/callbacks").body())).doesNotContain(id);
        assertThat(ids(staff.api().get("/api/v1/practices/" + practice.id() + "/callbacks?status=CLOSED").body())).contains(id);
    }

    @Test
    void failedAttemptLateInTheDayIsRetriedNextBusinessMorning() {
        String id = appointmentRequest(51).path("id").asString();

        var response = attempt(id, monday(16, 0), "NO_ANSWER", "try tomorrow morning");

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/attempts/0/callWindow")).isEqualTo("AFTERNOON");
        // 18:00 is closed; the first open moment in an untried window is Tuesday 08:00 (MORNING) = 13:00Z.
        assertThat(instant(response, "/nextActionAt")).isEqualTo("2026-11-24T13:00:00Z");
    }

    @Test
    void splitHoursKeepTheNextAttemptOutOfTheLunchBreak() {
        var split = fx.practice(Api.json("""
                {'MONDAY': [{'start': '08:00', 'end': '12:00'}, {'start': '13:00', 'end': '17:00'}],
                 'TUESDAY': [{'start': '08:00', 'end': '12:00'}, {'start': '13:00', 'end': '17:00'}]}"""), "[]");
        String id = fx.aCallback(split.id()).inCategory("BILLING").fromCaller(Fixtures.phone(52), "Al").receivedAt(MONDAY_0900)
                .create().path("id").asString();
        clock.set(monday(10, 0));

        var response = act(fx.admin(), id, "attempts", Api.json(
                "{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'NO_ANSWER', 'nextAction': 'try again after lunch'}", monday(10, 0)));

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        // 10:00 + PT2H = 12:00 is the lunch break; MIDDAY (untried) reopens at 13:00 = 18:00Z.
        assertThat(instant(response, "/nextActionAt")).isEqualTo(monday(13, 0));
    }

    @Test
    void referralStatusEscalatesAfterTheFinalFailedAttemptInsteadOfClosing() {
        String id = fx.aCallback(practice.id()).channel("REFERRAL").inCategory("REFERRAL_STATUS").fromCaller(Fixtures.phone(53), "Al")
                .receivedAt(MONDAY_0900).create().path("id").asString();

        assertThat(attempt(id, monday(9, 30), "NO_ANSWER", "retry").status()).isEqualTo(201);
        assertThat(attempt(id, monday(11, 30), "NO_ANSWER", "retry").status()).isEqualTo(201);
        var third = attempt(id, monday(14, 0), "NO_ANSWER", "escalate to supervisor");

        assertThat(third.status()).as(third.raw()).isEqualTo(201);
        assertThat(third.text("/status")).isNotEqualTo("CLOSED");
        assertThat(absent(third.json("/closure"))).isTrue();
        assertThat(third.json("/escalationLevel").asInt()).isEqualTo(1);
        assertThat(absent(third.json("/nextActionAt"))).isFalse();
        assertThat(ids(staff.api().get("/api/v1/practices/" + practice.id() + "/callbacks").body())).contains(id);
        assertThat(timelineTypes(staff.api().get("/api/v1/callbacks/" + id))).contains("ESCALATED");
    }

    @Test
    void clinicalConcernEscalatesAfterTheFinalFailedAttemptAndRespectsItsLadderGap() {
        var clinician = fx.clinical(practice.id());
        String id = fx.aCallback(practice.id()).inCategory("CLINICAL_CONCERN").urgency("CLINICAL").fromCaller(Fixtures.phone(54), "Al")
                .reason("Question about a new medication").receivedAt(MONDAY_0900).create().path("id").asString();
        Duration minGap = Duration.parse(category("CLINICAL_CONCERN").at("/ladder/minGap").asString());

        clock.set(monday(9, 5));
        var first = act(clinician.api(), id, "attempts", Api.json(
                "{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'NO_ANSWER', 'nextAction': 'retry'}", monday(9, 5)));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Instant next = instant(first, "/nextActionAt");
        assertThat(next).isAfterOrEqualTo(monday(9, 5).plus(minGap)).isBefore(monday(17, 0));

        clock.set(next);
        assertThat(act(clinician.api(), id, "attempts", Api.json(
                "{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'NO_ANSWER', 'nextAction': 'retry'}", next)).status()).isEqualTo(201);
        clock.set(monday(13, 0));
        var third = act(clinician.api(), id, "attempts", Api.json(
                "{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'DISCONNECTED', 'nextAction': 'escalate'}", monday(13, 0)));

        assertThat(third.status()).as(third.raw()).isEqualTo(201);
        assertThat(third.text("/status")).isNotEqualTo("CLOSED");
        assertThat(third.json("/escalationLevel").asInt()).isEqualTo(1);
    }

    @Test
    void reachedPatientThenNextStepThenBookedClosure() {
        String id = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").fromCaller(Fixtures.phone(55), "Ann")
                .details("{'visitType': 'follow-up'}").receivedAt(MONDAY_0900).create().path("id").asString();

        clock.set(monday(9, 45));
        var reached = act(staff.api(), id, "attempts", Api.json("""
                {'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED', 'script': 'OPENING',
                 'patientResponse': 'Prefers Thursday mornings', 'nextAction': 'book with Dr. Patel'}""", monday(9, 45)));
        assertThat(reached.status()).as(reached.raw()).isEqualTo(201);
        assertThat(instant(reached, "/stages/reachedAt")).isEqualTo(monday(9, 45));
        assertThat(instant(reached, "/stages/firstAttemptAt")).isEqualTo(monday(9, 45));
        assertThat(reached.text("/attempts/0/patientResponse")).isEqualTo("Prefers Thursday mornings");
        assertThat(reached.text("/status")).isEqualTo("IN_PROGRESS");
        assertThat(absent(reached.json("/stages/resolvedAt"))).isTrue();

        clock.set(monday(10, 0));
        var nextStep = act(staff.api(), id, "next-step", Api.json("{'note': 'Slot held for Thursday 9:00'}"));
        assertThat(nextStep.status()).as(nextStep.raw()).isEqualTo(200);
        assertThat(instant(nextStep, "/stages/nextStepDoneAt")).isEqualTo(monday(10, 0));
        assertThat(nextStep.text("/status")).isNotEqualTo("CLOSED");

        clock.set(monday(10, 5));
        var closed = act(staff.api(), id, "close", Api.json("""
                {'outcome': 'BOOKED', 'note': 'Booked Thursday 09:00',
                 'details': {'availability': 'Thursday mornings', 'providerPreference': 'Dr. Patel', 'deadline': '2026-11-27'},
                 'version': %d}""", nextStep.json("/version").asInt()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(closed.text("/closure/outcome")).isEqualTo("BOOKED");
        assertThat(closed.text("/closure/note")).isEqualTo("Booked Thursday 09:00");
        assertThat(closed.text("/closure/closedBy")).isEqualTo(staff.username());
        assertThat(instant(closed, "/closure/closedAt")).isEqualTo(monday(10, 5));
        assertThat(instant(closed, "/stages/resolvedAt")).isEqualTo(monday(10, 5));
        assertThat(closed.text("/details/visitType")).isEqualTo("follow-up");
        assertThat(closed.text("/details/providerPreference")).isEqualTo("Dr. Patel");
        assertThat(timelineTypes(closed)).contains("ATTEMPT_RECORDED", "NEXT_STEP_DONE", "CLOSED");
    }

    @Test
    void attemptWithoutTheOptionalFieldsIsAccepted() {
        String id = appointmentRequest(63).path("id").asString();
        clock.set(monday(9, 20));

        // Nothing in API.md makes messageLeft required, and a call that reached the patient leaves no message.
        var reached = act(staff.api(), id, "attempts", Api.json("{'method': 'PHONE', 'at': '%s', 'result': 'REACHED'}", monday(9, 20)));

        assertThat(reached.status()).as(reached.raw()).isEqualTo(201);
        assertThat(reached.json("/attempts/0/messageLeft").asBoolean()).isFalse();
        assertThat(instant(reached, "/stages/reachedAt")).isEqualTo(monday(9, 20));
    }

    @Test
    void smsAttemptWithConsentIsRecorded() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(56),
                "{'voicemail': true, 'detailedVoicemail': false, 'sms': true, 'portal': false, 'email': false}");
        String id = fx.aCallback(practice.id()).inCategory("BILLING").forPatient(patientId).receivedAt(MONDAY_0900).create().path("id").asString();
        clock.set(monday(9, 15));

        var response = act(staff.api(), id, "attempts", Api.json(
                "{'method': 'SMS', 'messageLeft': false, 'at': '%s', 'result': 'MESSAGE_SENT', 'script': 'TEXT', 'nextAction': 'call back after the text'}",
                monday(9, 15)));

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/attempts/0/method")).isEqualTo("SMS");
        assertThat(response.text("/attempts/0/result")).isEqualTo("MESSAGE_SENT");
    }

    @Test
    void waitingOnThePatientPausesTheResolutionClockAndResumingPushesItOut() {
        JsonNode created = appointmentRequest(57);
        String id = created.path("id").asString();
        assertThat(Instant.parse(created.path("resolutionDueAt").asString())).isEqualTo("2026-11-24T21:00:00Z");

        clock.set(monday(10, 0));
        var waiting = act(staff.api(), id, "wait", Api.json("{'on': 'PATIENT', 'note': 'Checking her work schedule', 'expectedBy': '2026-11-25'}"));
        assertThat(waiting.status()).as(waiting.raw()).isEqualTo(200);
        assertThat(waiting.text("/status")).isEqualTo("WAITING_ON_PATIENT");
        assertThat(waiting.text("/resolutionClock")).isEqualTo("PAUSED");
        assertThat(waiting.text("/waitingOn/on")).isEqualTo("PATIENT");
        assertThat(waiting.text("/waitingOn/note")).isEqualTo("Checking her work schedule");
        assertThat(waiting.text("/waitingOn/expectedBy")).isEqualTo("2026-11-25");
        // The follow-up is on the expected day, in business hours (Wednesday 08:00-17:00 = 13:00Z-22:00Z).
        assertThat(instant(waiting, "/nextActionAt")).isAfterOrEqualTo("2026-11-25T13:00:00Z").isBefore("2026-11-25T22:00:00Z");
        var onBoard = staff.api().get("/api/v1/practices/" + practice.id() + "/callbacks?status=WAITING_ON_PATIENT");
        assertThat(ids(onBoard.body())).containsExactly(id);

        clock.set(monday(12, 0));
        var resumed = act(staff.api(), id, "resume", "{}");
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.text("/status")).isIn("NEW", "IN_PROGRESS");
        assertThat(resumed.text("/resolutionClock")).isEqualTo("RUNNING");
        assertThat(absent(resumed.json("/waitingOn"))).isTrue();
        // Paused for two business hours: PT16H + PT2H from Monday 09:00 = Wednesday 09:00 = 14:00Z.
        assertThat(instant(resumed, "/resolutionDueAt")).isEqualTo("2026-11-25T14:00:00Z");
    }

    @Test
    void waitingOnSomethingInternalKeepsTheResolutionClockRunning() {
        JsonNode created = fx.aCallback(practice.id()).channel("REFERRAL").inCategory("REFERRAL_STATUS").fromCaller(Fixtures.phone(58), "Al")
                .receivedAt(MONDAY_0900).create();
        String id = created.path("id").asString();
        clock.set(monday(10, 0));

        var waiting = act(staff.api(), id, "wait", Api.json("{'on': 'REFERRAL_DOCUMENTS', 'note': 'Fax from cardiology pending', 'expectedBy': '2026-11-24'}"));

        assertThat(waiting.status()).as(waiting.raw()).isEqualTo(200);
        assertThat(waiting.text("/status")).isEqualTo("WAITING_ON_INTERNAL");
        assertThat(waiting.text("/resolutionClock")).isEqualTo("RUNNING");
        assertThat(waiting.text("/waitingOn/on")).isEqualTo("REFERRAL_DOCUMENTS");
        assertThat(waiting.text("/resolutionDueAt")).isEqualTo(created.path("resolutionDueAt").asString());

        clock.set(monday(11, 0));
        var resumed = act(staff.api(), id, "resume", "{}");
        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.text("/resolutionDueAt")).isEqualTo(created.path("resolutionDueAt").asString());
    }

    @Test
    void assignToAQueueAndAnOwnerOfThePractice() {
        String id = appointmentRequest(59).path("id").asString();
        var colleague = fx.staff(practice.id());

        var assigned = act(staff.api(), id, "assign", Api.json("{'queue': 'FRONT_DESK', 'owner': '%s'}", colleague.username()));

        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.text("/queue")).isEqualTo("FRONT_DESK");
        assertThat(assigned.text("/owner")).isEqualTo(colleague.username());
        String board = "/api/v1/practices/" + practice.id() + "/callbacks";
        assertThat(ids(staff.api().get(board + "?owner=" + colleague.username()).body())).containsExactly(id);
        assertThat(ids(staff.api().get(board + "?queue=FRONT_DESK").body())).containsExactly(id);
        assertThat(ids(staff.api().get(board + "?queue=SCHEDULING").body())).isEmpty();

        var queueOnly = act(staff.api(), id, "assign", Api.json("{'queue': 'SCHEDULING'}"));
        assertThat(queueOnly.status()).isEqualTo(200);
        assertThat(queueOnly.text("/queue")).isEqualTo("SCHEDULING");
        assertThat(queueOnly.text("/owner")).isEqualTo(colleague.username());
    }

    @Test
    void escalationGoesToLevelOneThenTwoThenStops() {
        String id = appointmentRequest(60).path("id").asString();

        var one = act(staff.api(), id, "escalate", Api.json("{'reason': 'First attempt overdue'}"));
        var two = act(staff.api(), id, "escalate", Api.json("{'reason': 'Still overdue after a further window'}"));
        var three = act(staff.api(), id, "escalate", Api.json("{'reason': 'Once more'}"));

        assertThat(one.status()).as(one.raw()).isEqualTo(200);
        assertThat(one.json("/escalationLevel").asInt()).isEqualTo(1);
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.json("/escalationLevel").asInt()).isEqualTo(2);
        assertThat(three.status()).as(three.raw()).isEqualTo(422);
        assertThat(staff.api().get("/api/v1/callbacks/" + id).json("/escalationLevel").asInt()).isEqualTo(2);
        List<String> reasons = new ArrayList<>();
        staff.api().get("/api/v1/callbacks/" + id).json("/timeline").forEach(event -> {
            if ("ESCALATED".equals(event.path("type").asString())) {
                reasons.add(event.at("/detail/reason").asString());
            }
        });
        assertThat(reasons).containsExactly("First attempt overdue", "Still overdue after a further window");
    }

    @Test
    void staffRaisesUrgencyWhichShortensTheDueTimeButOnlyClinicalStaffLowerAnEmergency() {
        JsonNode created = appointmentRequest(61);
        String id = created.path("id").asString();
        Instant originalDue = Instant.parse(created.path("firstAttemptDueAt").asString());

        var timeSensitive = act(staff.api(), id, "urgency", Api.json("{'urgency': 'TIME_SENSITIVE', 'reason': 'Procedure on Wednesday'}"));
        assertThat(timeSensitive.status()).as(timeSensitive.raw()).isEqualTo(200);
        assertThat(timeSensitive.text("/urgency")).isEqualTo("TIME_SENSITIVE");
        assertThat(instant(timeSensitive, "/firstAttemptDueAt")).isBeforeOrEqualTo(originalDue);

        var emergency = act(staff.api(), id, "urgency", Api.json("{'urgency': 'EMERGENCY', 'reason': 'Caller called back with chest pain'}"));
        assertThat(emergency.status()).as(emergency.raw()).isEqualTo(200);
        assertThat(emergency.text("/urgency")).isEqualTo("EMERGENCY");
        assertThat(emergency.text("/queue")).isEqualTo("CLINICAL");
        Instant emergencyDue = instant(emergency, "/firstAttemptDueAt");
        assertThat(emergencyDue).isBefore(originalDue).isBeforeOrEqualTo(MONDAY_0900.plus(Duration.ofHours(1)));

        var loweredByStaff = act(staff.api(), id, "urgency", Api.json("{'urgency': 'ROUTINE', 'reason': 'Not urgent after all'}"));
        assertThat(loweredByStaff.status()).as(loweredByStaff.raw()).isEqualTo(403);
        assertThat(staff.api().get("/api/v1/callbacks/" + id).text("/urgency")).isEqualTo("EMERGENCY");

        var clinician = fx.clinical(practice.id());
        var loweredByClinician = act(clinician.api(), id, "urgency", Api.json("{'urgency': 'ROUTINE', 'reason': 'Triaged: muscular, not cardiac'}"));
        assertThat(loweredByClinician.status()).as(loweredByClinician.raw()).isEqualTo(200);
        assertThat(loweredByClinician.text("/urgency")).isEqualTo("ROUTINE");
        // Urgency never lengthens the due time.
        assertThat(instant(loweredByClinician, "/firstAttemptDueAt")).isBeforeOrEqualTo(emergencyDue);
    }

    @Test
    void clinicalUserClosesAClinicalConcern() {
        var clinician = fx.clinical(practice.id());
        JsonNode created = fx.aCallback(practice.id()).inCategory("CLINICAL_CONCERN").fromCaller(Fixtures.phone(62), "Al")
                .reason("Question about a new medication").receivedAt(MONDAY_0900).create();

        var closed = act(clinician.api(), created.path("id").asString(), "close", Api.json(
                "{'outcome': 'ROUTED_FOR_REVIEW', 'note': 'Sent to Dr. Patel', 'version': %d}", created.path("version").asInt()));

        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
        assertThat(closed.text("/closure/closedBy")).isEqualTo(clinician.username());
    }

    private JsonNode category(String code) {
        for (JsonNode item : fx.admin().get("/api/v1/practices/" + practice.id() + "/categories").json("/items")) {
            if (code.equals(item.path("code").asString())) {
                return item;
            }
        }
        throw new AssertionError("no category " + code);
    }

    private static List<String> timelineTypes(Api.Response callback) {
        List<String> types = new ArrayList<>();
        callback.json("/timeline").forEach(event -> types.add(event.path("type").asString()));
        return types;
    }
}

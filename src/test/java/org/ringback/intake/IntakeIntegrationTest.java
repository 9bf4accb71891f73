package org.ringback.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;
import static org.ringback.support.Fixtures.absent;
import static org.ringback.support.Fixtures.errorFields;
import static org.ringback.support.Fixtures.ids;

import java.nio.charset.StandardCharsets;
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

@IntegrationTest
class IntakeIntegrationTest {

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

    private String callbacks() {
        return "/api/v1/practices/" + practice.id() + "/callbacks";
    }

    private int boardSize() {
        var board = fx.admin().get(callbacks() + "?limit=1000");
        assertThat(board.status()).isEqualTo(200);
        return board.json("/items").size();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.path(field).asString());
    }

    @Test
    void newRequestFromAPatientIs201WithTheFullRepresentation() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(10));

        var response = fx.aCallback(practice.id()).channel("VOICEMAIL").inCategory("APPOINTMENT_REQUEST").urgency("ROUTINE")
                .forPatient(patientId).reason("Would like a follow-up visit next week").receivedAt(MONDAY_0900)
                .details("{'visitType': 'follow-up'}").postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        JsonNode c = response.body();
        assertThat(c.path("id").asString()).isNotBlank();
        assertThat(c.path("practiceId").asString()).isEqualTo(practice.id());
        assertThat(c.path("patientId").asString()).isEqualTo(patientId);
        assertThat(c.path("channel").asString()).isEqualTo("VOICEMAIL");
        assertThat(c.path("category").asString()).isEqualTo("APPOINTMENT_REQUEST");
        assertThat(c.path("urgency").asString()).isEqualTo("ROUTINE");
        assertThat(c.path("queue").asString()).isEqualTo("SCHEDULING");
        assertThat(c.path("status").asString()).isEqualTo("NEW");
        assertThat(instant(c, "receivedAt")).isEqualTo(MONDAY_0900);
        // SAME_DAY with cutoff 15:00, received Monday 09:00 New York: by close 17:00 = 22:00Z.
        assertThat(instant(c, "firstAttemptDueAt")).isEqualTo("2026-11-23T22:00:00Z");
        // Resolution target PT16H of business time (08-17): 8h Monday, 8h Tuesday -> Tuesday 16:00 = 21:00Z.
        assertThat(instant(c, "resolutionDueAt")).isEqualTo("2026-11-24T21:00:00Z");
        assertThat(instant(c, "nextActionAt")).isEqualTo("2026-11-23T22:00:00Z");
        assertThat(c.path("attemptCount").asInt()).isZero();
        assertThat(c.path("attempts")).isEmpty();
        assertThat(c.path("repeatCount").asInt()).isZero();
        assertThat(absent(c.path("repeatOf"))).isTrue();
        assertThat(c.path("escalationLevel").asInt()).isZero();
        assertThat(c.path("redFlags")).isEmpty();
        assertThat(absent(c.path("closure"))).isTrue();
        assertThat(absent(c.at("/stages/firstAttemptAt"))).isTrue();
        assertThat(absent(c.at("/stages/resolvedAt"))).isTrue();
        assertThat(c.at("/details/visitType").asString()).isEqualTo("follow-up");
        assertThat(c.has("version")).isTrue();

        var read = staff.api().get("/api/v1/callbacks/" + c.path("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/firstAttemptDueAt")).isEqualTo(c.path("firstAttemptDueAt").asString());
        assertThat(read.json("/timeline").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void missedCallWithoutCategoryOrUrgencyIsARoutineMissedCall() {
        var response = fx.aCallback(practice.id()).channel("MISSED_CALL").fromCaller("(617) 555-0111", null).reason(null)
                .postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/category")).isEqualTo("MISSED_CALL");
        assertThat(response.text("/urgency")).isEqualTo("ROUTINE");
        assertThat(response.text("/queue")).isEqualTo("FRONT_DESK");
        assertThat(response.text("/caller/phone")).isEqualTo("+16175550111");
        assertThat(absent(response.json("/patientId"))).isTrue();
        assertThat(response.json("/redFlags")).isEmpty();
    }

    @Test
    void callerPhoneOfAKnownPatientIsMatchedToThePatient() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(12));

        var response = fx.aCallback(practice.id()).channel("MISSED_CALL").fromCaller("(617) 555-0112", null).reason(null)
                .postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/patientId")).isEqualTo(patientId);
    }

    @Test
    void chestPainIsAnEmergencyRoutedToTheClinicalQueue() {
        var response = fx.aCallback(practice.id()).channel("VOICEMAIL").fromCaller(Fixtures.phone(13), "Maria")
                .reason("Hi this is Maria, I have chest pain since this morning, please call me back").postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/urgency")).isEqualTo("EMERGENCY");
        assertThat(response.text("/queue")).isEqualTo("CLINICAL");
        assertThat(response.text("/category")).isEqualTo("CLINICAL_CONCERN");
        assertThat(response.json("/redFlags")).isNotEmpty();
        assertThat(response.text("/redFlags/0/phrase")).isEqualTo("chest pain");
        // An emergency is never due later than the clinical category's one business hour.
        Instant due = Instant.parse(response.text("/firstAttemptDueAt"));
        assertThat(due).isAfterOrEqualTo(MONDAY_0900).isBeforeOrEqualTo(MONDAY_0900.plus(Duration.ofHours(1)));
    }

    @Test
    void spanishRedFlagIsScreenedToo() {
        var response = fx.aCallback(practice.id()).channel("VOICEMAIL").fromCaller(Fixtures.phone(14), "Rosa")
                .reason("Hola, tengo dolor de pecho desde anoche").postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/urgency")).isEqualTo("EMERGENCY");
        assertThat(response.text("/queue")).isEqualTo("CLINICAL");
        assertThat(response.text("/redFlags/0/phrase")).isEqualTo("dolor de pecho");
    }

    @Test
    void redFlagRaisesAnExplicitCategoryToTheClinicalQueueWithoutChangingItsCategory() {
        var response = fx.aCallback(practice.id()).channel("WEB_FORM").inCategory("APPOINTMENT_REQUEST").urgency("ROUTINE")
                .fromCaller(Fixtures.phone(15), "Li").reason("Need an appointment, I have trouble breathing at night").postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.text("/category")).isEqualTo("APPOINTMENT_REQUEST");
        assertThat(response.text("/urgency")).isEqualTo("EMERGENCY");
        assertThat(response.text("/queue")).isEqualTo("CLINICAL");
    }

    @Test
    void negatedChestPainDoesNotFlag() {
        var response = fx.aCallback(practice.id()).channel("VOICEMAIL").fromCaller(Fixtures.phone(16), "Tom")
                .reason("Calling to say there is no chest pain anymore, just want to move my appointment").postAs(staff.api());

        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        assertThat(response.json("/redFlags")).as(response.raw()).isEmpty();
        assertThat(response.text("/urgency")).isEqualTo("ROUTINE");
        assertThat(response.text("/category")).isNotEqualTo("CLINICAL_CONCERN");
        assertThat(response.text("/queue")).isNotEqualTo("CLINICAL");
    }

    @Test
    void sameCategoryFromTheSamePatientWhileOpenIsAttachedAsARepeatCall() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(17));
        JsonNode first = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").forPatient(patientId).receivedAt(MONDAY_0900).create();

        clock.set(MONDAY_0900.plus(Duration.ofHours(1)));
        var second = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").forPatient(patientId)
                .reason("Calling again about my appointment").receivedAt(MONDAY_0900.plus(Duration.ofHours(1))).postAs(staff.api());

        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.text("/id")).isEqualTo(first.path("id").asString());
        assertThat(second.json("/repeatCount").asInt()).isEqualTo(1);
        assertThat(second.json("/version").asInt()).isGreaterThan(first.path("version").asInt());
        assertThat(boardSize()).isEqualTo(1);

        // The same phone as an unidentified caller in another format joins the same item.
        var third = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").channel("MISSED_CALL").fromCaller("(617) 555-0117", null)
                .receivedAt(MONDAY_0900.plus(Duration.ofHours(1))).postAs(staff.api());
        assertThat(third.status()).as(third.raw()).isEqualTo(200);
        assertThat(third.text("/id")).isEqualTo(first.path("id").asString());
        assertThat(third.json("/repeatCount").asInt()).isEqualTo(2);
        assertThat(boardSize()).isEqualTo(1);
    }

    @Test
    void repeatCallWithARedFlagRaisesTheUrgencyOfTheOpenItem() {
        JsonNode first = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").fromCaller(Fixtures.phone(28), "Ann").create();
        assertThat(first.path("urgency").asString()).isEqualTo("ROUTINE");

        clock.set(MONDAY_0900.plus(Duration.ofMinutes(30)));
        var again = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").fromCaller(Fixtures.phone(28), "Ann")
                .reason("Calling again, now I have chest pain").receivedAt(MONDAY_0900.plus(Duration.ofMinutes(30))).postAs(staff.api());

        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.text("/id")).isEqualTo(first.path("id").asString());
        assertThat(again.json("/repeatCount").asInt()).isEqualTo(1);
        assertThat(again.text("/urgency")).isEqualTo("EMERGENCY");
        assertThat(again.text("/queue")).isEqualTo("CLINICAL");
        assertThat(again.json("/redFlags")).isNotEmpty();
        assertThat(Instant.parse(again.text("/firstAttemptDueAt"))).isBefore(Instant.parse(first.path("firstAttemptDueAt").asString()));
    }

    @Test
    void aPatientWithoutAPhoneCallingAgainIsAttached() {
        var patient = fx.admin().post("/api/v1/practices/" + practice.id() + "/patients", Api.json("""
                {'displayName': 'No Phone', 'phones': [], 'preferredContact': 'PORTAL', 'language': 'en',
                 'consent': {'voicemail': false, 'detailedVoicemail': false, 'sms': false, 'portal': true, 'email': false}}"""));
        assertThat(patient.status()).as(patient.raw()).isEqualTo(201);
        JsonNode first = fx.aCallback(practice.id()).inCategory("BILLING").forPatient(patient.text("/id")).create();

        var second = fx.aCallback(practice.id()).inCategory("BILLING").forPatient(patient.text("/id")).postAs(staff.api());

        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.text("/id")).isEqualTo(first.path("id").asString());
        assertThat(second.json("/repeatCount").asInt()).isEqualTo(1);
    }

    @Test
    void unknownCallerRepeatingFromTheSamePhoneIsAttached() {
        JsonNode first = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller("+1 617 555 0118", "Ann").create();

        var second = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller("617.555.0118", "Ann").postAs(staff.api());

        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.text("/id")).isEqualTo(first.path("id").asString());
        assertThat(second.json("/repeatCount").asInt()).isEqualTo(1);
    }

    @Test
    void anotherCategoryOrAnItemOlderThanTheLookBackMakesANewItem() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(19));
        JsonNode appointment = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").forPatient(patientId).create();

        var billing = fx.aCallback(practice.id()).inCategory("BILLING").forPatient(patientId).postAs(staff.api());
        assertThat(billing.status()).as(billing.raw()).isEqualTo(201);
        assertThat(billing.text("/id")).isNotEqualTo(appointment.path("id").asString());

        // 16 days later the open appointment request is outside the 14-day look-back.
        Instant later = Instant.parse("2026-12-09T14:00:00Z");
        clock.set(later);
        var late = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").forPatient(patientId).receivedAt(later).postAs(staff.api());
        assertThat(late.status()).as(late.raw()).isEqualTo(201);
        assertThat(late.text("/id")).isNotEqualTo(appointment.path("id").asString());
    }

    @Test
    void requestAfterTheEarlierItemClosedIsASecondCall() {
        String patientId = fx.patient(practice.id(), Fixtures.phone(20));
        JsonNode first = fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").forPatient(patientId).create();
        var closed = fx.admin().post("/api/v1/callbacks/" + first.path("id").asString() + "/close", Api.json(
                "{'outcome': 'QUESTION_ANSWERED', 'note': 'Answered', 'version': %d}", first.path("version").asInt()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        clock.set(MONDAY_0900.plus(Duration.ofDays(2)));
        var again = fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").forPatient(patientId)
                .receivedAt(MONDAY_0900.plus(Duration.ofDays(2))).postAs(staff.api());

        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(again.text("/id")).isNotEqualTo(first.path("id").asString());
        assertThat(again.text("/repeatOf")).isEqualTo(first.path("id").asString());
    }

    @Test
    void replayedIdempotencyKeyAnswersTheSameItemWithoutChangingIt() {
        String key = Fixtures.unique("CA0f3c");
        var builder = fx.aCallback(practice.id()).channel("VOICEMAIL").inCategory("RECORDS_REQUEST").fromCaller(Fixtures.phone(21), "Jo")
                .idempotencyKey(key);

        var first = builder.postAs(staff.api());
        var replay = builder.postAs(staff.api());

        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.text("/id")).isEqualTo(first.text("/id"));
        assertThat(replay.json("/repeatCount").asInt()).isZero();
        assertThat(replay.json("/version").asInt()).isEqualTo(first.json("/version").asInt());
        assertThat(boardSize()).isEqualTo(1);
    }

    @Test
    void malformedRequestsAreRefusedWith4xxNever500() {
        String ok = fx.aCallback(practice.id()).channel("VOICEMAIL").fromCaller(Fixtures.phone(22), "Al").json();
        Api api = staff.api();

        var unknownChannel = api.post(callbacks(), ok.replace("\"VOICEMAIL\"", "\"CARRIER_PIGEON\""));
        assertThat(unknownChannel.status()).as(unknownChannel.raw()).isEqualTo(400);
        assertThat(errorFields(unknownChannel)).containsExactly("channel");

        var unknownUrgency = api.post(callbacks(), ok.replace("{", "{\"urgency\": \"WHENEVER\", "));
        assertThat(unknownUrgency.status()).as(unknownUrgency.raw()).isEqualTo(400);
        assertThat(errorFields(unknownUrgency)).containsExactly("urgency");

        var notJson = api.post(callbacks(), "{\"channel\": \"VOICEMAIL\", ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        var missingChannel = api.post(callbacks(), fx.aCallback(practice.id()).channel(null).fromCaller(Fixtures.phone(22), "Al").json());
        assertThat(missingChannel.status()).as(missingChannel.raw()).isEqualTo(400);
        assertThat(errorFields(missingChannel)).containsExactly("channel");

        var noPatientNorCaller = api.post(callbacks(), fx.aCallback(practice.id()).channel("VOICEMAIL").json());
        assertThat(noPatientNorCaller.status()).as(noPatientNorCaller.raw()).isEqualTo(400);
        assertThat(noPatientNorCaller.json("/errors")).isNotEmpty();

        var callerWithoutPhone = api.post(callbacks(), fx.aCallback(practice.id()).fromCaller(null, "Al").json());
        assertThat(callerWithoutPhone.status()).as(callerWithoutPhone.raw()).isBetween(400, 499);

        var badPhone = api.post(callbacks(), fx.aCallback(practice.id()).fromCaller("12345", "Al").json());
        assertThat(badPhone.status()).as(badPhone.raw()).isEqualTo(400);
        assertThat(errorFields(badPhone)).containsExactly("caller.phone");

        var unknownCategory = api.post(callbacks(), fx.aCallback(practice.id()).inCategory("TAROT_READING").fromCaller(Fixtures.phone(22), "Al").json());
        assertThat(unknownCategory.status()).as(unknownCategory.raw()).isEqualTo(422);
        assertThat(errorFields(unknownCategory)).containsExactly("category");

        var unknownPatient = api.post(callbacks(), fx.aCallback(practice.id()).forPatient("00000000-0000-0000-0000-000000000000").json());
        assertThat(unknownPatient.status()).as(unknownPatient.raw()).isBetween(400, 499);
        assertThat(errorFields(unknownPatient)).containsExactly("patientId");

        var malformedPatient = api.post(callbacks(), fx.aCallback(practice.id()).forPatient("patient-7").json());
        assertThat(malformedPatient.status()).as(malformedPatient.raw()).isEqualTo(400);
        assertThat(errorFields(malformedPatient)).containsExactly("patientId");

        var future = api.post(callbacks(), fx.aCallback(practice.id()).fromCaller(Fixtures.phone(22), "Al")
                .receivedAt(MONDAY_0900.plus(Duration.ofDays(1))).json());
        assertThat(future.status()).as(future.raw()).isBetween(400, 499);
        assertThat(errorFields(future)).containsExactly("receivedAt");

        var notAnInstant = api.post(callbacks(), ok.replace(MONDAY_0900.toString(), "yesterday"));
        assertThat(notAnInstant.status()).as(notAnInstant.raw()).isEqualTo(400);
        assertThat(errorFields(notAnInstant)).containsExactly("receivedAt");

        var longReason = api.post(callbacks(), fx.aCallback(practice.id()).fromCaller(Fixtures.phone(22), "Al").reason("a".repeat(25_000)).json());
        assertThat(longReason.status()).as(longReason.raw()).isEqualTo(400);
        assertThat(errorFields(longReason)).containsExactly("reason");

        var arrayBody = api.post(callbacks(), "[]");
        assertThat(arrayBody.status()).as(arrayBody.raw()).isEqualTo(400);

        assertThat(boardSize()).isZero();
    }

    @Test
    void nulCharacterInTextIsRefusedWith4xxNot500() {
        // A JSON string may carry a NUL character (U+0000); PostgreSQL text cannot store it, so it must be refused as input.
        String nulInReason = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(26), "Al")
                .reason("statement NUL").json().replace("NUL", "\\u0000");
        String nulInName = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(27), "Al NUL")
                .json().replace("NUL", "\\u0000");

        var reason = staff.api().post(callbacks(), nulInReason);
        var name = staff.api().post(callbacks(), nulInName);

        assertThat(reason.status()).as(reason.raw()).isBetween(400, 499);
        assertThat(name.status()).as(name.raw()).isBetween(400, 499);
        assertThat(boardSize()).isZero();
    }

    @Test
    void threeMegabyteReasonIs413AndNothingIsStored() {
        fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(23), "Al").create();
        int before = boardSize();

        String huge = fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").fromCaller(Fixtures.phone(24), "Bo")
                .reason("x".repeat(3 * 1024 * 1024)).json();
        var response = staff.api().post(callbacks(), huge.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(boardSize()).isEqualTo(before);
    }

    @Test
    void createdItemIsReadableAndItsTimelineRecordsReceipt() {
        JsonNode created = fx.aCallback(practice.id()).inCategory("INTAKE_FORM").fromCaller(Fixtures.phone(25), "Al").create();

        var read = staff.api().get("/api/v1/callbacks/" + created.path("id").asString());

        assertThat(read.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        read.json("/timeline").forEach(e -> types.add(e.path("type").asString()));
        assertThat(types).isNotEmpty();
        assertThat(read.text("/timeline/0/at")).isNotBlank();
        assertThat(ids(fx.admin().get(callbacks()).body())).containsExactly(created.path("id").asString());
    }
}

package org.ringback.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.errorFields;
import static org.ringback.support.Fixtures.ids;

import java.time.Instant;
import java.time.LocalTime;
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
class PracticeApiIntegrationTest {

    private static final String SPLIT_HOURS = Api.json("""
            {'MONDAY': [{'start': '08:00', 'end': '12:00'}, {'start': '13:00', 'end': '17:00'}],
             'TUESDAY': [{'start': '08:00', 'end': '12:00'}, {'start': '13:00', 'end': '17:00'}]}""");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Api admin;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fx = new Fixtures(port);
        admin = fx.admin();
    }

    private String practiceBody(String name, String timeZone, String holidayCalendar, String hours) {
        return Api.json("""
                {'name': '%s', 'timeZone': '%s', 'holidayCalendar': '%s', 'businessHours': %s, 'closures': ['2026-12-24']}""",
                name, timeZone, holidayCalendar, hours);
    }

    @Test
    void adminCreatesAPracticeAndReadsItBack() {
        String name = Fixtures.unique("Harbor Pediatrics");
        var created = admin.post("/api/v1/practices", practiceBody(name, "America/New_York", "US", SPLIT_HOURS));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(id).isNotBlank();
        assertThat(created.text("/name")).isEqualTo(name);
        assertThat(created.text("/timeZone")).isEqualTo("America/New_York");
        assertThat(created.text("/holidayCalendar")).isEqualTo("US");
        assertThat(created.json("/businessHours/MONDAY")).hasSize(2);
        assertThat(created.text("/businessHours/MONDAY/1/start")).isEqualTo("13:00");
        assertThat(created.text("/closures/0")).isEqualTo("2026-12-24");
        // Default call windows of DESIGN.md.
        List<String> windows = new ArrayList<>();
        created.json("/callWindows").forEach(w -> windows.add(w.path("name").asString() + " " + LocalTime.parse(w.path("start").asString())
                + "-" + LocalTime.parse(w.path("end").asString())));
        assertThat(windows).containsExactly("MORNING 08:00-11:00", "MIDDAY 11:00-14:00", "AFTERNOON 14:00-17:00", "EVENING 17:00-19:00");

        var read = admin.get("/api/v1/practices/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/name")).isEqualTo(name);
        assertThat(ids(admin.get("/api/v1/practices").body())).contains(id);
        assertThat(admin.get("/api/v1/practices").json("/next").isNull()).isTrue();
    }

    @Test
    void practiceWithOwnCallWindowsKeepsThem() {
        var created = admin.post("/api/v1/practices", Api.json("""
                {'name': '%s', 'timeZone': 'America/Chicago', 'holidayCalendar': 'US-TX', 'businessHours': %s,
                 'callWindows': [{'name': 'EARLY', 'start': '08:00', 'end': '10:00'}, {'name': 'LATE', 'start': '10:00', 'end': '17:00'}]}""",
                Fixtures.unique("Prairie Clinic"), Fixtures.WEEKDAYS_8_TO_5));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json("/callWindows")).hasSize(2);
        assertThat(created.text("/callWindows/0/name")).isEqualTo("EARLY");
        assertThat(created.text("/holidayCalendar")).isEqualTo("US-TX");
    }

    @Test
    void unknownTimeZoneIsRefusedNamingTheField() {
        var response = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "Mars/Olympus_Mons", "US", SPLIT_HOURS));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json("/status").asInt()).isEqualTo(400);
        assertThat(response.text("/title")).isNotBlank();
        assertThat(errorFields(response)).containsExactly("timeZone");
    }

    @Test
    void unknownHolidayCalendarIsRefusedNamingTheField() {
        var unknownCountry = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "XX", SPLIT_HOURS));
        var unknownRegion = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "US-ZZ", SPLIT_HOURS));
        var notACode = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "united states", SPLIT_HOURS));

        for (var response : List.of(unknownCountry, unknownRegion, notACode)) {
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            assertThat(errorFields(response)).containsExactly("holidayCalendar");
        }
    }

    @Test
    void badBusinessHoursAreRefusedNamingTheDay() {
        var endBeforeStart = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "US",
                Api.json("{'MONDAY': [{'start': '17:00', 'end': '08:00'}]}")));
        var notATime = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "US",
                Api.json("{'MONDAY': [{'start': '8am', 'end': '17:00'}]}")));
        var notADay = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "US",
                Api.json("{'FUNDAY': [{'start': '08:00', 'end': '17:00'}]}")));
        var overlapping = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "US",
                Api.json("{'MONDAY': [{'start': '08:00', 'end': '13:00'}, {'start': '12:00', 'end': '17:00'}]}")));
        var none = admin.post("/api/v1/practices", practiceBody(Fixtures.unique("P"), "America/New_York", "US", "{}"));

        assertThat(endBeforeStart.status()).as(endBeforeStart.raw()).isEqualTo(400);
        assertThat(errorFields(endBeforeStart)).containsExactly("businessHours.MONDAY");
        assertThat(notATime.status()).as(notATime.raw()).isEqualTo(400);
        assertThat(errorFields(notATime)).containsExactly("businessHours.MONDAY");
        assertThat(notADay.status()).as(notADay.raw()).isEqualTo(400);
        assertThat(errorFields(notADay)).containsExactly("businessHours");
        assertThat(overlapping.status()).as(overlapping.raw()).isEqualTo(400);
        assertThat(errorFields(overlapping).get(0)).startsWith("businessHours");
        assertThat(none.status()).as(none.raw()).isEqualTo(400);
        assertThat(errorFields(none)).containsExactly("businessHours");
    }

    @Test
    void onlyAnAdminMayCreateAPractice() {
        var practice = fx.practice();
        var manager = fx.manager(practice.id());
        var staff = fx.staff(practice.id());
        String body = practiceBody(Fixtures.unique("Rogue Clinic"), "America/New_York", "US", SPLIT_HOURS);

        var byManager = manager.api().post("/api/v1/practices", body);
        var byStaff = staff.api().post("/api/v1/practices", body);

        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.contentType()).startsWith("application/problem+json");
        assertThat(byStaff.status()).isEqualTo(403);
    }

    @Test
    void unknownAndMalformedPracticeIds() {
        var unknown = admin.get("/api/v1/practices/00000000-0000-0000-0000-000000000000");
        var malformed = admin.get("/api/v1/practices/not-an-id");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void meShowsTheCallerRolesAndOnlyItsPractices() {
        var mine = fx.practice();
        var other = fx.practice();
        var staff = fx.staff(mine.id());

        var me = staff.api().get("/api/v1/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/username")).isEqualTo(staff.username());
        assertThat(me.text("/roles/0")).isEqualTo("STAFF");
        assertThat(me.json("/practices")).hasSize(1);
        assertThat(me.text("/practices/0/id")).isEqualTo(mine.id());
        assertThat(me.text("/practices/0/name")).isEqualTo(mine.name());
        assertThat(ids(staff.api().get("/api/v1/practices").body())).containsExactly(mine.id()).doesNotContain(other.id());
    }

    @Test
    void newPracticeHasTheFifteenDefaultCategories() {
        var practice = fx.practice();

        var response = admin.get("/api/v1/practices/" + practice.id() + "/categories");

        assertThat(response.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        response.json("/items").forEach(c -> codes.add(c.path("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("NEW_PATIENT_APPOINTMENT", "APPOINTMENT_REQUEST", "RESCHEDULE", "CANCELLATION",
                "REFERRAL_STATUS", "INSURANCE_ELIGIBILITY", "INTAKE_FORM", "RECORDS_REQUEST", "BILLING", "PRESCRIPTION_ROUTE",
                "CLINICAL_CONCERN", "POST_VISIT_FOLLOW_UP", "TELEHEALTH_ACCESS", "MISSED_CALL", "GENERAL_QUESTION");

        JsonNode appointment = category(response.body(), "APPOINTMENT_REQUEST");
        assertThat(appointment.path("queue").asString()).isEqualTo("SCHEDULING");
        assertThat(appointment.at("/responseWindow/kind").asString()).isEqualTo("SAME_DAY");
        assertThat(appointment.at("/responseWindow/cutoff").asString()).startsWith("15:00");
        assertThat(appointment.at("/ladder/maxAttempts").asInt()).isEqualTo(3);
        assertThat(appointment.at("/ladder/minGap").asString()).isEqualTo("PT2H");
        assertThat(appointment.at("/ladder/differentWindow").asBoolean()).isTrue();
        assertThat(texts(appointment.path("requiredFields")))
                .containsExactlyInAnyOrder("visitType", "availability", "providerPreference", "deadline");
        assertThat(texts(appointment.path("closureOutcomes")))
                .contains("BOOKED", "WAITING_ON_INFORMATION", "ROUTED_FOR_REVIEW", "UNABLE_TO_REACH_AFTER_ATTEMPTS",
                        "ROUTED_PER_POLICY", "DUPLICATE", "WRONG_NUMBER", "PATIENT_DECLINED");
        assertThat(appointment.path("clinical").asBoolean()).isFalse();

        JsonNode clinical = category(response.body(), "CLINICAL_CONCERN");
        assertThat(clinical.path("clinical").asBoolean()).isTrue();
        assertThat(clinical.path("queue").asString()).isEqualTo("CLINICAL");

        JsonNode referral = category(response.body(), "REFERRAL_STATUS");
        assertThat(referral.path("referralSensitive").asBoolean()).isTrue();
        assertThat(referral.at("/responseWindow/kind").asString()).isEqualTo("NEXT_BUSINESS_DAY");

        JsonNode billing = category(response.body(), "BILLING");
        assertThat(texts(billing.path("closureOutcomes"))).contains("EXPLANATION_PROVIDED", "INFORMATION_REQUESTED", "ACCOUNT_REVIEW_PENDING");
        JsonNode records = category(response.body(), "RECORDS_REQUEST");
        assertThat(texts(records.path("closureOutcomes"))).contains("REQUEST_RECEIVED", "AUTHORIZATION_NEEDED", "FULFILLMENT_TIMELINE_EXPLAINED");
        JsonNode insurance = category(response.body(), "INSURANCE_ELIGIBILITY");
        assertThat(texts(insurance.path("requiredFields"))).containsExactlyInAnyOrder("plan", "questionType", "verificationNeeded");
    }

    @Test
    void managerReplacesACategoryAndNewCallbacksUseIt() {
        var practice = fx.practice();
        var manager = fx.manager(practice.id());

        var replaced = manager.api().put("/api/v1/practices/" + practice.id() + "/categories/APPOINTMENT_REQUEST", Api.json("""
                {'name': 'Appointment request', 'queue': 'FRONT_DESK', 'responseWindow': {'kind': 'WITHIN', 'duration': 'PT2H'},
                 'resolutionTarget': 'PT8H', 'ladder': {'maxAttempts': 2, 'minGap': 'PT1H', 'differentWindow': false},
                 'closureOutcomes': ['BOOKED', 'UNABLE_TO_REACH_AFTER_ATTEMPTS'], 'requiredFields': ['visitType'],
                 'clinical': false, 'referralSensitive': false}"""));

        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.text("/code")).isEqualTo("APPOINTMENT_REQUEST");
        assertThat(replaced.text("/responseWindow/kind")).isEqualTo("WITHIN");
        assertThat(replaced.text("/responseWindow/duration")).isEqualTo("PT2H");
        JsonNode stored = category(admin.get("/api/v1/practices/" + practice.id() + "/categories").body(), "APPOINTMENT_REQUEST");
        assertThat(stored.path("queue").asString()).isEqualTo("FRONT_DESK");
        assertThat(stored.at("/ladder/maxAttempts").asInt()).isEqualTo(2);

        // Received Monday 09:00: two business hours later is 11:00 New York, 16:00Z; 8 business hours is 17:00.
        JsonNode callback = fx.aCallback(practice.id()).inCategory("APPOINTMENT_REQUEST").fromCaller(Fixtures.phone(40), "Ann Lee")
                .receivedAt(Fixtures.MONDAY_0900).create();
        assertThat(callback.path("queue").asString()).isEqualTo("FRONT_DESK");
        assertThat(Instant.parse(callback.path("firstAttemptDueAt").asString())).isEqualTo("2026-11-23T16:00:00Z");
        assertThat(Instant.parse(callback.path("resolutionDueAt").asString())).isEqualTo("2026-11-23T22:00:00Z");
    }

    @Test
    void staffMayNotReplaceACategoryAndInvalidCategoriesAreRefused() {
        var practice = fx.practice();
        var staff = fx.staff(practice.id());
        var otherManager = fx.manager(fx.practice().id());
        String valid = Api.json("""
                {'name': 'Billing', 'queue': 'BILLING', 'responseWindow': {'kind': 'NEXT_BUSINESS_DAY', 'by': '12:00'},
                 'resolutionTarget': 'PT24H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
                 'closureOutcomes': ['EXPLANATION_PROVIDED'], 'requiredFields': [], 'clinical': false, 'referralSensitive': false}""");
        String path = "/api/v1/practices/" + practice.id() + "/categories/BILLING";

        assertThat(staff.api().put(path, valid).status()).isEqualTo(403);
        assertThat(otherManager.api().put(path, valid).status()).isEqualTo(404);

        var withinWithoutDuration = admin.put(path, valid.replace("{\"kind\": \"NEXT_BUSINESS_DAY\", \"by\": \"12:00\"}", "{\"kind\": \"WITHIN\"}"));
        assertThat(withinWithoutDuration.status()).as(withinWithoutDuration.raw()).isEqualTo(400);
        assertThat(errorFields(withinWithoutDuration)).containsExactly("responseWindow.duration");

        var unknownOutcome = admin.put(path, valid.replace("EXPLANATION_PROVIDED", "MAGIC"));
        assertThat(unknownOutcome.status()).as(unknownOutcome.raw()).isEqualTo(400);

        var zeroAttempts = admin.put(path, valid.replace("\"maxAttempts\": 3", "\"maxAttempts\": 0"));
        assertThat(zeroAttempts.status()).as(zeroAttempts.raw()).isEqualTo(400);

        // Nothing of the refused requests was stored.
        JsonNode stored = category(admin.get("/api/v1/practices/" + practice.id() + "/categories").body(), "BILLING");
        assertThat(stored.at("/responseWindow/kind").asString()).isEqualTo("NEXT_BUSINESS_DAY");
        assertThat(texts(stored.path("closureOutcomes"))).contains("ACCOUNT_REVIEW_PENDING");
    }

    @Test
    void holidaysAndClosuresMoveDueTimes() {
        // Tuesday 2026-11-24 is a practice closure; Thursday 2026-11-26 is Thanksgiving (US).
        var practice = fx.practice(Fixtures.WEEKDAYS_8_TO_5, "['2026-11-24']".replace('\'', '"'));

        // GENERAL_QUESTION: next business day by close. Monday -> Tuesday closed -> Wednesday 17:00 = 22:00Z.
        JsonNode question = fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").fromCaller(Fixtures.phone(41), "Ann Lee")
                .receivedAt(Fixtures.MONDAY_0900).create();
        assertThat(Instant.parse(question.path("firstAttemptDueAt").asString())).isEqualTo("2026-11-25T22:00:00Z");

        // REFERRAL_STATUS: next business day by 12:00. Wednesday 09:00 -> Thanksgiving -> Friday 12:00 = 17:00Z.
        clock.set(Instant.parse("2026-11-25T14:00:00Z"));
        JsonNode referral = fx.aCallback(practice.id()).inCategory("REFERRAL_STATUS").fromCaller(Fixtures.phone(42), "Bo Chan")
                .receivedAt(Instant.parse("2026-11-25T14:00:00Z")).create();
        assertThat(Instant.parse(referral.path("firstAttemptDueAt").asString())).isEqualTo("2026-11-27T17:00:00Z");
    }

    @Test
    void invalidCategoryFieldsAreNamedInTheErrors() {
        var practice = fx.practice();
        String path = "/api/v1/practices/" + practice.id() + "/categories/BILLING";
        String valid = Api.json("""
                {'name': 'Billing', 'queue': 'BILLING', 'responseWindow': {'kind': 'NEXT_BUSINESS_DAY', 'by': '12:00'},
                 'resolutionTarget': 'PT24H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
                 'closureOutcomes': ['EXPLANATION_PROVIDED'], 'requiredFields': [], 'clinical': false, 'referralSensitive': false}""");

        var zeroAttempts = admin.put(path, valid.replace("\"maxAttempts\": 3", "\"maxAttempts\": 0"));
        var lowercaseQueue = admin.put(path, valid.replace("\"queue\": \"BILLING\"", "\"queue\": \"billing desk\""));

        assertThat(zeroAttempts.status()).as(zeroAttempts.raw()).isEqualTo(400);
        assertThat(errorFields(zeroAttempts)).as(zeroAttempts.raw()).containsExactly("ladder.maxAttempts");
        assertThat(lowercaseQueue.status()).as(lowercaseQueue.raw()).isEqualTo(400);
        assertThat(errorFields(lowercaseQueue)).as(lowercaseQueue.raw()).containsExactly("queue");
    }

    @Test
    void localTimesAreWrittenAsHoursAndMinutesLikeTheContract() {
        var practice = fx.practice();

        var read = admin.get("/api/v1/practices/" + practice.id());
        var categories = admin.get("/api/v1/practices/" + practice.id() + "/categories");

        assertThat(read.text("/businessHours/MONDAY/0/start")).isEqualTo("08:00");
        // API.md writes call-window and response-window times as "15:00", like the business hours.
        assertThat(read.text("/callWindows/0/start")).as(read.raw()).isEqualTo("08:00");
        assertThat(category(categories.body(), "APPOINTMENT_REQUEST").at("/responseWindow/cutoff").asString()).isEqualTo("15:00");
        assertThat(category(categories.body(), "REFERRAL_STATUS").at("/responseWindow/by").asString()).isEqualTo("12:00");
    }

    @Test
    void optionalFlagsOfACategoryMayBeLeftOut() {
        var practice = fx.practice();

        var response = admin.put("/api/v1/practices/" + practice.id() + "/categories/BILLING", Api.json("""
                {'name': 'Billing', 'queue': 'BILLING', 'responseWindow': {'kind': 'NEXT_BUSINESS_DAY', 'by': '12:00'},
                 'resolutionTarget': 'PT24H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
                 'closureOutcomes': ['EXPLANATION_PROVIDED']}"""));

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json("/clinical").asBoolean()).isFalse();
        assertThat(response.json("/referralSensitive").asBoolean()).isFalse();
    }

    @Test
    void dueTimesFollowDaylightSavingTime() {
        var practice = fx.practice();
        // Friday 2027-03-12 16:00 EST (UTC-5); clocks go forward on Sunday 2027-03-14, so Monday is EDT (UTC-4).
        Instant friday1600 = Instant.parse("2027-03-12T21:00:00Z");
        clock.set(friday1600);

        JsonNode question = fx.aCallback(practice.id()).inCategory("GENERAL_QUESTION").fromCaller(Fixtures.phone(43), "Ann Lee")
                .receivedAt(friday1600).create();

        // Next business day by close: Monday 17:00 EDT = 21:00Z.
        assertThat(Instant.parse(question.path("firstAttemptDueAt").asString())).isEqualTo("2027-03-15T21:00:00Z");
        // PT16H of business time: 1h Friday, 9h Monday, 6h Tuesday -> Tuesday 14:00 EDT = 18:00Z.
        assertThat(Instant.parse(question.path("resolutionDueAt").asString())).isEqualTo("2027-03-16T18:00:00Z");
    }

    @Test
    void categoryOfAnUnknownPracticeIs404NotAServerError() {
        var response = admin.put("/api/v1/practices/00000000-0000-0000-0000-000000000000/categories/BILLING", Api.json("""
                {'name': 'Billing', 'queue': 'BILLING', 'responseWindow': {'kind': 'NEXT_BUSINESS_DAY', 'by': '12:00'},
                 'resolutionTarget': 'PT24H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
                 'closureOutcomes': ['EXPLANATION_PROVIDED'], 'requiredFields': [], 'clinical': false, 'referralSensitive': false}"""));

        assertThat(response.status()).as(response.raw()).isEqualTo(404);
    }

    private static JsonNode category(JsonNode list, String code) {
        for (JsonNode item : list.path("items")) {
            if (code.equals(item.path("code").asString())) {
                return item;
            }
        }
        throw new AssertionError("no category " + code + " in " + list);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }
}

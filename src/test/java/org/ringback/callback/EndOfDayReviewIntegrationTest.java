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

/** The end-of-day review's buckets of DESIGN.md over HTTP. */
@IntegrationTest
class EndOfDayReviewIntegrationTest {

    private static final List<String> BUCKETS = List.of("dueToday", "noAttemptYet", "waitingOnPatient", "waitingOnInternal",
            "needsEscalation", "canBeClosedPerPolicy");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice practice;
    Api staff;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id()).api();
    }

    private static Instant monday(int hour, int minute) {
        return Instant.parse("2026-11-23T%02d:%02d:00Z".formatted(hour + 5, minute));
    }

    private String create(String category, int phone) {
        return fx.aCallback(practice.id()).inCategory(category).fromCaller(Fixtures.phone(phone), "Caller").receivedAt(MONDAY_0900)
                .create().path("id").asString();
    }

    private String review(String date) {
        return "/api/v1/practices/" + practice.id() + "/review/end-of-day?date=" + date;
    }

    private static List<String> bucket(Api.Response review, String name) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : review.json("/" + name)) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }

    @Test
    void openItemsLandInTheBucketsOfDesign() {
        String appointment = create("APPOINTMENT_REQUEST", 30);  // due today 17:00, never tried
        String general = create("GENERAL_QUESTION", 31);         // due tomorrow, never tried
        String waitingOnPatient = create("BILLING", 32);
        String waitingOnInternal = create("REFERRAL_STATUS", 33);
        String doneButOpen = create("RECORDS_REQUEST", 34);
        String closed = create("INTAKE_FORM", 35);

        clock.set(monday(10, 0));
        assertThat(staff.post("/api/v1/callbacks/" + waitingOnPatient + "/wait", Api.json("{'on': 'PATIENT', 'note': 'Checking EOB'}")).status()).isEqualTo(200);
        assertThat(staff.post("/api/v1/callbacks/" + waitingOnInternal + "/wait", Api.json("{'on': 'REFERRAL_DOCUMENTS', 'expectedBy': '2026-11-24'}")).status()).isEqualTo(200);
        assertThat(staff.post("/api/v1/callbacks/" + doneButOpen + "/attempts", Api.json(
                "{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED', 'nextAction': 'send the authorization form'}", monday(10, 0))).status()).isEqualTo(201);
        assertThat(staff.post("/api/v1/callbacks/" + doneButOpen + "/next-step", Api.json("{'note': 'Form sent'}")).status()).isEqualTo(200);
        int version = staff.get("/api/v1/callbacks/" + closed).json("/version").asInt();
        assertThat(staff.post("/api/v1/callbacks/" + closed + "/close", Api.json("{'outcome': 'REQUEST_RECEIVED', 'version': %d}", version)).status()).isEqualTo(200);
        clock.set(monday(16, 30));

        var review = staff.get(review("2026-11-23"));

        assertThat(review.status()).as(review.raw()).isEqualTo(200);
        for (String name : BUCKETS) {
            assertThat(review.json("/" + name).isArray()).as(name + " in " + review.raw()).isTrue();
            assertThat(bucket(review, name)).as(name).doesNotContain(closed);
        }
        assertThat(bucket(review, "dueToday")).contains(appointment).doesNotContain(general);
        assertThat(bucket(review, "noAttemptYet")).contains(appointment, general).doesNotContain(doneButOpen);
        assertThat(bucket(review, "waitingOnPatient")).containsExactly(waitingOnPatient);
        assertThat(bucket(review, "waitingOnInternal")).containsExactly(waitingOnInternal);
        assertThat(bucket(review, "needsEscalation")).contains(appointment);
        assertThat(bucket(review, "canBeClosedPerPolicy")).containsExactly(doneButOpen);
        assertThat(review.json("/dueToday/0/summary").asString()).isNotBlank();

        var tomorrow = staff.get(review("2026-11-24"));
        assertThat(tomorrow.status()).isEqualTo(200);
        assertThat(bucket(tomorrow, "dueToday")).contains(general, appointment);
    }

    @Test
    void reviewOfAnotherPracticeIs404AndABadDateIs400() {
        var other = fx.practice();

        assertThat(staff.get("/api/v1/practices/" + other.id() + "/review/end-of-day?date=2026-11-23").status()).isEqualTo(404);
        var badDate = staff.get(review("2026-13-45"));
        assertThat(badDate.status()).as(badDate.raw()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
    }
}

package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.demo.DemoPractice;
import org.ringback.practice.Practice;
import org.ringback.support.Api;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Coverage planning on the demo practice's own history, through the API. */
@IntegrationTest
class CoverageIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DemoPractice demo;

    Practice practice;
    Api admin;

    @BeforeEach
    void setUp() {
        practice = DemoPracticeOnce.ensure(demo, clock);
        admin = Api.admin(port);
    }

    @Test
    void theDemoNeedsMoreStaffOnMondayMorningThanOnFridayAfternoon() {
        var response = admin.get("/api/v1/practices/" + practice.id() + "/coverage?weeks=4&target=0.9");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode staffing = response.json("/staffing");
        int mondayMorning = staff(staffing, DayOfWeek.MONDAY, 8, 11);
        int fridayAfternoon = staff(staffing, DayOfWeek.FRIDAY, 14, 17);
        assertThat(mondayMorning).isGreaterThan(fridayAfternoon);
        assertThat(response.json("/forecast/MONDAY/9").asDouble())
                .as("Monday 09:00 is busier than Friday 15:00 in the demo's history")
                .isGreaterThan(response.json("/forecast/FRIDAY/15").asDouble());
        assertThat(response.json("/blocks").size()).isPositive();
        assertThat(response.json("/blocks/0/label").asString()).matches("[A-Z]+DAY \\d\\d:\\d\\d–\\d\\d:\\d\\d: \\d+ (person|people)");
        assertThat(staff(staffing, DayOfWeek.SUNDAY, 0, 24)).as("closed on Sundays: nobody rostered").isZero();
        assertThat(response.json("/reachByWindow/MORNING").asDouble()).isBetween(0.1, 0.9);
        double scheduling = response.json("/forecastByQueue/SCHEDULING/MONDAY/9").asDouble();
        double billing = response.json("/forecastByQueue/BILLING/MONDAY/9").asDouble();
        assertThat(scheduling).as("the demo's category mix: scheduling is the biggest group").isGreaterThan(billing).isPositive();
        assertThat(scheduling).isLessThan(response.json("/forecast/MONDAY/9").asDouble());
        // The demo times its attempts (about 5 minutes reached, 1 minute not): the handle time comes from them.
        java.time.Duration handleTime = java.time.Duration.parse(response.json("/handleTime").asString());
        assertThat(handleTime).isBetween(java.time.Duration.ofSeconds(60), java.time.Duration.ofMinutes(5));
        assertThat(response.json("/handleTimeByCategory/APPOINTMENT_REQUEST/attempts").asLong()).isPositive();
    }

    @Test
    void badParametersAreRefusedAndOtherPracticesAreHidden() {
        assertThat(admin.get("/api/v1/practices/" + practice.id() + "/coverage?weeks=0").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/practices/" + practice.id() + "/coverage?target=1.5").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/practices/" + practice.id() + "/coverage?weeks=abc").status()).isEqualTo(400);
        var outsider = new org.ringback.support.Fixtures(port).staff(new org.ringback.support.Fixtures(port).practice().id());
        assertThat(outsider.api().get("/api/v1/practices/" + practice.id() + "/coverage").status()).isEqualTo(404);
    }

    /** Staff-hours rostered on a day between two hours. */
    private static int staff(JsonNode staffing, DayOfWeek day, int fromHour, int toHour) {
        int total = 0;
        for (int hour = fromHour; hour < toHour; hour++) {
            total += staffing.at("/" + day + "/" + hour).asInt();
        }
        return total;
    }
}

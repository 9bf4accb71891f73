package org.ringback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The weekly measures over real HTTP on hand-built weeks whose answers are worked out by hand in the comments:
 * Thanksgiving week 2026-W48 (Thursday is a US holiday) with a paused item, a second call, an attached repeat call,
 * an item closed without contact and an escalation; the week New York leaves daylight saving time (2026-W44); and
 * the organisation's month (November with Thanksgiving, March with the start of daylight saving time).
 */
@IntegrationTest
class WeeklyReportIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Api admin;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(port);
        admin = fx.admin();
    }

    /** New York wall time in Thanksgiving week (EST, UTC-5). */
    private static Instant nov(int day, int hour, int minute) {
        return Instant.parse("2026-11-%02dT%02d:%02d:00Z".formatted(day, hour + 5, minute));
    }

    private JsonNode create(String practiceId, String category, String patientId, String phone, Instant at, String details) {
        clock.set(at);
        var builder = fx.aCallback(practiceId).channel("VOICEMAIL").inCategory(category).receivedAt(at);
        builder = patientId != null ? builder.forPatient(patientId) : builder.fromCaller(phone, "Caller");
        if (details != null) {
            builder = builder.details(details);
        }
        var response = builder.postAs(admin);
        assertThat(response.status()).as(response.raw()).isIn(200, 201);
        return response.body();
    }

    private JsonNode attempt(String id, Instant at, String result) {
        clock.set(at);
        var response = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': '%s', 'messageLeft': false, 'nextAction': 'try again'}""", at, result));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body();
    }

    private JsonNode act(String id, Instant at, String action, String body) {
        clock.set(at);
        var response = admin.post("/api/v1/callbacks/" + id + "/" + action, body);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private JsonNode close(String id, Instant at, String outcome) {
        int version = admin.get("/api/v1/callbacks/" + id).body().path("version").asInt();
        return act(id, at, "close", Api.json("{'outcome': '%s', 'version': %d}", outcome, version));
    }

    private static final String SCHEDULING_DETAILS =
            "{'visitType': 'follow-up', 'availability': 'mornings', 'providerPreference': 'any', 'deadline': 'none'}";

    /** Builds Thanksgiving week; answers are in {@link #thanksgivingWeekMeasuresAsCountedByHand()}. */
    private String thanksgivingWeek() {
        var practice = fx.practice();
        String p = practice.id();
        String bookingPatient = fx.patient(p, Fixtures.phone(1));
        String pausedPatient = fx.patient(p, Fixtures.phone(2));
        // G: Mon 09:00 general question, due Tue 17:00, first attempt Wed 09:00: missed, 480 + 540 + 60 = 1080 business minutes.
        String g = create(p, "GENERAL_QUESTION", null, Fixtures.phone(10), nov(23, 9, 0), null).path("id").asString();
        // F: Mon 09:00, closed as a duplicate at 09:10 before any attempt: volume only.
        String f = create(p, "GENERAL_QUESTION", null, Fixtures.phone(11), nov(23, 9, 0), null).path("id").asString();
        close(f, nov(23, 9, 10), "DUPLICATE");
        // B: Mon 10:00 appointment request, reached 10:30 (30 min, on time), booked 11:00 (resolution 60 min).
        String b = create(p, "APPOINTMENT_REQUEST", bookingPatient, null, nov(23, 10, 0), SCHEDULING_DETAILS).path("id").asString();
        attempt(b, nov(23, 10, 30), "REACHED");
        close(b, nov(23, 11, 0), "BOOKED");
        // C: Tue 09:00 general question; NO_ANSWER 12:00 (180 min, on time); a repeat call attached at 11:00;
        // waits on the patient Tue 12:30 to Wed 10:30; reached Wed 11:00; answered Wed 12:00.
        // Resolution: 480 (Tue 09-17) + 240 (Wed 08-12) - 270 (Tue 12:30-17) - 150 (Wed 08-10:30) = 300 min.
        String c = create(p, "GENERAL_QUESTION", pausedPatient, null, nov(24, 9, 0), null).path("id").asString();
        // D: Tue 10:00 the booking patient again, after B closed: a second call; reached 10:15 (15 min), closed 10:20 (20 min)
        // as waiting on information (resolves, but is not a booking).
        String d = create(p, "APPOINTMENT_REQUEST", bookingPatient, null, nov(24, 10, 0), SCHEDULING_DETAILS).path("id").asString();
        attempt(d, nov(24, 10, 15), "REACHED");
        close(d, nov(24, 10, 20), "WAITING_ON_INFORMATION");
        JsonNode repeat = create(p, "GENERAL_QUESTION", pausedPatient, null, nov(24, 11, 0), null);
        assertThat(repeat.path("id").asString()).isEqualTo(c);
        attempt(c, nov(24, 12, 0), "NO_ANSWER");
        act(c, nov(24, 12, 30), "wait", Api.json("{'on': 'PATIENT', 'note': 'checking her schedule'}"));
        act(c, nov(25, 10, 30), "resume", "{}");
        attempt(c, nov(25, 11, 0), "REACHED");
        close(c, nov(25, 12, 0), "QUESTION_ANSWERED");
        act(g, nov(25, 8, 30), "escalate", Api.json("{'reason': 'first attempt overdue'}"));
        attempt(g, nov(25, 9, 0), "REACHED");
        // A: Wed 16:00, due Fri 17:00 (Thursday is Thanksgiving); NO_ANSWER Fri 09:00: 60 + 0 + 60 = 120 min, on time.
        String a = create(p, "GENERAL_QUESTION", null, Fixtures.phone(12), nov(25, 16, 0), null).path("id").asString();
        attempt(a, nov(27, 9, 0), "NO_ANSWER");
        // H: Fri 10:00, due Mon 30 17:00, never attempted: missed once the report runs on Tue Dec 1.
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(13), nov(27, 10, 0), null);
        clock.set(Instant.parse("2026-12-01T15:00:00Z"));
        return p;
    }

    @Test
    void thanksgivingWeekMeasuresAsCountedByHand() {
        String p = thanksgivingWeek();

        var response = admin.get("/api/v1/practices/" + p + "/reports/weekly?week=2026-W48&baseline=2026-10-01..2026-10-31");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode week = response.json("/week");
        assertThat(week.path("period").asString()).isEqualTo("2026-W48");
        assertThat(week.path("volume").asInt()).isEqualTo(7);
        assertThat(week.path("repeatCallsAttached").asInt()).isEqualTo(1);
        // First attempts [15, 30, 120, 180, 1080]: median = rank 3, p90 = rank ceil(4.5) = 5.
        assertThat(week.at("/firstAttempt/count").asInt()).isEqualTo(5);
        assertThat(week.at("/firstAttempt/medianMinutes").asLong()).isEqualTo(120);
        assertThat(week.at("/firstAttempt/p90Minutes").asLong()).isEqualTo(1080);
        // Counted: A B C D G H (F closed before due without an attempt); on time: A B C D.
        assertThat(week.at("/firstAttemptOnTime/count").asInt()).isEqualTo(4);
        assertThat(week.at("/firstAttemptOnTime/of").asInt()).isEqualTo(6);
        assertThat(week.at("/firstAttemptOnTime/share").asDouble()).isEqualTo(0.6667);
        // Phone attempts: B, D, C x2, G, A; reached B, D, C, G. MORNING: B D A G (3 of 4); MIDDAY: C C (1 of 2).
        assertThat(week.at("/reach/count").asInt()).isEqualTo(4);
        assertThat(week.at("/reach/of").asInt()).isEqualTo(6);
        assertThat(week.at("/reachByWindow/MORNING/count").asInt()).isEqualTo(3);
        assertThat(week.at("/reachByWindow/MORNING/of").asInt()).isEqualTo(4);
        assertThat(week.at("/reachByWindow/MIDDAY/of").asInt()).isEqualTo(2);
        assertThat(week.at("/reachByWeekday/TUESDAY/count").asInt()).isEqualTo(1);
        assertThat(week.at("/reachByWeekday/TUESDAY/of").asInt()).isEqualTo(2);
        assertThat(week.at("/reachByWeekday/FRIDAY/count").asInt()).isEqualTo(0);
        // Scheduling items closed: B (BOOKED), D (WAITING_ON_INFORMATION).
        assertThat(week.at("/bookingConversion/share").asDouble()).isEqualTo(0.5);
        // Resolved B (60), D (20), C (300, patient wait taken out); F's DUPLICATE does not resolve.
        assertThat(week.at("/resolved/count").asInt()).isEqualTo(3);
        assertThat(week.at("/resolved/of").asInt()).isEqualTo(7);
        assertThat(week.at("/resolution/medianMinutes").asLong()).isEqualTo(60);
        assertThat(week.at("/resolution/p90Minutes").asLong()).isEqualTo(300);
        // Open at Mon Nov 30 00:00: G (6.6 days), A (4.3 days), H (2.6 days).
        assertThat(week.at("/backlogAt").asString()).isEqualTo("2026-11-30T05:00:00Z");
        assertThat(week.at("/backlogByAge/UNDER_1_DAY").asInt()).isEqualTo(0);
        assertThat(week.at("/backlogByAge/DAYS_1_TO_3").asInt()).isEqualTo(1);
        assertThat(week.at("/backlogByAge/DAYS_3_TO_7").asInt()).isEqualTo(2);
        assertThat(week.at("/escalations/total").asInt()).isEqualTo(1);
        assertThat(week.at("/escalations/toLevel1").asInt()).isEqualTo(1);
        // Repeats: D (second call) + the call attached to C, out of 7 items + 1 attached call.
        assertThat(week.at("/secondCalls/count").asInt()).isEqualTo(2);
        assertThat(week.at("/secondCalls/of").asInt()).isEqualTo(8);
        assertThat(week.at("/waitingReasons/PATIENT").asInt()).isEqualTo(1);
        // GENERAL_QUESTION counted A C G H and missed G H: the hardest promise.
        assertThat(week.at("/promisesHardToKeep/0/category").asString()).isEqualTo("GENERAL_QUESTION");
        assertThat(week.at("/promisesHardToKeep/0/missed").asInt()).isEqualTo(2);
        assertThat(week.at("/promisesHardToKeep/0/counted").asInt()).isEqualTo(4);
        // Arrivals in New York time: Monday (row 0) 09:00 has G and F.
        assertThat(week.at("/arrivals/0/9").asInt()).isEqualTo(2);
        assertThat(week.at("/arrivals/2/16").asInt()).isEqualTo(1);
        assertThat(week.at("/breakdowns/channel/0/key").asString()).isEqualTo("VOICEMAIL");
        assertThat(week.at("/breakdowns/channel/0/volume").asInt()).isEqualTo(7);
        // The week before had nothing: no data is not 0%.
        assertThat(response.json("/previousWeek/volume").asInt()).isZero();
        assertThat(response.json("/previousWeek/firstAttemptOnTime/share").isNull()).isTrue();
        assertThat(response.json("/baseline/period").asString()).isEqualTo("2026-10-01..2026-10-31");
        // The trend's last point (SQL) agrees with the week's own count (Java).
        JsonNode trend = response.json("/onTimeTrend");
        assertThat(trend.size()).isEqualTo(8);
        assertThat(trend.get(7).path("week").asString()).isEqualTo("2026-W48");
        assertThat(trend.get(7).at("/onTime/count").asInt()).isEqualTo(4);
        assertThat(trend.get(7).at("/onTime/of").asInt()).isEqualTo(6);
        // An admin manages every practice: the sample holds the repeat-call items C and D.
        assertThat(response.json("/secondCallSample").size()).isEqualTo(2);
    }

    @Test
    void theReviewPackPdfCarriesTheHeadlineNumbers() throws IOException {
        String p = thanksgivingWeek();

        var pdf = ReportHttp.get(port, "admin", Api.ADMIN_PASSWORD, "/api/v1/practices/" + p + "/reports/weekly?week=2026-W48",
                "application/pdf");

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Weekly review", "2026-W48", "2026-W47");
            assertThat(text).containsPattern("Items received\\s+7\\s+0");
            assertThat(text).containsPattern("First attempts within window\\s+66\\.7%\\s+n/a");
            assertThat(text).containsPattern("Time to first attempt, median \\(business\\)\\s+120 min");
            assertThat(text).contains("GENERAL_QUESTION");
        }
    }

    @Test
    void theRowsBehindTheTablesAreCsvForManagersAndEveryExportIsAudited() {
        String p = thanksgivingWeek();
        var manager = fx.manager(p);

        var items = ReportHttp.get(port, manager.username(), manager.password(),
                "/api/v1/practices/" + p + "/reports/weekly/rows.csv?week=2026-W48&table=items", "text/csv");
        var attempts = ReportHttp.get(port, manager.username(), manager.password(),
                "/api/v1/practices/" + p + "/reports/weekly/rows.csv?week=2026-W48&table=attempts", "*/*");
        ReportHttp.get(port, manager.username(), manager.password(),
                "/api/v1/practices/" + p + "/reports/weekly?week=2026-W48", "application/pdf");

        assertThat(items.status()).as(items.text()).isEqualTo(200);
        assertThat(items.contentType()).startsWith("text/csv");
        List<String> lines = items.text().lines().toList();
        assertThat(lines.get(0)).startsWith("callback_id,category,channel,queue,urgency,received_at");
        assertThat(lines).hasSize(8);
        assertThat(lines).anyMatch(line -> line.contains(",1080,true,false,"));
        assertThat(attempts.text().lines()).hasSize(7);
        List<String> trail = jdbc.sql("""
                        select action || ' ' || subject_type || ' ' || subject_id from audit_event
                        where practice_id = :practiceId and actor = :actor order by id""")
                .param("practiceId", UUID.fromString(p))
                .param("actor", manager.username())
                .query(String.class).list();
        assertThat(trail).containsExactly("READ report-rows 2026-W48/ITEMS", "READ report-rows 2026-W48/ATTEMPTS",
                "READ weekly-report 2026-W48/PDF");
    }

    @Test
    void staffSeeTheMeasuresButNotTheItemRowsOrTheSample() {
        var practice = fx.practice();
        var staff = fx.staff(practice.id());
        clock.set(Instant.parse("2026-12-01T15:00:00Z"));

        var report = staff.api().get("/api/v1/practices/" + practice.id() + "/reports/weekly?week=2026-W48");
        var rows = staff.api().get("/api/v1/practices/" + practice.id() + "/reports/weekly/rows.csv?week=2026-W48&table=items");

        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        assertThat(Fixtures.absent(report.json("/secondCallSample"))).isTrue();
        assertThat(rows.status()).isEqualTo(403);
        assertThat(rows.contentType()).startsWith("application/problem+json");
    }

    @Test
    void badWeeksAndBaselinesAre400AndAnotherPracticeIs404() {
        var practice = fx.practice();
        var other = fx.practice();
        var manager = fx.manager(practice.id());
        String base = "/api/v1/practices/" + practice.id() + "/reports/weekly";

        for (String bad : List.of("2026-48", "2026-W54", "W48", "2026-W00", "")) {
            var response = manager.api().get(base + "?week=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var badBaseline = manager.api().get(base + "?week=2026-W48&baseline=2026-10-31..2026-10-01");
        assertThat(badBaseline.status()).isEqualTo(400);
        assertThat(Fixtures.errorFields(badBaseline)).containsExactly("baseline");
        var badPdf = ReportHttp.get(port, manager.username(), manager.password(), base + "?week=2026-W99", "application/pdf");
        assertThat(badPdf.status()).isEqualTo(400);
        var badTable = manager.api().get(base + "/rows.csv?week=2026-W48&table=patients");
        assertThat(badTable.status()).isEqualTo(400);
        var elsewhere = manager.api().get("/api/v1/practices/" + other.id() + "/reports/weekly?week=2026-W48");
        assertThat(elsewhere.status()).isEqualTo(404);
        var elsewhereRows = manager.api().get("/api/v1/practices/" + other.id() + "/reports/weekly/rows.csv?week=2026-W48&table=items");
        assertThat(elsewhereRows.status()).isEqualTo(404);
    }

    /**
     * 2026-W44 ends on Sunday Nov 1, when New York falls back an hour: the week has 169 hours, business minutes
     * ignore the extra night hour, and two calls at 01:30 EDT and 01:30 EST both arrive in Sunday's 01:00 hour.
     */
    @Test
    void theWeekDaylightSavingTimeEndsCountsInLocalTime() {
        String p = fx.practice().id();
        // Fri Oct 30 16:00 EDT; attempted Mon Nov 2 09:00 EST: 60 + 60 = 120 business minutes (67 hours on the clock).
        String j = create(p, "GENERAL_QUESTION", null, Fixtures.phone(20), Instant.parse("2026-10-30T20:00:00Z"), null).path("id").asString();
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(21), Instant.parse("2026-11-01T05:30:00Z"), null);
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(22), Instant.parse("2026-11-01T06:30:00Z"), null);
        attempt(j, Instant.parse("2026-11-02T14:00:00Z"), "REACHED");
        clock.set(Instant.parse("2026-11-03T15:00:00Z"));

        var response = admin.get("/api/v1/practices/" + p + "/reports/weekly?week=2026-W44");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode week = response.json("/week");
        Instant from = Instant.parse(week.path("from").asString());
        Instant to = Instant.parse(week.path("to").asString());
        assertThat(from).isEqualTo(Instant.parse("2026-10-26T04:00:00Z"));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(169));
        assertThat(week.path("volume").asInt()).isEqualTo(3);
        assertThat(week.at("/firstAttempt/medianMinutes").asLong()).isEqualTo(120);
        assertThat(week.at("/arrivals/6/1").asInt()).isEqualTo(2);
        assertThat(week.at("/arrivals/4/16").asInt()).isEqualTo(1);
    }

    /**
     * The organisation's month for a manager of two practices, New York (Thanksgiving week, see
     * {@link #thanksgivingWeekMeasuresAsCountedByHand()}) and Los Angeles (one call at 23:30 on Monday Nov 30, local
     * time: still November there, December in New York). Each practice is read in its own time zone.
     */
    @Test
    void theOrganisationMonthPutsEveryPracticeSideBySideInItsOwnTimeZone() {
        String newYork = thanksgivingWeek();
        var created = admin.post("/api/v1/practices", Api.json("""
                {'name': '%s', 'timeZone': 'America/Los_Angeles', 'holidayCalendar': 'US', 'businessHours': %s}""",
                Fixtures.unique("Pacific Pediatrics"), Fixtures.WEEKDAYS_8_TO_5));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String losAngeles = created.text("/id");
        create(losAngeles, "GENERAL_QUESTION", null, Fixtures.phone(30), Instant.parse("2026-12-01T07:30:00Z"), null);
        clock.set(Instant.parse("2026-12-01T15:00:00Z"));
        Api lead = twoPracticeManager(newYork, losAngeles);

        var response = lead.get("/api/v1/reports/monthly?month=2026-11");

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json("/month").asString()).isEqualTo("2026-11");
        JsonNode practices = response.json("/practices");
        assertThat(practices.size()).isEqualTo(2);
        JsonNode ny = practiceIn(practices, newYork).path("measures");
        assertThat(ny.path("period").asString()).isEqualTo("2026-11");
        assertThat(ny.path("from").asString()).isEqualTo("2026-11-01T04:00:00Z");
        assertThat(ny.path("to").asString()).isEqualTo("2026-12-01T05:00:00Z");
        // November holds only Thanksgiving week's items: the week's numbers, Thursday the holiday left out of business time.
        assertThat(ny.path("volume").asInt()).isEqualTo(7);
        assertThat(ny.at("/firstAttempt/medianMinutes").asLong()).isEqualTo(120);
        assertThat(ny.at("/firstAttempt/p90Minutes").asLong()).isEqualTo(1080);
        assertThat(ny.at("/firstAttemptOnTime/count").asInt()).isEqualTo(4);
        assertThat(ny.at("/firstAttemptOnTime/of").asInt()).isEqualTo(6);
        assertThat(ny.at("/reach/count").asInt()).isEqualTo(4);
        assertThat(ny.at("/reach/of").asInt()).isEqualTo(6);
        assertThat(ny.at("/resolution/medianMinutes").asLong()).isEqualTo(60);
        assertThat(ny.at("/resolution/p90Minutes").asLong()).isEqualTo(300);
        assertThat(ny.at("/secondCalls/count").asInt()).isEqualTo(2);
        assertThat(ny.at("/escalations/total").asInt()).isEqualTo(1);
        assertThat(ny.at("/waitingReasons/PATIENT").asInt()).isEqualTo(1);
        // Open at Tue Dec 1 00:00 New York: G (Mon 23 09:00, 7.6 days), A (Wed 25 16:00, 5.3), H (Fri 27 10:00, 3.6).
        assertThat(ny.at("/backlogAt").asString()).isEqualTo("2026-12-01T05:00:00Z");
        assertThat(ny.at("/backlogByAge/OVER_7_DAYS").asInt()).isEqualTo(1);
        assertThat(ny.at("/backlogByAge/DAYS_3_TO_7").asInt()).isEqualTo(2);
        JsonNode la = practiceIn(practices, losAngeles).path("measures");
        assertThat(la.path("to").asString()).isEqualTo("2026-12-01T08:00:00Z");
        assertThat(la.path("volume").asInt()).isEqualTo(1);
        assertThat(la.at("/arrivals/0/23").asInt()).isEqualTo(1);
        List<String> trail = jdbc.sql("select subject_type || ' ' || subject_id from audit_event where practice_id = :p and subject_type = 'monthly-report'")
                .param("p", UUID.fromString(losAngeles)).query(String.class).list();
        assertThat(trail).containsExactly("monthly-report 2026-11/JSON");
    }

    /**
     * March 2026 in New York: daylight saving time starts on Sunday Mar 8 at 02:00, so the month has 743 hours and
     * its second ISO week (2026-W10) 167. A call at 01:30 EST and one at 03:30 EDT are an hour apart on the clock
     * and land in local hours 1 and 3; business minutes across the change count only open hours.
     */
    @Test
    void theMonthDaylightSavingTimeStartsCountsInLocalTime() {
        String p = fx.practice().id();
        // Fri Mar 6 16:00 EST; reached Mon Mar 9 09:00 EDT: 60 + 60 = 120 business minutes (64 hours on the clock).
        String j = create(p, "GENERAL_QUESTION", null, Fixtures.phone(40), Instant.parse("2026-03-06T21:00:00Z"), null).path("id").asString();
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(41), Instant.parse("2026-03-08T06:30:00Z"), null);
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(42), Instant.parse("2026-03-08T07:30:00Z"), null);
        attempt(j, Instant.parse("2026-03-09T13:00:00Z"), "REACHED");
        // Tue Mar 31 23:30 EDT is still March; Apr 1 00:30 EDT is not.
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(43), Instant.parse("2026-04-01T03:30:00Z"), null);
        create(p, "GENERAL_QUESTION", null, Fixtures.phone(44), Instant.parse("2026-04-01T04:30:00Z"), null);
        clock.set(Instant.parse("2026-04-02T15:00:00Z"));
        Api manager = fx.manager(p).api();

        var month = manager.get("/api/v1/reports/monthly?month=2026-03");
        var week = manager.get("/api/v1/practices/" + p + "/reports/weekly?week=2026-W10");

        assertThat(month.status()).as(month.raw()).isEqualTo(200);
        JsonNode march = practiceIn(month.json("/practices"), p).path("measures");
        Instant from = Instant.parse(march.path("from").asString());
        Instant to = Instant.parse(march.path("to").asString());
        assertThat(from).isEqualTo(Instant.parse("2026-03-01T05:00:00Z"));
        assertThat(to).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofHours(31 * 24 - 1));
        assertThat(march.path("volume").asInt()).isEqualTo(4);
        assertThat(march.at("/firstAttempt/medianMinutes").asLong()).isEqualTo(120);
        assertThat(march.at("/arrivals/6/1").asInt()).isEqualTo(1);
        assertThat(march.at("/arrivals/6/2").asInt()).isZero();
        assertThat(march.at("/arrivals/6/3").asInt()).isEqualTo(1);
        assertThat(march.at("/arrivals/1/23").asInt()).isEqualTo(1);
        assertThat(week.status()).as(week.raw()).isEqualTo(200);
        assertThat(Duration.between(Instant.parse(week.json("/week/from").asString()), Instant.parse(week.json("/week/to").asString())))
                .isEqualTo(Duration.ofHours(167));
        assertThat(week.json("/week/volume").asInt()).isEqualTo(3);
        // The month's numbers agree with the weekly pack's for the same items (one calculator).
        assertThat(week.json("/week/firstAttempt/medianMinutes").asLong()).isEqualTo(120);
    }

    @Test
    void badMonthsAre400() {
        var manager = fx.manager(fx.practice().id());

        for (String bad : List.of("2026-13", "2026-00", "2026-1", "26-10", "2026-W10", "")) {
            var response = manager.api().get("/api/v1/reports/monthly?month=" + bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(Fixtures.errorFields(response)).as(bad).containsExactly("month");
        }
        assertThat(manager.api().get("/api/v1/reports/monthly").status()).isEqualTo(400);
    }

    private Api twoPracticeManager(String first, String second) {
        String username = Fixtures.unique("lead").toLowerCase();
        var response = admin.post("/api/v1/users", Api.json("""
                {'username': '%s', 'password': 'two-practices-secret', 'displayName': 'Lead', 'roles': ['MANAGER'],
                 'practiceIds': ['%s', '%s']}""", username, first, second));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return Api.as(port, username, "two-practices-secret");
    }

    private static JsonNode practiceIn(JsonNode practices, String practiceId) {
        for (JsonNode practice : practices) {
            if (practice.path("practiceId").asString().equals(practiceId)) {
                return practice;
            }
        }
        throw new AssertionError("no practice " + practiceId + " in " + practices);
    }
}

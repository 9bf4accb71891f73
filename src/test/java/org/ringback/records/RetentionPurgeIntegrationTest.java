package org.ringback.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
 * The retention purge on a practice that keeps patient data one year after closure: items closed in Thanksgiving
 * week 2026 lose every trace of their patients two years later, the weekly measures of that week stay exactly the
 * same, and an open item, an item closed within the year and the patients who still have one are left alone.
 */
@IntegrationTest
class RetentionPurgeIntegrationTest {

    /** Words only the purged items' patient data holds: names, phones (as stored), reasons, notes, responses. */
    static final List<String> PURGED_PHI = List.of("Rosalind", "Quill", "Imogen", "Vale", "Tobias", "5550171", "5550173",
            "knee", "chest", "swelling", "calendar", "Tuesday", "booked her", "afternoon please", "explained");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RetentionPurge purge;

    Fixtures fx;
    Api admin;
    String p;
    Fixtures.User manager;
    Api clinician;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fx = new Fixtures(port);
        admin = fx.admin();
        p = fx.practice().id();
        manager = fx.manager(p);
        clinician = fx.clinical(p).api();
    }

    /** New York wall time in Thanksgiving week (EST, UTC-5). */
    private static Instant nov(int day, int hour, int minute) {
        return Instant.parse("2026-11-%02dT%02d:%02d:00Z".formatted(day, hour + 5, minute));
    }

    private String patient(String name, String phone) {
        var response = admin.post("/api/v1/practices/" + p + "/patients", Api.json("""
                {'displayName': '%s', 'phones': ['%s'], 'consent': {'voicemail': true, 'sms': true}}""", name, phone));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("/id");
    }

    private String create(String category, String patientId, String callerPhone, String callerName, String reason, Instant at) {
        clock.set(at);
        var builder = fx.aCallback(p).channel("VOICEMAIL").inCategory(category).receivedAt(at).reason(reason);
        builder = patientId != null ? builder.forPatient(patientId) : builder.fromCaller(callerPhone, callerName);
        if (category.equals("APPOINTMENT_REQUEST")) {
            builder = builder.details("{'visitType': 'knee follow-up', 'availability': 'Tuesday mornings', 'providerPreference': 'any', 'deadline': 'none'}");
        }
        var response = builder.postAs(admin);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("/id");
    }

    private void attempt(String id, Instant at, String result, String response, String next) {
        clock.set(at);
        var answer = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': '%s', 'messageLeft': false, 'script': 'OPENING', 'patientResponse': %s,
                 'nextAction': '%s'}""", at, result, response == null ? "null" : "'" + response + "'", next));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
    }

    private void act(String id, Instant at, String action, String body) {
        act(admin, id, at, action, body);
    }

    private void act(Api api, String id, Instant at, String action, String body) {
        clock.set(at);
        var answer = api.post("/api/v1/callbacks/" + id + "/" + action, body);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
    }

    /** Closed by a clinician: the red-flag screen sends items that mention symptoms to the clinical queue. */
    private void close(String id, Instant at, String outcome, String note) {
        close(clinician, id, at, outcome, note);
    }

    private void close(Api api, String id, Instant at, String outcome, String note) {
        int version = admin.get("/api/v1/callbacks/" + id).body().path("version").asInt();
        act(api, id, at, "close", Api.json("{'outcome': '%s', 'version': %d, 'note': '%s'}", outcome, version, note));
    }

    private JsonNode weekly() {
        var report = Api.as(port, manager.username(), manager.password()).get("/api/v1/practices/" + p + "/reports/weekly?week=2026-W48");
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body();
    }

    private String text(String sql, String id) {
        return jdbc.sql(sql).param("p", UUID.fromString(p)).param("id", UUID.fromString(id)).query(String.class).list().toString();
    }

    record Week(String rosalind, String tobias, String felix, List<String> purged, String open, String recent) {
    }

    /** Rosalind's two items and Imogen's (a caller with no patient record) close in the week; Tobias has one closed, one open. */
    private Week thanksgivingWeekAndAYearLater() {
        String rosalind = patient("Rosalind Quill", Fixtures.phone(71));
        String tobias = patient("Tobias Wren", Fixtures.phone(72));
        String felix = patient("Felix Marsh", Fixtures.phone(74));
        String a1 = create("APPOINTMENT_REQUEST", rosalind, null, null, "knee swelling, wants to be seen", nov(23, 10, 0));
        attempt(a1, nov(23, 10, 30), "NO_ANSWER", null, "afternoon please");
        attempt(a1, nov(23, 14, 30), "REACHED", "Tuesday works for her", "book Tuesday");
        close(a1, nov(23, 15, 0), "BOOKED", "booked her for Tuesday 9am");
        String a2 = create("APPOINTMENT_REQUEST", rosalind, null, null, "knee again, wants an earlier slot", nov(24, 10, 0));
        attempt(a2, nov(24, 10, 15), "REACHED", "explained the wait list", "none");
        close(a2, nov(24, 10, 20), "WAITING_ON_INFORMATION", "explained the wait list");
        String b1 = create("GENERAL_QUESTION", tobias, null, null, "question about chest x-ray results", nov(23, 11, 0));
        act(b1, nov(23, 12, 0), "wait", Api.json("{'on': 'PATIENT', 'note': 'checking his calendar'}"));
        act(b1, nov(24, 9, 0), "resume", "{}");
        attempt(b1, nov(24, 9, 30), "REACHED", "explained the x-ray", "none");
        close(b1, nov(24, 10, 0), "QUESTION_ANSWERED", "explained the x-ray result");
        String c1 = create("GENERAL_QUESTION", null, Fixtures.phone(73), "Imogen Vale", "calendar question about her knee", nov(23, 9, 0));
        act(c1, nov(25, 8, 30), "escalate", Api.json("{'reason': 'Imogen called twice'}"));
        attempt(c1, nov(25, 9, 0), "REACHED", "explained the hours", "none");
        close(c1, nov(25, 9, 30), "QUESTION_ANSWERED", "explained the hours to Imogen");
        String open = create("GENERAL_QUESTION", tobias, null, null, "Tobias: new question about his chest", nov(25, 11, 0));
        // Closed half a year before the purge: within the year.
        String recent = create("GENERAL_QUESTION", felix, null, null, "Felix asks about his knee", Instant.parse("2027-07-01T14:00:00Z"));
        close(recent, Instant.parse("2027-07-01T15:00:00Z"), "QUESTION_ANSWERED", "told Felix");
        clock.set(Instant.parse("2028-01-15T15:00:00Z"));
        return new Week(rosalind, tobias, felix, List.of(a1, a2, b1, c1), open, recent);
    }

    @Test
    void managersSetThePeriodAndItDefaultsToSevenYears() {
        var staff = fx.staff(p);
        assertThat(staff.api().get("/api/v1/practices/" + p + "/retention").body().toString())
                .isEqualTo("{\"afterClosure\":\"P7Y\",\"isDefault\":true}");
        assertThat(staff.api().put("/api/v1/practices/" + p + "/retention", Api.json("{'afterClosure': 'P1Y'}")).status()).isEqualTo(403);
        assertThat(manager.api().put("/api/v1/practices/" + p + "/retention", Api.json("{'afterClosure': 'P10D'}")).status()).isEqualTo(400);
        var changed = manager.api().put("/api/v1/practices/" + p + "/retention", Api.json("{'afterClosure': 'P18M'}"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().toString()).isEqualTo("{\"afterClosure\":\"P1Y6M\",\"isDefault\":false}");
    }

    @Test
    void thePurgeRemovesThePatientDataOfItemsClosedLongerAgoThanThePeriodAndTheMeasuresStayTheSame() {
        assertThat(manager.api().put("/api/v1/practices/" + p + "/retention", Api.json("{'afterClosure': 'P1Y'}")).status()).isEqualTo(200);
        Week week = thanksgivingWeekAndAYearLater();
        webhook("CA-linked", week.purged().get(0));
        webhook("CA-blocked", null);
        JsonNode before = weekly();
        assertThat(before.toString()).contains("\"volume\"");

        purge.purgeDue();

        assertThat(weekly()).isEqualTo(before);
        for (String id : week.purged()) {
            String item = text("select to_jsonb(c)::text from callback c where practice_id = :p and id = :id", id);
            String attempts = text("select to_jsonb(a)::text from attempt a where practice_id = :p and callback_id = :id", id);
            String events = text("select to_jsonb(e)::text from callback_event e where practice_id = :p and callback_id = :id", id);
            for (String phi : PURGED_PHI) {
                assertThat(item).as("item").doesNotContainIgnoringCase(phi);
                assertThat(attempts).as("attempts").doesNotContainIgnoringCase(phi);
                assertThat(events).as("timeline").doesNotContainIgnoringCase(phi);
            }
            assertThat(item).contains("\"purged_at\": \"2028-01-15").contains("\"patient_id\": null").contains("\"closure_outcome\": \"");
            assertThat(attempts).contains("\"result\": \"REACHED\"");
        }
        assertThat(jdbc.sql("select params::text from telephony_inbox where practice_id = :p order by call_sid")
                .param("p", UUID.fromString(p)).query(String.class).list()).as("webhooks of purged items and that made none")
                .containsExactly("{}", "{}");
        assertThat(jdbc.sql("select count(*) from outbound_message where practice_id = :p and callback_id = :id")
                .param("p", UUID.fromString(p)).param("id", UUID.fromString(week.purged().get(0))).query(Long.class).single())
                .as("the text after the missed attempt").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbound_message where practice_id = :p and (to_phone is not null or body is not null or patient_id is not null)")
                .param("p", UUID.fromString(p)).query(Long.class).single()).as("texts of purged items keep no number, text or patient").isZero();
        assertThat(patients()).as("Rosalind has no item left; Tobias has an open one, Felix a recent one")
                .containsExactlyInAnyOrder(week.tobias(), week.felix());
        assertThat(jdbc.sql("select count(*) from patient_phone where practice_id = :p and patient_id = :id")
                .param("p", UUID.fromString(p)).param("id", UUID.fromString(week.rosalind())).query(Long.class).single()).isZero();
        assertThat(auditOfPurges()).containsExactly("callbacks=4,patients=1");
        assertThat(jdbc.sql("select coalesce(subject_id, '') from audit_event where practice_id = :p")
                .param("p", UUID.fromString(p)).query(String.class).list())
                .allSatisfy(subject -> PURGED_PHI.forEach(phi -> assertThat(subject).doesNotContainIgnoringCase(phi)));
    }

    @Test
    void thePurgeLeavesOpenItemsAndItemsWithinThePeriodAloneAndRunsOnce() {
        assertThat(manager.api().put("/api/v1/practices/" + p + "/retention", Api.json("{'afterClosure': 'P1Y'}")).status()).isEqualTo(200);
        Week week = thanksgivingWeekAndAYearLater();
        String openBefore = text("select to_jsonb(c)::text from callback c where practice_id = :p and id = :id", week.open());
        String recentBefore = text("select to_jsonb(c)::text from callback c where practice_id = :p and id = :id", week.recent());
        String recentEvents = text("select to_jsonb(e)::text from callback_event e where practice_id = :p and callback_id = :id", week.recent());

        purge.purgeDue();
        JsonNode after = weekly();
        purge.purgeDue();

        assertThat(text("select to_jsonb(c)::text from callback c where practice_id = :p and id = :id", week.open())).isEqualTo(openBefore)
                .contains("new question about his chest");
        assertThat(text("select to_jsonb(c)::text from callback c where practice_id = :p and id = :id", week.recent())).isEqualTo(recentBefore)
                .contains("Felix asks");
        assertThat(text("select to_jsonb(e)::text from callback_event e where practice_id = :p and callback_id = :id", week.recent()))
                .isEqualTo(recentEvents);
        assertThat(auditOfPurges()).as("the second run finds nothing due").hasSize(1);
        assertThat(weekly()).isEqualTo(after);
    }

    /** A stored Twilio webhook with the caller's number and transcript, as the telephony module keeps them. */
    private void webhook(String callSid, String callbackId) {
        jdbc.sql("""
                        insert into telephony_inbox (practice_id, call_sid, kind, params, received_at, status, next_attempt_at, callback_id)
                        values (:p, :sid, 'TRANSCRIPTION', '{"From": "+16175550171", "TranscriptionText": "my knee is swelling"}'::jsonb,
                                :at, :status, :at, cast(:callback as uuid))""")
                .param("p", UUID.fromString(p)).param("sid", callSid)
                .param("at", java.time.OffsetDateTime.parse("2026-11-23T15:00:00Z"))
                .param("status", callbackId == null ? "IGNORED" : "DONE")
                .param("callback", callbackId == null ? null : UUID.fromString(callbackId))
                .update();
    }

    private List<String> patients() {
        return jdbc.sql("select id::text from patient where practice_id = :p").param("p", UUID.fromString(p)).query(String.class).list();
    }

    private List<String> auditOfPurges() {
        return jdbc.sql("select subject_id from audit_event where practice_id = :p and subject_type = 'retention-purge' order by id")
                .param("p", UUID.fromString(p)).query(String.class).list();
    }
}

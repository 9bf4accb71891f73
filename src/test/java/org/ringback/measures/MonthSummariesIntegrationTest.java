package org.ringback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

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
import tools.jackson.databind.node.ObjectNode;

/**
 * The organisation's month served from stored month summaries (V1_180) over real HTTP: a settled month is kept
 * and served; any change that could alter it (a late attempt, a calendar or category change, a change committed
 * while the month was being computed) makes the summary invalid, so the answer is always what a fresh computation
 * gives. A summary is told apart from a computation by changing the stored copy behind the app's back.
 */
@IntegrationTest
class MonthSummariesIntegrationTest {

    private static final LocalDate SEPTEMBER = LocalDate.parse("2026-09-01");
    /** A volume no real month of these tests has: seen only when the answer comes from the stored summary. */
    private static final int TAMPERED = 999;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MonthlyMeasures monthly;

    Fixtures fx;
    Api admin;
    String practice;
    Api manager;
    String reached;
    String unattempted;

    /** September 2026 in New York: one call reached the same morning, one never attempted. */
    @BeforeEach
    void setUp() {
        fx = new Fixtures(port);
        admin = fx.admin();
        practice = fx.practice().id();
        manager = fx.manager(practice).api();
        reached = create(Instant.parse("2026-09-14T14:00:00Z"), 1);
        attempt(reached, Instant.parse("2026-09-14T15:00:00Z"));
        unattempted = create(Instant.parse("2026-09-15T14:00:00Z"), 2);
        clock.set(Instant.parse("2026-10-05T15:00:00Z"));
    }

    @Test
    void aSettledMonthIsKeptAndServedUntilALateAttemptTouchesIt() {
        JsonNode computed = september();
        assertThat(computed.path("volume").asInt()).isEqualTo(2);
        assertThat(stored()).isEqualTo(1);

        tamperWithStoredSummary();
        assertThat(september().path("volume").asInt()).as("served from the summary").isEqualTo(TAMPERED);

        attempt(unattempted, Instant.parse("2026-10-05T15:00:00Z"));

        JsonNode recomputed = september();
        assertThat(recomputed.path("volume").asInt()).isEqualTo(2);
        assertThat(recomputed.at("/firstAttempt/count").asInt()).isEqualTo(2);
        assertThat(september().at("/firstAttempt/count").asInt()).as("the new summary is kept").isEqualTo(2);
    }

    @Test
    void aCallOfTheMonthRecordedLateMakesItsSummaryInvalid() {
        september();
        tamperWithStoredSummary();

        // Logged on Oct 5 with the time the voicemail was left, Sep 30 (an import of an old call log does the same).
        var late = fx.aCallback(practice).channel("VOICEMAIL").inCategory("GENERAL_QUESTION")
                .receivedAt(Instant.parse("2026-09-30T14:00:00Z")).fromCaller(Fixtures.phone(79), "Caller").postAs(admin);
        assertThat(late.status()).as(late.raw()).isEqualTo(201);

        assertThat(september().path("volume").asInt()).isEqualTo(3);
    }

    @Test
    void aChangeCommittedWhileTheMonthIsComputedMakesItsSummaryInvalid() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement touch = other.prepareStatement("update callback set version = version where id = ?")) {
                touch.setObject(1, UUID.fromString(unattempted));
                assertThat(touch.executeUpdate()).isEqualTo(1);
            }
            september();
            assertThat(stored()).as("computed while the change was in progress, and kept").isEqualTo(1);
            other.commit();
        }

        tamperWithStoredSummary();

        assertThat(september().path("volume").asInt()).as("the summary did not see the change").isEqualTo(2);
    }

    @Test
    void calendarAndCategoryChangesMakeTheMonthsSummariesInvalid() {
        september();
        tamperWithStoredSummary();
        var calendar = admin.put("/api/v1/practices/" + practice + "/calendar", Api.json("""
                {'holidayCalendar': 'US', 'closures': [], 'businessHours': %s}""", Fixtures.WEEKDAYS_8_TO_5));
        assertThat(calendar.status()).as(calendar.raw()).isEqualTo(200);
        assertThat(september().path("volume").asInt()).isEqualTo(2);

        tamperWithStoredSummary();
        var ladder = admin.put("/api/v1/practices/" + practice + "/ladder", Api.json("""
                {'categories': [{'code': 'BILLING', 'maxAttempts': 4, 'minGap': 'PT2H', 'differentWindow': true,
                  'busyRetry': 'PT15M', 'deadNumber': 'OTHER_CHANNEL'}]}"""));
        assertThat(ladder.status()).as(ladder.raw()).isEqualTo(200);
        assertThat(september().path("volume").asInt()).isEqualTo(2);
    }

    @Test
    void aMonthIsKeptOnlyOnceItsPromisesCanBeJudged() {
        // Wed Sep 30 16:30 EDT: its first attempt is due on Thursday Oct 1, after the month ends.
        create(Instant.parse("2026-09-30T20:30:00Z"), 3);
        clock.set(Instant.parse("2026-10-01T13:00:00Z"));

        assertThat(september().path("volume").asInt()).isEqualTo(3);
        assertThat(stored()).as("one promise still open").isZero();

        clock.set(Instant.parse("2026-10-09T13:00:00Z"));
        september();
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void aKeptMonthIsWhatAFreshComputationGivesWeeksLater() {
        september();
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        JsonNode kept = september();
        jdbc.sql("delete from measure_month where practice_id = :p").param("p", UUID.fromString(practice)).update();

        JsonNode fresh = september();

        assertThat(withoutAsOf(kept)).isEqualTo(withoutAsOf(fresh));
        assertThat(kept.path("asOf").asString()).isEqualTo("2026-10-05T15:00:00Z");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void theUpkeepSummarisesThePreviousMonthAndForgetsWhatNoSummaryNeeds() {
        UUID id = UUID.fromString(practice);
        jdbc.sql("insert into measure_change (practice_id, affects_from, noted_at) values (:p, '2026-09-20Z', now() - interval '2 days')")
                .param("p", id).update();

        monthly.refresh();

        assertThat(stored()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from measure_change where practice_id = :p and noted_at < now() - interval '1 day'")
                .param("p", id).query(Integer.class).single()).isZero();
        attempt(unattempted, Instant.parse("2026-10-05T15:00:00Z"));
        monthly.refresh();
        assertThat(jdbc.sql("select measures -> 'firstAttempt' ->> 'count' from measure_month where practice_id = :p")
                .param("p", id).query(String.class).single()).as("made invalid, computed again").isEqualTo("2");
    }

    @Test
    void aWriteThatKeepsTheMeasuresNotesNoChange() throws Exception {
        UUID id = UUID.fromString(practice);
        int before = changesOf(id);
        jdbc.sql("update callback set version = version where id = :id").param("id", UUID.fromString(reached)).update();
        assertThat(changesOf(id)).isEqualTo(before + 1);

        int afterOrdinaryWrite = changesOf(id);
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // What the retention purge sets: it removes patient data and keeps every measure.
            statement.execute("select set_config('ringback.measures_unchanged', 'on', true)");
            statement.executeUpdate("update callback set version = version where id = '" + reached + "'");
            connection.commit();
        }
        assertThat(changesOf(id)).isEqualTo(afterOrdinaryWrite);
    }

    private int changesOf(UUID id) {
        return jdbc.sql("select count(*) from measure_change where practice_id = :p").param("p", id).query(Integer.class).single();
    }

    private String create(Instant at, int caller) {
        clock.set(at);
        return fx.aCallback(practice).channel("VOICEMAIL").inCategory("GENERAL_QUESTION").receivedAt(at)
                .fromCaller(Fixtures.phone(70 + caller), "Caller").create().path("id").asString();
    }

    private void attempt(String id, Instant at) {
        clock.set(at);
        var response = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': 'REACHED', 'messageLeft': false, 'nextAction': 'done'}""", at));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
    }

    private JsonNode september() {
        var response = manager.get("/api/v1/reports/monthly?month=2026-09");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode practices = response.json("/practices");
        assertThat(practices.size()).isEqualTo(1);
        return practices.get(0).path("measures");
    }

    private int stored() {
        return jdbc.sql("select count(*) from measure_month where practice_id = :p and month = :m")
                .param("p", UUID.fromString(practice)).param("m", SEPTEMBER).query(Integer.class).single();
    }

    private void tamperWithStoredSummary() {
        int changed = jdbc.sql("update measure_month set measures = jsonb_set(measures, '{volume}', to_jsonb(:v)) where practice_id = :p")
                .param("v", TAMPERED).param("p", UUID.fromString(practice)).update();
        assertThat(changed).isEqualTo(1);
    }

    private static JsonNode withoutAsOf(JsonNode measures) {
        ObjectNode copy = (ObjectNode) measures.deepCopy();
        copy.remove("asOf");
        return copy;
    }
}

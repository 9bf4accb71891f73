package org.ringback.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.QueryCounting;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one {@code POST /api/v1/practices/{id}/callbacks} costs in SQL statements (the intake benchmark's hot path,
 * issue #9): the user (no write to it), the caller's patient, the caller lock, the idempotency key, the priors for
 * repeat detection, one statement for the item with its timeline and clock events, the audit entry and the key. The
 * practice and its categories are read at most once per practice and a few seconds, not per request, and the new
 * item is not read back. If a change makes intake cost more statements, this test says which.
 */
@IntegrationTest
class IntakeQueryCountIntegrationTest {

    /**
     * The user (HTTP Basic; with no failed sign-ins counted there is nothing to reset), patient by phone, caller
     * lock, key, priors, the item, audit, key.
     */
    private static final int NEW_CALLER = 8;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    QueryCounting queries;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
        // The first request reads the practice's settings; the counts below are of requests after it.
        assertThat(intake(Fixtures.phone(90), "warm-up").status()).isEqualTo(201);
    }

    @Test
    void aMissedCallFromANewCallerCostsAFixedSetOfStatements() {
        QueryCounting.Statements statements = queries.during(() -> assertThat(intake(Fixtures.phone(91), "new-caller").status()).isEqualTo(201));

        assertThat(withoutSettings(statements)).as(statements.toString()).hasSize(NEW_CALLER);
        assertThat(settingsReads(statements)).as("the practice and its categories, at most once: %s", statements).hasSizeLessThanOrEqualTo(2);
        assertThat(statements.sql()).as("the item, its timeline and its clock events go in one statement: %s", statements)
                .filteredOn(sql -> sql.contains("insert into callback") || sql.contains("insert into sla_event")).hasSize(1);
        assertThat(statements.sql()).as("the new item is not read back: %s", statements)
                .noneMatch(sql -> sql.contains("from callback_event") || sql.contains("from sla_event") || sql.contains("from attempt"));
        assertThat(statements.sql()).as("a caller with no patient is looked up by phone alone, in a statement PostgreSQL plans "
                        + "once; 'patient_id = null or ...' was planned again on every intake: %s", statements)
                .filteredOn(sql -> sql.contains("closed_at from callback")).singleElement().asString()
                .contains("contact_phone =").doesNotContain("patient_id");
        assertStored("new-caller");
    }

    @Test
    void aCallFromAKnownPatientCostsOneStatementMoreThanANewCaller() {
        fx.patient(practice.id(), Fixtures.phone(92));

        QueryCounting.Statements statements = queries.during(() -> assertThat(intake(Fixtures.phone(92), "patient").status()).isEqualTo(201));

        assertThat(withoutSettings(statements)).as("the patient's row, read once: %s", statements).hasSize(NEW_CALLER + 1);
        assertThat(statements.sql()).as(statements.toString()).filteredOn(sql -> sql.contains("from patient ")).hasSize(1);
        assertStored("patient");
    }

    @Test
    void aReplayedKeyStopsAfterTheKey() {
        QueryCounting.Statements statements = queries.during(() -> assertThat(intake(Fixtures.phone(90), "warm-up").status()).isEqualTo(200));

        // The user, patient by phone, caller lock, key, and the stored item read for the answer (four statements).
        assertThat(withoutSettings(statements)).as(statements.toString()).hasSize(8);
        assertThat(statements.sql()).as(statements.toString()).noneMatch(sql -> sql.startsWith("insert"));
        assertThat(statements.sql()).as("one item's attempts are read without an array, which PostgreSQL planned again on "
                        + "most calls: %s", statements)
                .filteredOn(sql -> sql.contains("from attempt")).singleElement().asString()
                .contains("callback_id = ?").doesNotContain("any(");
    }

    private Api.Response intake(String phone, String key) {
        return fx.aCallback(practice.id()).channel("MISSED_CALL").fromCaller(phone, "Caller")
                .receivedAt(MONDAY_0900.minus(Duration.ofMinutes(5))).idempotencyKey(key + "-" + practice.id()).postAs(staff.api());
    }

    /** The item made under this key has its timeline, its two clocks' events and its audit entry. */
    private void assertStored(String key) {
        String id = jdbc.sql("select callback_id::text from intake_key where idempotency_key = :key")
                .param("key", key + "-" + practice.id()).query(String.class).single();
        assertThat(count("select count(*) from callback_event where callback_id = cast(:id as uuid)", id)).isEqualTo(1);
        assertThat(count("select count(*) from sla_event where callback_id = cast(:id as uuid) and type = 'STARTED'", id)).isEqualTo(2);
        assertThat(count("select count(*) from audit_event where subject_id = :id and action = 'CREATE'", id)).isEqualTo(1);
        var view = staff.api().get("/api/v1/callbacks/" + id);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json("/timeline").size()).isEqualTo(1);
    }

    private long count(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private static List<String> settingsReads(QueryCounting.Statements statements) {
        return statements.sql().stream().filter(sql -> sql.contains(" from practice ") || sql.contains(" from category ")).toList();
    }

    private static List<String> withoutSettings(QueryCounting.Statements statements) {
        return statements.sql().stream().filter(sql -> !(sql.contains(" from practice ") || sql.contains(" from category "))).toList();
    }
}

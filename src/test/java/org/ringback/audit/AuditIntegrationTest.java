package org.ringback.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ringback.support.Fixtures.MONDAY_0900;

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
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and changes of patient data leave an audit trail that nobody can rewrite. */
@IntegrationTest
class AuditIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
    }

    @Test
    void readsAndChangesOfPatientDataAreRecordedWithWhoAndWhat() {
        var practice = fx.practice();
        var staff = fx.staff(practice.id());
        String patient = fx.patient(practice.id(), Fixtures.phone(90));
        var created = staff.api().post("/api/v1/practices/" + practice.id() + "/callbacks",
                Api.json("{'channel': 'STAFF', 'category': 'BILLING', 'patientId': '%s'}", patient));
        String callback = created.text("/id");
        staff.api().get("/api/v1/callbacks/" + callback);
        staff.api().get("/api/v1/practices/" + practice.id() + "/callbacks");
        staff.api().get("/api/v1/practices/" + practice.id() + "/patients/" + patient);
        staff.api().post("/api/v1/callbacks/" + callback + "/escalate", Api.json("{'reason': 'needs a supervisor'}"));

        List<String> trail = jdbc.sql("""
                        select actor || ' ' || action || ' ' || subject_type || ' ' || coalesce(subject_id, '-') from audit_event
                        where practice_id = :practiceId and actor = :actor order by id""")
                .param("practiceId", UUID.fromString(practice.id()))
                .param("actor", staff.username())
                .query(String.class).list();
        String who = staff.username() + " ";
        assertThat(trail).containsExactly(
                who + "CREATE callback " + callback,
                who + "READ callback " + callback,
                who + "LIST callback -",
                who + "READ patient " + patient,
                who + "CHANGE callback " + callback);
        assertThat(jdbc.sql("select count(*) from audit_event where practice_id = :practiceId and remote_addr is null and actor = :actor")
                .param("practiceId", UUID.fromString(practice.id())).param("actor", staff.username())
                .query(Integer.class).single()).as("every entry says where the request came from").isZero();
    }

    @Test
    void theAuditTrailRefusesUpdatesAndDeletes() {
        var practice = fx.practice();
        var staff = fx.staff(practice.id());
        staff.api().get("/api/v1/practices/" + practice.id() + "/callbacks");
        UUID practiceId = UUID.fromString(practice.id());

        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone-else' where practice_id = :practiceId")
                .param("practiceId", practiceId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where practice_id = :practiceId")
                .param("practiceId", practiceId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        // Rolled back whatever happens, so that a missing trigger fails this test without emptying the shared trail.
        for (String table : List.of("audit_event", "sign_in_event")) {
            assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                tx.setRollbackOnly();
                jdbc.sql("truncate " + table).update();
            })).as(table).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("select count(*) from audit_event where practice_id = :practiceId and actor = :actor")
                .param("practiceId", practiceId).param("actor", staff.username()).query(Integer.class).single()).isEqualTo(1);
    }
}

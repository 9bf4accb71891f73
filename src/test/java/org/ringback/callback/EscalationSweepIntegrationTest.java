package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

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

/** The escalation sweep against the real database: overdue first attempts escalate once per level, even with two sweepers. */
@IntegrationTest
class EscalationSweepIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    EscalationSweep sweep;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Api admin;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        admin = Api.admin(port);
    }

    @Test
    void anOverdueFirstAttemptEscalatesToTheSupervisorThenToTheManager() {
        var practice = fx.practice();
        // TELEHEALTH_ACCESS is due within one business hour: received Monday 09:00 New York, due 10:00.
        String overdue = fx.aCallback(practice.id()).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(41), "A").create().get("id").asString();
        String attempted = fx.aCallback(practice.id()).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(42), "B").create().get("id").asString();
        String notYetDue = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(43), "C").create().get("id").asString();
        clock.set(MONDAY_0900.plus(Duration.ofMinutes(30)));
        assertThat(admin.post("/api/v1/callbacks/" + attempted + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:30:00-05:00', 'result': 'NO_ANSWER', 'nextAction': 'try again'}")).status()).isEqualTo(201);

        clock.set(MONDAY_0900.plus(Duration.ofMinutes(61)));
        sweep.sweep();

        assertThat(level(overdue)).isEqualTo(1);
        assertThat(lastEvent(overdue).at("/detail/reason").asString()).contains("supervisor");
        assertThat(level(attempted)).as("an item already tried is not overdue for its first attempt").isZero();
        assertThat(level(notYetDue)).isZero();

        sweep.sweep();
        assertThat(level(overdue)).as("a second sweep at the same time changes nothing").isEqualTo(1);

        // Level 2 comes one further business hour after the due time: 11:00, and 11:01 is past it.
        clock.set(MONDAY_0900.plus(Duration.ofMinutes(121)));
        sweep.sweep();
        assertThat(level(overdue)).isEqualTo(2);
        assertThat(lastEvent(overdue).at("/detail/reason").asString()).contains("manager");

        clock.set(MONDAY_0900.plus(Duration.ofHours(6)));
        sweep.sweep();
        assertThat(level(overdue)).as("level 2 is the top").isEqualTo(2);
    }

    @Test
    void twoSweepersRunningAtOnceEscalateEachItemOnce() throws Exception {
        var practice = fx.practice();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(fx.aCallback(practice.id()).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(50 + i), "P" + i)
                    .create().get("id").asString());
        }
        clock.set(MONDAY_0900.plus(Duration.ofMinutes(75)));

        var start = new CountDownLatch(1);
        Callable<Integer> sweeper = () -> {
            start.await();
            return sweep.sweep();
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(sweeper);
            var second = pool.submit(sweeper);
            start.countDown();
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }

        for (String id : ids) {
            var timeline = admin.get("/api/v1/callbacks/" + id).json("/timeline");
            long escalations = 0;
            for (JsonNode event : timeline) {
                if (event.get("type").asString().equals("ESCALATED")) {
                    escalations++;
                }
            }
            assertThat(escalations).as("escalations of %s", id).isEqualTo(1);
            assertThat(level(id)).isEqualTo(1);
        }
    }

    @Test
    void theBreachFlagIsStoredWithTheEscalationAndWithoutOne() {
        var practice = fx.practice();
        String overdue = fx.aCallback(practice.id()).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(71), "A").create().get("id").asString();
        String atTheTop = fx.aCallback(practice.id()).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(72), "B").create().get("id").asString();
        for (int i = 0; i < 2; i++) {
            assertThat(admin.post("/api/v1/callbacks/" + atTheTop + "/escalate", Api.json("{'reason': 'the patient asks for the manager'}"))
                    .status()).isEqualTo(200);
        }

        clock.set(MONDAY_0900.plus(Duration.ofMinutes(61)));
        sweep.sweep();

        // Escalated in the same run as its breach: the row says both (one update writes them together).
        assertThat(stored(overdue)).isEqualTo("breached true, level 1");
        // Breached at the top level, so not escalated: the flag is written on its own.
        assertThat(stored(atTheTop)).isEqualTo("breached true, level 2");
        // The flag is what keeps a later sweep from recording the breach again.
        clock.set(MONDAY_0900.plus(Duration.ofMinutes(62)));
        sweep.sweep();
        for (String id : List.of(overdue, atTheTop)) {
            long breaches = 0;
            for (JsonNode event : admin.get("/api/v1/callbacks/" + id).json("/timeline")) {
                breaches += event.get("type").asString().equals("SLA_BREACHED") ? 1 : 0;
            }
            assertThat(breaches).as("breaches recorded for %s", id).isEqualTo(1);
        }
        assertThat(stored(overdue)).isEqualTo("breached true, level 1");
    }

    private String stored(String id) {
        return jdbc.sql("select first_attempt_breached, escalation_level from callback where id = :id")
                .param("id", UUID.fromString(id))
                .query((rs, n) -> "breached " + rs.getBoolean(1) + ", level " + rs.getInt(2))
                .single();
    }

    private int level(String id) {
        return admin.get("/api/v1/callbacks/" + id).json("/escalationLevel").asInt();
    }

    private JsonNode lastEvent(String id) {
        JsonNode timeline = admin.get("/api/v1/callbacks/" + id).json("/timeline");
        return timeline.get(timeline.size() - 1);
    }
}

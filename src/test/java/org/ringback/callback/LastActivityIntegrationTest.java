package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.identity.Identity;
import org.ringback.practice.PracticeDirectory;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idle-owner sweep reads {@code callback.last_activity_at}: every path that writes an item's events keeps it at
 * the newest event's time, and the sweep's candidates are per practice in business time, so items idle by the wall
 * clock only cannot keep idle items of another practice waiting.
 */
@IntegrationTest
class LastActivityIntegrationTest {

    /** Friday 2026-11-20 16:00 and Monday 2026-11-23 11:01 in New York. */
    static final Instant FRIDAY_1600 = Instant.parse("2026-11-20T21:00:00Z");
    static final Instant MONDAY_1101 = Instant.parse("2026-11-23T16:01:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CallbackDesk desk;

    @Autowired
    Callbacks callbacks;

    @Autowired
    PracticeDirectory practices;

    @Autowired
    Identity identity;

    @Autowired
    StaffNotifications notifications;

    @Autowired
    EscalationSweep escalation;

    @Autowired
    TransactionTemplate transactions;

    Fixtures fx;
    Api admin;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        admin = Api.admin(port);
    }

    @Test
    void everyPathThatWritesEventsKeepsTheNewestEventTime() {
        var practice = fx.practice();
        UUID practiceId = UUID.fromString(practice.id());
        String received = telehealth(practice.id(), 11);
        UUID imported = desk.createAll(List.of(new Callback.Request(practiceId, UUID.randomUUID(), Optional.empty(), Optional.empty(),
                Optional.of(Fixtures.e164(12)), Channel.MISSED_CALL, "TELEHEALTH_ACCESS", Urgency.ROUTINE, Optional.empty(), Map.of(),
                List.of(), MONDAY_0900, Optional.empty())), Actor.SYSTEM).get(0);
        assertThat(lastActivity(UUID.fromString(received))).as("intake's insert").isEqualTo(MONDAY_0900);
        assertThat(lastActivity(imported)).as("the bulk insert of imports").isEqualTo(MONDAY_0900);

        clock.set(MONDAY_0900.plus(Duration.ofMinutes(10)));
        var staff = fx.staff(practice.id());
        var assigned = admin.post("/api/v1/callbacks/" + received + "/assign", Api.json("{'owner': '%s'}", staff.username()));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(lastActivity(UUID.fromString(received))).as("a save").isEqualTo(MONDAY_0900.plus(Duration.ofMinutes(10)));

        // 10:30: both first attempts are overdue; the sweep records the breaches in bulk and escalates through saveAll.
        Instant sweptAt = MONDAY_0900.plus(Duration.ofMinutes(90));
        clock.set(sweptAt);
        for (int i = 0; i < 20 && escalation.sweep() > 0; i++) {
            // other tests' overdue items share the database: sweep until nothing is left
        }
        assertThat(types(imported)).contains("SLA_BREACHED", "ESCALATED");
        assertThat(lastActivity(imported)).as("the sweeps' bulk save").isEqualTo(sweptAt);
        assertThat(jdbc.sql("""
                        select count(*) from callback c
                        where c.practice_id = :practiceId
                          and c.last_activity_at is distinct from
                              (select max(e.at) from callback_event e where e.practice_id = c.practice_id and e.callback_id = c.id)""")
                .param("practiceId", practiceId).query(Long.class).single())
                .as("items whose last activity is not their newest event").isZero();
    }

    @Test
    void itemsIdleByTheWallClockOnlyDoNotStarveIdleItemsOfAnotherPractice() {
        // Closed on Monday 2026-11-23: items claimed there on Friday at 16:00 have one business hour on them on Monday.
        var closedMonday = fx.practice(Fixtures.WEEKDAYS_8_TO_5, "['2026-11-23']".replace('\'', '"'));
        var open = fx.practice();
        var weekendStaff = fx.staff(closedMonday.id());
        var staff = fx.staff(open.id());
        clock.set(FRIDAY_1600);
        List<String> claimedFriday = List.of(telehealth(closedMonday.id(), 21), telehealth(closedMonday.id(), 22),
                telehealth(closedMonday.id(), 23));
        claimedFriday.forEach(id -> assign(id, weekendStaff.username()));
        clock.set(MONDAY_0900);
        String idle = telehealth(open.id(), 24);
        assign(idle, staff.username());

        // 11:01 Monday: the open practice's item is idle for 2 business hours; the Friday ones for 1 (and 67 by the wall).
        clock.set(MONDAY_1101);
        var properties = new SweepProperties(false, Duration.ofMinutes(1), Duration.ofHours(1), 2, Duration.ofHours(2), Duration.ofHours(12));
        var sweeps = new WorkSweeps(jdbc, callbacks, desk, practices, identity, notifications, properties, clock);
        // Batches of two over the whole shared database (other tests leave idle items too): sweep until this item is
        // back in its queue or a run returns nothing. A starving sweep stops early: its batch holds only items it skips.
        for (int i = 0; i < 5_000 && owner(idle).isPresent() && transactions.execute(status -> sweeps.idleOwners()) > 0; i++) {
            // next batch
        }

        assertThat(owner(idle)).as("idle for two business hours").isEmpty();
        for (String id : claimedFriday) {
            assertThat(owner(id)).as("idle for one business hour").contains(weekendStaff.username());
        }
    }

    private String telehealth(String practiceId, int phone) {
        return fx.aCallback(practiceId).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(phone), "P" + phone)
                .receivedAt(clock.instant()).create().at("/id").asString();
    }

    private void assign(String id, String owner) {
        var response = admin.post("/api/v1/callbacks/" + id + "/assign", Api.json("{'owner': '%s'}", owner));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    private Optional<String> owner(String id) {
        return jdbc.sql("select owner from callback where id = :id").param("id", UUID.fromString(id))
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
    }

    private List<String> types(UUID id) {
        return jdbc.sql("select type from callback_event where callback_id = :id order by seq").param("id", id).query(String.class).list();
    }

    private Instant lastActivity(UUID id) {
        return jdbc.sql("select last_activity_at from callback where id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }
}

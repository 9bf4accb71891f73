package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.StaffSession;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The sweeps against the real database and HTTP: end of day, idle owners, passed expected dates, and the notices
 * they leave for staff, shown within open hours (at once for CLINICAL and EMERGENCY items).
 */
@IntegrationTest
class WorkSweepsIntegrationTest {

    /** Monday 17:30, 21:00; Tuesday 08:00, 08:30, 16:00; Wednesday 08:05 in New York. */
    static final Instant MONDAY_1730 = Instant.parse("2026-11-23T22:30:00Z");
    static final Instant MONDAY_2100 = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant TUESDAY_0800 = Instant.parse("2026-11-24T13:00:00Z");
    static final Instant TUESDAY_0830 = Instant.parse("2026-11-24T13:30:00Z");
    static final Instant TUESDAY_1600 = Instant.parse("2026-11-24T21:00:00Z");
    static final Instant WEDNESDAY_0805 = Instant.parse("2026-11-25T13:05:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    WorkSweeps sweeps;

    @Autowired
    EscalationSweep escalation;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Api admin;
    Fixtures.Practice practice;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        admin = Api.admin(port);
        practice = fx.practice();
    }

    @Test
    void atTheEndOfTheDayAnActiveOwnerKeepsTheItemAndTheRestEscalate() {
        var active = fx.staff(practice.id());
        var gone = fx.staff(practice.id());
        String kept = telehealth(70);
        String ofIdleOwner = telehealth(71);
        String unowned = telehealth(72);
        String notDueToday = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(73), "D").create().at("/id").asString();
        assign(kept, active.username());
        assign(ofIdleOwner, gone.username());
        clock.set(MONDAY_0900.plusSeconds(1800));
        var attempt = active.api().post("/api/v1/callbacks/" + kept + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:30:00-05:00', 'result': 'NO_ANSWER', 'nextAction': 'try midday'}"));
        assertThat(attempt.status()).as(attempt.raw()).isEqualTo(201);

        clock.set(MONDAY_0900.plusSeconds(3 * 3600));
        assertThat(sweeps.endOfDay()).as("the practice is open: not the end of its day").isZero();
        clock.set(MONDAY_1730);
        sweeps.endOfDay();

        var keptNow = callback(kept);
        assertThat(keptNow.at("/owner").asString()).isEqualTo(active.username());
        assertThat(keptNow.at("/escalationLevel").asInt()).isZero();
        assertThat(types(kept)).endsWith("CARRIED_OVER");

        var returned = callback(ofIdleOwner);
        assertThat(returned.at("/owner").isNull()).isTrue();
        assertThat(returned.at("/escalationLevel").asInt()).isEqualTo(1);
        assertThat(types(ofIdleOwner)).endsWith("RETURNED_TO_QUEUE", "ESCALATED");
        assertThat(lastEvent(ofIdleOwner).at("/detail/reason").asString()).contains("End of day");

        assertThat(callback(unowned).at("/escalationLevel").asInt()).isEqualTo(1);
        assertThat(types(notDueToday)).containsExactly("RECEIVED");
        // Notices written after closing wait for the next opening: Tuesday 08:00.
        assertThat(deliverAfter(unowned)).containsExactly(TUESDAY_0800);

        int events = types(unowned).size();
        sweeps.endOfDay();
        clock.set(MONDAY_1730.plusSeconds(3600));
        sweeps.endOfDay();
        assertThat(types(unowned)).as("the end of a day is swept once").hasSize(events);
        assertThat(callback(unowned).at("/escalationLevel").asInt()).isEqualTo(1);
    }

    @Test
    void twoEndOfDaySweepsAtOnceEscalateEachItemOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(telehealth(80 + i));
        }
        clock.set(MONDAY_1730);

        runTwiceAtOnce(() -> sweeps.endOfDay());

        for (String id : ids) {
            assertThat(types(id).stream().filter("ESCALATED"::equals).count()).as("escalations of %s", id).isEqualTo(1);
        }
    }

    @Test
    void aClaimedItemWhoseOwnerIsIdleReturnsToTheQueue() {
        var staff = fx.staff(practice.id());
        String idle = telehealth(90);
        String worked = telehealth(91);
        assign(idle, staff.username());
        assign(worked, staff.username());
        clock.set(MONDAY_0900.plusSeconds(3600));
        assertThat(staff.api().post("/api/v1/callbacks/" + worked + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T10:00:00-05:00', 'result': 'NO_ANSWER', 'nextAction': 'again'}")).status()).isEqualTo(201);
        clock.set(MONDAY_0900.plusSeconds(7 * 3600));   // 16:00
        String lateClaim = telehealth(92);
        assign(lateClaim, staff.username());

        clock.set(MONDAY_0900.plusSeconds(5400));   // 10:30: 1.5 hours idle, under the 2-hour limit
        sweeps.idleOwners();
        assertThat(callback(idle).at("/owner").asString()).isEqualTo(staff.username());

        clock.set(MONDAY_0900.plusSeconds(7260));   // 11:01
        sweeps.idleOwners();
        assertThat(callback(idle).at("/owner").isNull()).isTrue();
        assertThat(lastEvent(idle).at("/type").asString()).isEqualTo("RETURNED_TO_QUEUE");
        assertThat(lastEvent(idle).at("/detail/reason").asString()).contains("idle");
        assertThat(lastEvent(idle).at("/detail/previousOwner").asString()).isEqualTo(staff.username());
        assertThat(callback(worked).at("/owner").asString()).as("worked at 10:00").isEqualTo(staff.username());
        assertThat(deliverAfter(idle)).containsExactly(MONDAY_0900.plusSeconds(7260));

        int events = types(idle).size();
        sweeps.idleOwners();
        assertThat(types(idle)).as("returned once").hasSize(events);

        // Claimed at 16:00 Monday; at 08:30 Tuesday 16.5 hours have passed, but only 1.5 business hours.
        clock.set(TUESDAY_0830);
        sweeps.idleOwners();
        assertThat(callback(lateClaim).at("/owner").asString()).isEqualTo(staff.username());
        assertThat(callback(worked).at("/owner").isNull()).isTrue();
    }

    @Test
    void anItemWaitingOnAnInternalActionComesBackWhenItsExpectedDatePasses() {
        var staff = fx.staff(practice.id());
        String documents = telehealth(93);
        String patient = telehealth(94);
        assign(documents, staff.username());
        assertThat(admin.post("/api/v1/callbacks/" + documents + "/wait", Api.json(
                "{'on': 'REFERRAL_DOCUMENTS', 'note': 'the referral letter', 'expectedBy': '2026-11-24'}")).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/callbacks/" + patient + "/wait", Api.json(
                "{'on': 'PATIENT', 'expectedBy': '2026-11-24'}")).status()).isEqualTo(200);

        clock.set(TUESDAY_1600);
        sweeps.expectedDates();
        assertThat(callback(documents).at("/status").asString()).as("expected today: not passed yet").isEqualTo("WAITING_ON_INTERNAL");

        clock.set(WEDNESDAY_0805);
        sweeps.expectedDates();
        var back = callback(documents);
        assertThat(back.at("/status").asString()).isEqualTo("NEW");
        assertThat(back.at("/waitingOn").isNull()).isTrue();
        assertThat(back.at("/owner").asString()).as("the owner stays accountable").isEqualTo(staff.username());
        assertThat(lastEvent(documents).at("/type").asString()).isEqualTo("RETURNED_TO_QUEUE");
        assertThat(lastEvent(documents).at("/detail/reason").asString()).contains("REFERRAL_DOCUMENTS").contains("2026-11-24 passed");
        assertThat(jdbc.sql("select recipient_user from staff_notification where callback_id = :id").param("id", java.util.UUID.fromString(documents))
                .query(String.class).list()).containsExactly(staff.username());
        assertThat(callback(patient).at("/status").asString()).as("waiting on the patient is not an internal dependency")
                .isEqualTo("WAITING_ON_PATIENT");

        int events = types(documents).size();
        sweeps.expectedDates();
        assertThat(types(documents)).hasSize(events);
    }

    @Test
    void aNoticeAt21WaitsForTheOpeningButAnEmergencyNotifiesAtOnce() {
        var manager = fx.manager(practice.id());
        String routine = telehealth(95);
        String emergency = fx.aCallback(practice.id()).inCategory("CLINICAL_CONCERN").urgency("EMERGENCY")
                .fromCaller(Fixtures.phone(96), "E").reason("Please call back").create().at("/id").asString();

        clock.set(MONDAY_2100);
        for (int i = 0; i < 20 && escalation.sweep() > 0; i++) {
            // other tests' overdue items share the database: sweep until nothing is left
        }
        assertThat(callback(routine).at("/escalationLevel").asInt()).as("level 2 once the further window passed").isEqualTo(2);
        assertThat(deliverAfter(routine)).containsOnly(TUESDAY_0800).hasSize(2);
        assertThat(deliverAfter(emergency)).containsOnly(MONDAY_2100).hasSize(2);

        var browser = StaffSession.signIn(port, manager.username(), manager.password());
        String atNine = notices(browser.get("/practices/" + practice.id() + "/board").body());
        assertThat(atNine).contains(emergency).doesNotContain(routine).contains("Escalated to level 2").doesNotContain("Please call back");

        clock.set(TUESDAY_0800);
        String atOpening = notices(browser.get("/practices/" + practice.id() + "/board").body());
        assertThat(atOpening).contains(emergency).contains(routine);

        var staff = fx.staff(practice.id());
        String forStaff = notices(StaffSession.signIn(port, staff.username(), staff.password())
                .get("/practices/" + practice.id() + "/board").body());
        assertThat(forStaff).as("the front desk queue's notice, not the clinical queue's or the managers'")
                .contains(routine).doesNotContain(emergency).contains("Escalated to level 1").doesNotContain("level 2");
    }

    private String telehealth(int phone) {
        return fx.aCallback(practice.id()).inCategory("TELEHEALTH_ACCESS").fromCaller(Fixtures.phone(phone), "P" + phone)
                .create().at("/id").asString();
    }

    private void assign(String id, String owner) {
        var response = admin.post("/api/v1/callbacks/" + id + "/assign", Api.json("{'owner': '%s'}", owner));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    private JsonNode callback(String id) {
        return admin.get("/api/v1/callbacks/" + id).body();
    }

    private List<String> types(String id) {
        List<String> types = new ArrayList<>();
        callback(id).at("/timeline").forEach(event -> types.add(event.get("type").asString()));
        return types;
    }

    private JsonNode lastEvent(String id) {
        JsonNode timeline = callback(id).at("/timeline");
        return timeline.get(timeline.size() - 1);
    }

    private List<Instant> deliverAfter(String id) {
        return jdbc.sql("select deliver_after from staff_notification where callback_id = :id order by created_at")
                .param("id", java.util.UUID.fromString(id))
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).list();
    }

    private static String notices(String page) {
        int start = page.indexOf("id=\"notices\"");
        assertThat(start).as("the board shows its notices").isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static void runTwiceAtOnce(Callable<Integer> sweep) throws Exception {
        var start = new CountDownLatch(1);
        Callable<Integer> sweeper = () -> {
            start.await();
            return sweep.call();
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(sweeper);
            var second = pool.submit(sweeper);
            start.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
    }
}

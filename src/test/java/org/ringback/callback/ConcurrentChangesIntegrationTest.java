package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many staff acting on one item at the same instant, over real HTTP: whatever the interleaving, every answered
 * attempt is stored once, one close wins, the others are told so with a 409 problem, and the counters, attempts and
 * timeline agree with each other. Attempts reach the patient, so that the ladder does not close the item on its own.
 */
@IntegrationTest
class ConcurrentChangesIntegrationTest {

    private static final int CALLERS = 50;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900.plusSeconds(1800));
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
        pool = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private record Outcome(String kind, String user, Api.Response response) {
        boolean succeeded() {
            return response.status() / 100 == 2;
        }
    }

    @Test
    void fiftyAttemptsAndClosesAtOnceLeaveOneConsistentRecord() throws Exception {
        var item = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(40), "Ann Lee").create();
        String id = item.path("id").asString();
        int version = item.path("version").asInt();
        String attempt = Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED', 'nextAction': 'book'}",
                MONDAY_0900.plusSeconds(1800));

        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            boolean closes = i % 5 == 0;
            calls.add(() -> closes
                    ? new Outcome("close", staff.username(), closeAtTheVersionRead(id))
                    : new Outcome("attempt", staff.username(), staff.api().post("/api/v1/callbacks/" + id + "/attempts", attempt)));
        }
        List<Outcome> outcomes = all(calls);

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.response().status()).as(o.kind() + ": " + o.response().raw()).isIn(200, 201, 409, 422);
            if (!o.succeeded()) {
                assertThat(o.response().contentType()).startsWith("application/problem+json");
            }
        });
        long closesWon = outcomes.stream().filter(o -> o.kind().equals("close") && o.succeeded()).count();
        long closesLost = outcomes.stream().filter(o -> o.kind().equals("close") && !o.succeeded()).count();
        long attemptsStored = outcomes.stream().filter(o -> o.kind().equals("attempt") && o.succeeded()).count();
        assertThat(closesWon).as("exactly one close wins: %s", outcomes.stream().filter(o -> o.kind().equals("close"))
                .map(o -> o.response().status() + " " + o.response().json("/detail").asString()).toList()).isEqualTo(1);
        assertThat(outcomes.stream().filter(o -> o.kind().equals("close") && !o.succeeded()))
                .as("the other closes are told of the conflict").hasSize((int) closesLost)
                .allSatisfy(o -> assertThat(o.response().status()).isEqualTo(409));

        UUID callbackId = UUID.fromString(id);
        int attemptRows = count("select count(*) from attempt where callback_id = :id", callbackId);
        assertThat(attemptRows).as("every attempt answered 2xx is stored, and no other").isEqualTo(attemptsStored);
        var row = jdbc.sql("select attempt_count, status, version, closure_outcome from callback where id = :id")
                .param("id", callbackId).query().singleRow();
        assertThat(((Number) row.get("attempt_count")).intValue()).as("the counter matches the rows").isEqualTo(attemptRows);
        assertThat(row.get("status")).isEqualTo("CLOSED");
        assertThat(row.get("closure_outcome")).isEqualTo("EXPLANATION_PROVIDED");

        Map<String, Long> events = events(callbackId);
        assertThat(events.getOrDefault("ATTEMPT_RECORDED", 0L)).as("one timeline entry per stored attempt").isEqualTo(attemptRows);
        assertThat(events.get("CLOSED")).as("closed once").isEqualTo(1L);
        assertSequencesHaveNoGaps(callbackId);

        var read = staff.api().get("/api/v1/callbacks/" + id);
        assertThat(read.json("/attemptCount").asInt()).isEqualTo(attemptRows);
        assertThat(read.json("/attempts").size()).isEqualTo(attemptRows);
        assertThat(read.json("/version").asInt()).as("one version per successful change").isEqualTo(version + attemptRows + 1);
    }

    @Test
    void fiftyAttemptsWithoutAVersionAreAllStoredInTurn() throws Exception {
        var item = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(41), "Ann Lee").create();
        String id = item.path("id").asString();
        String attempt = Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED', 'nextAction': 'book'}",
                MONDAY_0900.plusSeconds(1800));

        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(() -> new Outcome("attempt", staff.username(), staff.api().post("/api/v1/callbacks/" + id + "/attempts", attempt)));
        }
        List<Outcome> outcomes = all(calls);

        assertThat(outcomes).as("attempts sent without a version wait their turn: none is refused")
                .allSatisfy(o -> assertThat(o.response().status()).as(o.response().raw()).isEqualTo(201));
        long stored = outcomes.size();
        UUID callbackId = UUID.fromString(id);
        int rows = count("select count(*) from attempt where callback_id = :id", callbackId);
        assertThat(rows).isEqualTo(stored);
        assertThat(count("select attempt_count from callback where id = :id", callbackId)).isEqualTo(rows);
        assertThat(events(callbackId).getOrDefault("ATTEMPT_RECORDED", 0L)).isEqualTo(rows);
        assertSequencesHaveNoGaps(callbackId);
    }

    @Test
    void concurrentClaimsOfOneItemHaveOneWinner() throws Exception {
        var item = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(42), "Ann Lee").create();
        String id = item.path("id").asString();
        int version = item.path("version").asInt();
        List<Fixtures.User> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claimers.add(fx.staff(practice.id()));
        }

        List<Callable<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            var user = claimers.get(i % claimers.size());
            calls.add(() -> new Outcome("claim", user.username(), user.api().post("/api/v1/callbacks/" + id + "/assign",
                    Api.json("{'owner': '%s', 'version': %d}", user.username(), version))));
        }
        List<Outcome> outcomes = all(calls);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.response().status()).as(o.response().raw()).isIn(200, 409));
        List<Outcome> won = outcomes.stream().filter(Outcome::succeeded).toList();
        assertThat(won).as("one claim wins").hasSize(1);
        String owner = jdbc.sql("select owner from callback where id = :id").param("id", UUID.fromString(id)).query(String.class).single();
        assertThat(owner).isEqualTo(won.get(0).user());
        assertThat(events(UUID.fromString(id)).get("ASSIGNED")).isEqualTo(1L);
        assertSequencesHaveNoGaps(UUID.fromString(id));
    }

    /**
     * A closer as the board does it: read the item, close at the version read; when someone changed it meanwhile,
     * read again and retry, until this close wins or the item is found closed (then the last answer is the 409).
     */
    private Api.Response closeAtTheVersionRead(String id) {
        Api.Response answer = null;
        for (int i = 0; i < 200; i++) {
            var read = staff.api().get("/api/v1/callbacks/" + id);
            answer = staff.api().post("/api/v1/callbacks/" + id + "/close",
                    Api.json("{'outcome': 'EXPLANATION_PROVIDED', 'note': 'done', 'version': %d}", read.json("/version").asInt()));
            if (answer.status() != 409 || answer.raw().contains("already closed")) {
                return answer;
            }
        }
        return answer;
    }

    /** Runs every call at once (all threads released by one latch) and answers the outcomes. */
    private List<Outcome> all(List<Callable<Outcome>> calls) throws Exception {
        var ready = new CountDownLatch(calls.size());
        var go = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Callable<Outcome> call : calls) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Integer.class).single();
    }

    private Map<String, Long> events(UUID id) {
        return jdbc.sql("select type from callback_event where callback_id = :id").param("id", id).query(String.class).list()
                .stream().collect(Collectors.groupingBy(type -> type, Collectors.counting()));
    }

    private void assertSequencesHaveNoGaps(UUID id) {
        List<Integer> events = jdbc.sql("select seq from callback_event where callback_id = :id order by seq").param("id", id)
                .query(Integer.class).list();
        List<Integer> attempts = jdbc.sql("select seq from attempt where callback_id = :id order by seq").param("id", id)
                .query(Integer.class).list();
        assertThat(events).as("timeline sequence").isEqualTo(range(events.isEmpty() ? 0 : events.get(0), events.size()));
        assertThat(attempts).as("attempt sequence").isEqualTo(range(attempts.isEmpty() ? 0 : attempts.get(0), attempts.size()));
    }

    private static List<Integer> range(int from, int size) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(from + i);
        }
        return values;
    }
}

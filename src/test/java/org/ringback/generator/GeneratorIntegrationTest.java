package org.ringback.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringback.callback.FirstAttemptDeadline;
import org.ringback.callback.SlaClock;
import org.ringback.callback.SlaEvent;
import org.ringback.callback.SlaTarget;
import org.ringback.callback.Urgency;
import org.ringback.practice.Category;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generator at a small size against the shared test database: consistent rows the app itself can work. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorIntegrationTest {

    /** A seed no other test uses, so the practices are this test's own. */
    private static final GenerateCommand SMALL = new GenerateCommand(3, 30, 918_273_645L, 2,
            Optional.of(Instant.parse("2026-11-23T14:00:00Z")), false);

    @LocalServerPort
    int port;

    @Autowired
    Generator generator;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PracticeDirectory practices;

    Generator.Summary summary;
    String printed;
    List<UUID> ids;
    Map<String, Object> stats;

    @BeforeAll
    void generate() {
        var out = new ByteArrayOutputStream();
        summary = generator.generate(SMALL, new PrintStream(out, true, StandardCharsets.UTF_8));
        printed = out.toString(StandardCharsets.UTF_8);
        ids = List.of(GeneratedPractices.id(SMALL.seed(), 0), GeneratedPractices.id(SMALL.seed(), 1), GeneratedPractices.id(SMALL.seed(), 2));
        stats = jdbc.sql("""
                        select count(*) as callbacks,
                               avg((reached_at is not null)::int) filter (where attempt_count > 0) as reached,
                               avg((repeat_of is not null)::int) as repeats,
                               count(*) filter (where queue = 'CLINICAL' and jsonb_array_length(red_flags) > 0) as red_flags_clinical,
                               count(*) filter (where status <> 'CLOSED') as open,
                               count(distinct status) filter (where status <> 'CLOSED') as open_states,
                               count(*) filter (where status <> 'CLOSED' and escalation_level > 0) as escalated
                        from callback where practice_id in (:ids)""")
                .param("ids", ids).query().singleRow();
        System.out.println("generator stats: " + stats + "; " + summary);
    }

    @Test
    void fillsEveryTableWithRealisticVolumes() {
        assertThat(summary.practices()).isEqualTo(3);
        long callbacks = ((Number) stats.get("callbacks")).longValue();
        assertThat(callbacks).isEqualTo(summary.callbacks()).isBetween(150L, 2_000L);
        assertThat(count("attempt")).isEqualTo(summary.attempts()).isBetween(callbacks * 2, callbacks * 5);
        assertThat(count("callback_event")).isEqualTo(summary.events()).isGreaterThan(callbacks * 4);
        assertThat(jdbc.sql("select count(*) from category where practice_id in (:ids)").param("ids", ids).query(Long.class).single())
                .isEqualTo(45);
        assertThat(((Number) stats.get("reached")).doubleValue()).isBetween(0.5, 0.8);
        assertThat(((Number) stats.get("repeats")).doubleValue()).isBetween(0.01, 0.2);
        assertThat(((Number) stats.get("red_flags_clinical")).longValue()).isPositive();
        assertThat(((Number) stats.get("open_states")).longValue()).isEqualTo(4);
        assertThat(((Number) stats.get("escalated")).longValue()).isPositive();
    }

    @Test
    void everyAttemptCountMatchesItsAttemptRows() {
        long mismatched = jdbc.sql("""
                        select count(*) from callback c
                        where c.practice_id in (:ids)
                          and c.attempt_count <> (select count(*) from attempt a where a.practice_id = c.practice_id and a.callback_id = c.id)""")
                .param("ids", ids).query(Long.class).single();
        assertThat(mismatched).isZero();
    }

    @Test
    void closedItemsHaveAnOutcomeTheirCategoryAllows() {
        long closed = jdbc.sql("select count(*) from callback where practice_id in (:ids) and status = 'CLOSED'")
                .param("ids", ids).query(Long.class).single();
        long allowed = jdbc.sql("""
                        select count(*) from callback c join category k on k.practice_id = c.practice_id and k.code = c.category
                        where c.practice_id in (:ids) and c.status = 'CLOSED' and c.closed_at is not null
                          and c.closure_outcome = any(k.closure_outcomes)""")
                .param("ids", ids).query(Long.class).single();
        assertThat(closed).isPositive().isEqualTo(allowed);
        assertThat(jdbc.sql("select count(*) from callback where practice_id in (:ids) and status <> 'CLOSED' and closure_outcome is not null")
                .param("ids", ids).query(Long.class).single()).isZero();
    }

    @Test
    void openItemsAreOnTheBoardOfAUserOfThePractice() {
        UUID practiceId = ids.get(0);
        long open = jdbc.sql("select count(*) from callback where practice_id = :id and status <> 'CLOSED'")
                .param("id", practiceId).query(Long.class).single();
        assertThat(open).isGreaterThan(20);
        Api staff = new Fixtures(port).staff(practiceId.toString()).api();

        var board = staff.get("/api/v1/practices/" + practiceId + "/callbacks?status=OPEN&limit=1000");

        assertThat(board.status()).as(board.raw()).isEqualTo(200);
        assertThat(board.json("/items").size()).isEqualTo((int) Math.min(open, 1000));
    }

    @Test
    void firstAttemptDueTimesAgreeWithTheAppsOwnRule() {
        UUID practiceId = ids.get(1);
        Practice practice = practices.find(practiceId);
        var sample = jdbc.sql("""
                        select category, urgency, received_at, first_attempt_due_at from callback
                        where practice_id = :id and repeat_count = 0 order by id limit 100""")
                .param("id", practiceId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(4, java.time.OffsetDateTime.class).toInstant()})
                .list();
        assertThat(sample).hasSizeGreaterThan(50);
        for (Object[] row : sample) {
            Category category = practices.category(practiceId, (String) row[0]);
            Instant expected = FirstAttemptDeadline.dueAt(category.responseWindow(), Urgency.valueOf((String) row[1]), (Instant) row[2],
                    practice.calendar());
            assertThat((Instant) row[3]).as("first attempt due for %s received %s", row[0], row[2]).isEqualTo(expected);
        }
    }

    @Test
    void everyItemCarriesItsClockEventsAsTheAppRecordsThem() {
        assertThat(count("sla_event")).isEqualTo(summary.slaEvents()).isGreaterThan(count("callback") * 3);
        long withoutBothClocks = jdbc.sql("""
                        select count(*) from callback c where c.practice_id in (:ids)
                          and (select count(distinct s.clock) from sla_event s
                               where s.practice_id = c.practice_id and s.callback_id = c.id and s.type = 'STARTED') <> 2""")
                .param("ids", ids).query(Long.class).single();
        assertThat(withoutBothClocks).isZero();
        long closedButRunning = jdbc.sql("""
                        select count(*) from callback c where c.practice_id in (:ids) and c.status = 'CLOSED'
                          and (select count(distinct s.clock) from sla_event s
                               where s.practice_id = c.practice_id and s.callback_id = c.id and s.type = 'FULFILLED') <> 2""")
                .param("ids", ids).query(Long.class).single();
        assertThat(closedButRunning).isZero();
        long attemptedButRunning = jdbc.sql("""
                        select count(*) from callback c where c.practice_id in (:ids) and c.first_attempt_at is not null
                          and not exists (select 1 from sla_event s where s.practice_id = c.practice_id and s.callback_id = c.id
                                          and s.clock = 'FIRST_ATTEMPT' and s.type = 'FULFILLED' and s.at = c.first_attempt_at)""")
                .param("ids", ids).query(Long.class).single();
        assertThat(attemptedButRunning).isZero();
    }

    @Test
    void theStoredDueTimesAreWhatTheClockEventsSay() {
        UUID practiceId = ids.get(0);
        Practice practice = practices.find(practiceId);
        Map<UUID, List<SlaEvent>> events = new HashMap<>();
        jdbc.sql("select * from sla_event where practice_id = :id order by callback_id, seq").param("id", practiceId)
                .query(rs -> {
                    events.computeIfAbsent(rs.getObject("callback_id", UUID.class), id -> new ArrayList<>()).add(new SlaEvent(rs.getInt("seq"),
                            SlaEvent.Clock.valueOf(rs.getString("clock")), SlaEvent.Type.valueOf(rs.getString("type")),
                            rs.getObject("at", OffsetDateTime.class).toInstant(), Optional.ofNullable(rs.getString("target")).map(SlaTarget::parse),
                            rs.getBoolean("cap"), Optional.ofNullable(rs.getString("reason"))));
                });
        var items = jdbc.sql("select id, first_attempt_due_at, resolution_due_at, resolution_paused_since from callback where practice_id = :id")
                .param("id", practiceId)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant)})
                .list();
        assertThat(items).hasSizeGreaterThan(50);
        for (Object[] item : items) {
            List<SlaEvent> clocks = events.getOrDefault((UUID) item[0], List.of());
            SlaClock first = SlaClock.of(SlaEvent.Clock.FIRST_ATTEMPT, clocks, practice.calendar());
            SlaClock resolution = SlaClock.of(SlaEvent.Clock.RESOLUTION, clocks, practice.calendar());
            assertThat(first.isStarted() && resolution.isStarted()).as("clocks of %s", item[0]).isTrue();
            assertThat(first.settledDue()).as("first attempt due of %s", item[0]).isEqualTo(item[1]);
            assertThat(resolution.settledDue()).as("resolution due of %s", item[0]).isEqualTo(item[2]);
            assertThat(resolution.pausedSince()).as("paused since of %s", item[0]).isEqualTo(item[3]);
        }
    }

    @Test
    void breachesAreRecordedAndFlaggedAsTheSweepWouldHaveLeftThem() {
        Map<String, Object> breaches = jdbc.sql("""
                        select count(*) filter (where c.first_attempt_breached <> exists (select 1 from sla_event s
                                   where s.practice_id = c.practice_id and s.callback_id = c.id and s.clock = 'FIRST_ATTEMPT' and s.type = 'BREACHED'))
                                   as first_mismatched,
                               count(*) filter (where c.resolution_breached <> exists (select 1 from sla_event s
                                   where s.practice_id = c.practice_id and s.callback_id = c.id and s.clock = 'RESOLUTION' and s.type = 'BREACHED'))
                                   as resolution_mismatched,
                               count(*) filter (where c.first_attempt_breached) as first_breached,
                               count(*) filter (where c.resolution_breached) as resolution_breached,
                               (select count(*) from sla_event s where s.practice_id in (:ids) and s.type = 'BREACHED') as breach_events,
                               (select count(*) from callback_event e where e.practice_id in (:ids) and e.type = 'SLA_BREACHED') as timeline_breaches,
                               count(*) filter (where c.status <> 'CLOSED' and c.first_attempt_at is null and not c.first_attempt_breached
                                                and c.first_attempt_due_at < :swept) as first_left_for_the_sweep,
                               count(*) filter (where c.status <> 'CLOSED' and c.resolution_paused_since is null and not c.resolution_breached
                                                and c.resolution_due_at < :swept) as resolution_left_for_the_sweep
                        from callback c where c.practice_id in (:ids)""")
                .param("ids", ids)
                .param("swept", SMALL.now().orElseThrow().minusSeconds(60).atOffset(java.time.ZoneOffset.UTC))
                .query().singleRow();
        assertThat(breaches).as(breaches.toString())
                .containsEntry("first_mismatched", 0L).containsEntry("resolution_mismatched", 0L)
                .containsEntry("first_left_for_the_sweep", 0L).containsEntry("resolution_left_for_the_sweep", 0L);
        assertThat((Long) breaches.get("first_breached")).isPositive();
        assertThat((Long) breaches.get("resolution_breached")).isPositive();
        assertThat(breaches.get("timeline_breaches")).isEqualTo(breaches.get("breach_events"));
    }

    @Test
    void loadsWithoutForeignKeyTriggersAndEveryReferenceTheyWouldHaveCheckedHolds() {
        long dangling = jdbc.sql("""
                        select (select count(*) from (select practice_id, callback_id from attempt
                                                      union all select practice_id, callback_id from callback_event
                                                      union all select practice_id, callback_id from sla_event) r
                                where r.practice_id in (:ids)
                                  and not exists (select 1 from callback c where c.practice_id = r.practice_id and c.id = r.callback_id))
                             + (select count(*) from callback c where c.practice_id in (:ids) and c.patient_id is not null
                                  and not exists (select 1 from patient x where x.practice_id = c.practice_id and x.id = c.patient_id))
                             + (select count(*) from patient_phone r where r.practice_id in (:ids)
                                  and not exists (select 1 from patient x where x.practice_id = r.practice_id and x.id = r.patient_id))""")
                .param("ids", ids).query(Long.class).single();

        assertThat(printed).contains("loading without foreign-key triggers");
        assertThat(count("attempt")).isPositive();
        assertThat(dangling).isZero();
    }

    @Test
    void refusesBeforeTheCopyAPracticeWhoseCallbackReferencesAPatientItDoesNotLoad() {
        var history = generator.history(SMALL, 0, SMALL.now().orElseThrow());
        Instant since = SMALL.now().orElseThrow().minusSeconds(86_400L * SMALL.days());
        var withoutPatients = new History.Result(List.of(), history.callbacks());

        assertThat(history.callbacks()).anyMatch(c -> c.patientId().isPresent());
        assertThatThrownBy(() -> generator.render(withoutPatients, ids.get(0), since))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which is not one of practice " + ids.get(0) + "'s patients");
    }

    @Test
    void refusesBeforeTheCopyRowsOfAnotherPractice() {
        var history = generator.history(SMALL, 0, SMALL.now().orElseThrow());
        Instant since = SMALL.now().orElseThrow().minusSeconds(86_400L * SMALL.days());

        assertThatThrownBy(() -> generator.render(history, ids.get(1), since))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to practice " + ids.get(0) + ", not to " + ids.get(1));
    }

    @Test
    void theLoadedTablesKeepTheirKeysAndForeignKeys() {
        var keys = jdbc.sql("""
                        select conname from pg_constraint
                        where contype = 'p' and conrelid::regclass::text in ('patient', 'patient_phone', 'callback', 'attempt',
                                                                              'callback_event', 'sla_event')""")
                .query(String.class).list();
        var toCallback = jdbc.sql("""
                        select conrelid::regclass::text from pg_constraint
                        where contype = 'f' and confrelid = 'callback'::regclass""")
                .query(String.class).list();

        assertThat(keys).contains("patient_pkey", "patient_phone_pkey", "callback_pkey", "attempt_pkey", "callback_event_pkey",
                "sla_event_pkey");
        assertThat(toCallback).contains("attempt", "callback_event", "sla_event");
    }

    @Test
    void everyItemKeepsTheTimeOfItsNewestEventAsTheAppsSavesDo() {
        long differing = jdbc.sql("""
                        select count(*) from callback c
                        where c.practice_id in (:ids) and c.last_activity_at is distinct from
                              (select max(e.at) from callback_event e where e.practice_id = c.practice_id and e.callback_id = c.id)""")
                .param("ids", ids).query(Long.class).single();

        assertThat(differing).isZero();
    }

    @Test
    void listsTheSecondaryIndexesOfEveryLoadedTableApartFromThoseOfTheKeys() {
        var indexes = generator.secondaryIndexes();
        var tables = new HashSet<String>();
        for (var index : indexes) {
            tables.add(Generator.tableOf(index.getValue()));
        }

        assertThat(tables).contains("callback", "callback_event", "attempt", "patient");
        assertThat(indexes).extracting(Map.Entry::getKey)
                .contains("callback_board", "callback_event_by_type_time", "attempt_by_time", "patient_mrn")
                .doesNotContain("callback_pkey", "attempt_pkey", "callback_event_pkey", "sla_event_pkey");
    }

    @Test
    void theSameSeedGivesTheSameData() {
        var first = generator.history(SMALL, 2, SMALL.now().orElseThrow());
        var second = generator.history(SMALL, 2, SMALL.now().orElseThrow());
        Instant since = SMALL.now().orElseThrow().minusSeconds(86_400L * SMALL.days());
        var a = generator.render(first, ids.get(2), since);
        var b = generator.render(second, ids.get(2), since);
        assertThat(a.callbacks().bytes()).isEqualTo(b.callbacks().bytes());
        assertThat(a.attempts().bytes()).isEqualTo(b.attempts().bytes());
        assertThat(a.events().bytes()).isEqualTo(b.events().bytes());
        assertThat(a.patients().bytes()).isEqualTo(b.patients().bytes());
        assertThat(a.slaEvents().bytes()).isEqualTo(b.slaEvents().bytes());

        Set<UUID> stored = new HashSet<>(jdbc.sql("select id from callback where practice_id = :id")
                .param("id", ids.get(2)).query(UUID.class).list());
        Set<UUID> regenerated = new HashSet<>(first.callbacks().stream().map(c -> c.id()).toList());
        assertThat(stored).isNotEmpty().isEqualTo(regenerated);
    }

    @Test
    void aSecondRunWithTheSameSeedIsRefused() {
        assertThatThrownBy(() -> generator.generate(SMALL, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(Generator.AlreadyGenerated.class)
                .hasMessageContaining("already holds 3 of the 3 practices generated with seed 918273645");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where practice_id in (:ids)").param("ids", ids).query(Long.class).single();
    }
}

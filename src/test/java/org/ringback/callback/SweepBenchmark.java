package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import jdk.jfr.Recording;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.ringback.identity.Identity;
import org.ringback.practice.PracticeDirectory;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.QueryCounting;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times each sweep over 200,000 open items of which 2,000 are due for it (issue 4: under 1 s), with the query plan
 * of its candidate query. Not a test (its name does not end in Test or IntegrationTest); run by hand, see
 * BENCHMARKS.md:
 *
 * <pre>
 * ./mvnw -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SweepBenchmark
 * </pre>
 *
 * Rows are written with SQL (generate_series), not the API, so the set-up takes seconds. The sweeps run with a
 * batch of 2,000, so one run takes every due item. Results go to stdout and target/sweep-benchmark.txt.
 */
@IntegrationTest
class SweepBenchmark {

    static final int OPEN = 200_000;
    static final int DUE = 2_000;
    /** The warm-up round's practice: the same due items in a tenth of the open ones. */
    static final int WARM_UP_OPEN = 20_000;
    static final int WARM_UP_DUE = DUE;
    /** Monday 10:30, 14:00 and 17:30 in New York. */
    static final Instant MONDAY_1030 = Instant.parse("2026-11-23T15:30:00Z");
    static final Instant MONDAY_1400 = Instant.parse("2026-11-23T19:00:00Z");
    static final Instant MONDAY_1730 = Instant.parse("2026-11-23T22:30:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Callbacks callbacks;

    @Autowired
    CallbackDesk desk;

    @Autowired
    PracticeDirectory practices;

    @Autowired
    Identity identity;

    @Autowired
    StaffNotifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SlaBreaches breaches;

    @Autowired
    QueryCounting queries;

    final List<String> report = new ArrayList<>();
    boolean warmingUp;

    @Test
    void sweepsOver200000OpenItems() throws IOException {
        clock.set(MONDAY_1400);
        var fx = new Fixtures(port);
        var properties = new SweepProperties(false, Duration.ofMinutes(1), Duration.ofHours(1), DUE, Duration.ofHours(2), Duration.ofHours(12));
        var escalation = new EscalationSweep(jdbc, callbacks, practices, notifications, properties, clock, new SimpleMeterRegistry(), breaches);
        var work = new WorkSweeps(jdbc, callbacks, desk, practices, identity, notifications, properties, clock);

        // In the app the sweeps run every minute, so their code is compiled long before a busy day: a first round
        // over a small practice warms the JIT (not reported); the measured round then finds that practice swept.
        fill(UUID.fromString(fx.practice().id()), WARM_UP_OPEN, WARM_UP_DUE);
        warmingUp = true;
        round(escalation, work, WARM_UP_DUE);
        warmingUp = false;

        clock.set(MONDAY_1400);
        UUID practice = UUID.fromString(fx.practice().id());
        long started = System.nanoTime();
        fill(practice, OPEN, DUE);
        say("set-up: %,d open items in one practice (%,d due per sweep) in %d ms; warm-up round over %,d items (%,d due) before",
                OPEN, DUE, (System.nanoTime() - started) / 1_000_000, WARM_UP_OPEN, WARM_UP_DUE);

        explain("escalation", """
                select practice_id, id, escalation_level, first_attempt_due_at from callback
                where status <> 'CLOSED' and first_attempt_at is null and first_attempt_due_at < '2026-11-23T19:00:00Z'
                  and escalation_level < 2 order by first_attempt_due_at limit 2000 for update skip locked""");
        explain("idle owners", """
                select c.practice_id, c.id from unnest(array['%s'::uuid], array['2026-11-23T17:00:00Z'::timestamptz]) as p (id, idle_before)
                cross join lateral (
                    select c.practice_id, c.id, c.last_activity_at from callback c
                    where c.practice_id = p.id and c.owner is not null and c.status in ('NEW', 'IN_PROGRESS')
                      and c.last_activity_at <= p.idle_before
                    order by c.last_activity_at, c.id limit 2000 for update of c skip locked) c
                order by c.last_activity_at, c.id limit 2000""".formatted(practice));
        explain("expected dates", """
                select practice_id, id, waiting_expected_by from callback
                where status = 'WAITING_ON_INTERNAL' and waiting_expected_by < '2026-11-24'
                order by waiting_expected_by limit 2000 for update skip locked""");
        explain("end of day", """
                select id, owner from callback
                where practice_id = '%s' and status in ('NEW', 'IN_PROGRESS') and board_due_at < '2026-11-24T05:00:00Z'
                order by board_due_at, id for update""".formatted(practice));

        round(escalation, work, DUE);

        Files.writeString(Path.of("target/sweep-benchmark.txt"), String.join("\n", report) + "\n");
    }

    /** One day's sweeps, each expected to change the due items of the practices not yet swept. */
    private void round(EscalationSweep escalation, WorkSweeps work, int due) {
        clock.set(MONDAY_1030);
        time("escalation sweep at 10:30 (first attempt overdue → level 1)", escalation::sweep, due);
        time("escalation sweep again (nothing due: level 2 waits until 11:00)", escalation::sweep, 0);
        clock.set(MONDAY_1400);
        time("idle-owner sweep", work::idleOwners, due);
        time("expected-date sweep", work::expectedDates, due);
        clock.set(MONDAY_1730);
        time("escalation sweep at 17:30 (level 1 → level 2)", escalation::sweep, due);
        time("end-of-day sweep (due today: the overdue items and those back from waiting)", work::endOfDay, 2 * due);
        time("end-of-day sweep again (already swept)", work::endOfDay, 0);
    }

    /**
     * 200,000 open items: 2,000 with an overdue first attempt (unowned, due today); 2,000 claimed and idle since
     * 11:00; 2,000 waiting on referral documents expected last Friday; the rest attempted, claimed and worked in
     * the last hour, or waiting with a future date, all due next week. Each item has its RECEIVED event and its
     * clocks' events, and the worked ones an attempt and its event, so the event tables are larger than the
     * callback table.
     */
    private void fill(UUID practice, int openItems, int dueItems) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into callback (practice_id, id, channel, category, urgency, urgency_rank, queue, owner, status,
                        waiting_on, waiting_expected_by, received_at, first_attempt_due_at, resolution_due_at, board_due_at,
                        first_attempt_at, attempt_count, next_action, next_action_at)
                    select :practice, gen_random_uuid(), 'MISSED_CALL', 'TELEHEALTH_ACCESS', 'ROUTINE', 0, 'FRONT_DESK',
                        case when kind in ('idle', 'worked') then 'bench-owner' end,
                        case when kind in ('waiting', 'waiting-later') then 'WAITING_ON_INTERNAL' when kind = 'overdue' then 'NEW' else 'IN_PROGRESS' end,
                        case when kind in ('waiting', 'waiting-later') then 'REFERRAL_DOCUMENTS' end,
                        case when kind = 'waiting' then date '2026-11-20' when kind = 'waiting-later' then date '2026-12-04' end,
                        case when kind = 'overdue' then timestamptz '2026-11-23T14:00:00Z'
                             when kind = 'idle' then timestamptz '2026-11-23T16:00:00Z'
                             else timestamptz '2026-11-16T14:00:00Z' + (n % 5000) * interval '1 minute' end,
                        case when kind = 'overdue' then timestamptz '2026-11-23T15:00:00Z' else timestamptz '2026-11-16T15:00:00Z' end,
                        timestamptz '2026-12-01T22:00:00Z',
                        case when kind = 'overdue' then timestamptz '2026-11-23T15:00:00Z'
                             else timestamptz '2026-11-30T14:00:00Z' + (n % 600) * interval '1 minute' end,
                        case when kind = 'overdue' then null else timestamptz '2026-11-16T15:00:00Z' end,
                        case when kind = 'overdue' then 0 else 1 end,
                        'Call again', timestamptz '2026-11-30T14:00:00Z'
                    from (select n, case when n <= :due then 'overdue' when n <= 2 * :due then 'idle' when n <= 3 * :due then 'waiting'
                                         when n % 10 = 0 then 'waiting-later' else 'worked' end as kind
                          from generate_series(1, :open) n) s""")
                    .param("practice", practice).param("due", dueItems).param("open", openItems).update();
            jdbc.sql("""
                    insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                    select practice_id, id, 1, received_at, 'RECEIVED', 'system', '{"channel": "MISSED_CALL"}' from callback
                    where practice_id = :practice""").param("practice", practice).update();
            jdbc.sql("""
                    insert into attempt (practice_id, callback_id, seq, at, method, caller, result, next_action)
                    select practice_id, id, 1, first_attempt_at, 'PHONE', 'bench-owner', 'NO_ANSWER', 'Call again' from callback
                    where practice_id = :practice and first_attempt_at is not null""").param("practice", practice).update();
            // The worked items' owner was active an hour ago; the idle ones' last event stays at 11:00.
            jdbc.sql("""
                    insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                    select practice_id, id, 2, case when owner is not null and received_at <> timestamptz '2026-11-23T16:00:00Z'
                                                    then timestamptz '2026-11-23T18:00:00Z' else first_attempt_at end,
                           'ATTEMPT_RECORDED', coalesce(owner, 'bench-owner'), '{"attempt": "1"}' from callback
                    where practice_id = :practice and first_attempt_at is not null and received_at <> timestamptz '2026-11-23T16:00:00Z'""")
                    .param("practice", practice).update();
            // Their clocks, as the app records them since clocks are events: both started, the first fulfilled if tried.
            jdbc.sql("""
                    insert into sla_event (practice_id, callback_id, seq, clock, type, at, target, reason)
                    select practice_id, id, 1, 'FIRST_ATTEMPT', 'STARTED', received_at, 'WITHIN PT1H', 'category TELEHEALTH_ACCESS'
                    from callback where practice_id = :practice
                    union all
                    select practice_id, id, 2, 'RESOLUTION', 'STARTED', received_at, 'BUSINESS PT16H', 'category TELEHEALTH_ACCESS'
                    from callback where practice_id = :practice
                    union all
                    select practice_id, id, 3, 'FIRST_ATTEMPT', 'FULFILLED', first_attempt_at, null, 'first attempt'
                    from callback where practice_id = :practice and first_attempt_at is not null""")
                    .param("practice", practice).update();
            // Each item's newest event time, as the app's saves keep it (and the migration's backfill writes it).
            jdbc.sql("""
                    update callback c
                    set last_activity_at = (select max(e.at) from callback_event e where e.practice_id = c.practice_id and e.callback_id = c.id)
                    where c.practice_id = :practice and c.status <> 'CLOSED'""").param("practice", practice).update();
        });
        jdbc.sql("analyze sla_event").update();
        jdbc.sql("analyze callback").update();
        jdbc.sql("analyze callback_event").update();
        jdbc.sql("analyze attempt").update();
        // The set-up's dirty pages are written now, not by a checkpoint in the middle of a measured sweep.
        jdbc.sql("checkpoint").update();
        long open = jdbc.sql("select count(*) from callback where practice_id = :p and status <> 'CLOSED'").param("p", practice).query(Long.class).single();
        assertThat(open).isEqualTo(openItems);
    }

    private void time(String what, IntSupplier sweep, int expected) {
        Recording recording = warmingUp ? null : profile(what);
        long jvmBefore = jvmCpuNanos();
        long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long[] backend = new long[2];
        long started = System.nanoTime();
        int[] changed = new int[1];
        // Built here with a batch of 2,000, the sweeps have no transactional proxy: one transaction per run, as in the app.
        QueryCounting.Statements statements = queries.during(() -> changed[0] = transactions.execute(status -> {
            long pid = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
            backend[0] = pid;
            backend[1] = ticks(pid);
            int n = sweep.getAsInt();
            backend[1] = ticks(pid) - backend[1];
            return n;
        }));
        long ms = (System.nanoTime() - started) / 1_000_000;
        long jvmMs = (jvmCpuNanos() - jvmBefore) / 1_000_000;
        long threadMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore) / 1_000_000;
        stop(recording, what);
        // The sweep's thread is the sweep's own work; the rest of the JVM's CPU is the JIT and the garbage collector.
        if (!warmingUp) {
            say("%-100s %,6d items  %,6d ms  (CPU: sweep thread %,d ms, whole JVM %,d ms, PostgreSQL backend %,d ms; load %s)", what,
                    changed[0], ms, threadMs, jvmMs, backend[1] * 10, load());
            // Where the wall time goes, statement by statement (the longer ones; wall time, so the load shows in it).
            for (int i = 0; i < statements.count(); i++) {
                if (statements.elapsedMillis().get(i) >= 10) {
                    String sql = statements.sql().get(i);
                    say("    %,6d ms  %s", statements.elapsedMillis().get(i), sql.length() > 150 ? sql.substring(0, 150) + "…" : sql);
                }
            }
        }
        if (expected >= 0) {
            assertThat(changed[0]).as(what).isEqualTo(expected);
        }
    }

    /** CPU time of this JVM (all threads: the sweep, the JIT and the garbage collector). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** utime + stime of a process (the PostgreSQL backend serving the sweep's connection), in clock ticks of 10 ms. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** With -Dsweep.jfr=true, a Flight Recorder file per sweep in target/ (read it with bench/Profile or the jfr tool). */
    private static Recording profile(String what) {
        if (!Boolean.getBoolean("sweep.jfr")) {
            return null;
        }
        var recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
        recording.start();
        return recording;
    }

    private static void stop(Recording recording, String what) {
        if (recording == null) {
            return;
        }
        recording.stop();
        try {
            recording.dump(Path.of("target", "sweep-" + what.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "") + ".jfr"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        recording.close();
    }

    private void explain(String what, String sql) {
        transactions.executeWithoutResult(status -> {
            List<String> plan = jdbc.sql("explain (analyze, buffers off, timing off) " + sql).query(String.class).list();
            say("plan of the %s candidates:", what);
            plan.forEach(line -> say("    %s", line));
            status.setRollbackOnly();
        });
    }

    private void say(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println(line);
        report.add(line);
    }
}

package org.ringback.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.ringback.callback.Attempt;
import org.ringback.callback.Callback;
import org.ringback.callback.Closure;
import org.ringback.callback.SlaEvent;
import org.ringback.callback.SlaTarget;
import org.ringback.callback.TimelineEvent;
import org.ringback.patient.Patient;
import org.ringback.practice.Category;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the database with generated practices and their history. Each practice is one transaction: created
 * through the practice module (so its categories are seeded as for any new practice), then its patients,
 * callbacks, attempts and timeline streamed in with COPY. Several practices load at once, one per worker;
 * memory stays that of a few practices whatever the size.
 */
@Service
class Generator {

    private static final String[] CATEGORY_CODES = {"NEW_PATIENT_APPOINTMENT", "APPOINTMENT_REQUEST", "RESCHEDULE", "CANCELLATION",
            "REFERRAL_STATUS", "INSURANCE_ELIGIBILITY", "INTAKE_FORM", "RECORDS_REQUEST", "BILLING", "PRESCRIPTION_ROUTE",
            "CLINICAL_CONCERN", "POST_VISIT_FOLLOW_UP", "TELEHEALTH_ACCESS", "MISSED_CALL", "GENERAL_QUESTION"};
    private static final String CALLBACK_COLUMNS = "practice_id, id, patient_id, caller_name, contact_phone, channel, category, urgency, "
            + "urgency_rank, queue, owner, status, waiting_on, waiting_note, waiting_expected_by, reason, details, red_flags, "
            + "received_at, first_attempt_due_at, resolution_due_at, resolution_paused_since, resolution_paused_seconds, "
            + "next_action, next_action_at, board_due_at, attempt_count, first_attempt_at, reached_at, next_step_done_at, "
            + "resolved_at, closure_outcome, closure_note, closed_at, closed_by, repeat_of, repeat_count, escalation_level, version, "
            + "first_attempt_breached, resolution_breached, last_activity_at";
    private static final String PATIENT_COLUMNS = "practice_id, id, display_name, mrn, phones, preferred_contact, preferred_windows, "
            + "language, consent_voicemail, consent_detailed_voicemail, consent_sms, consent_portal, consent_email, created_at";
    private static final String PHONE_COLUMNS = "practice_id, phone, patient_id";
    private static final String ATTEMPT_COLUMNS = "practice_id, callback_id, seq, at, method, caller, result, message_left, script, "
            + "patient_response, next_action, call_window, duration_seconds";
    private static final String EVENT_COLUMNS = "practice_id, callback_id, seq, at, type, actor, detail";
    /** The tables the load fills, whose secondary indexes are built once at the end when loading into an empty database. */
    private static final List<String> LOADED_TABLES = List.of("patient", "patient_phone", "callback", "attempt", "callback_event",
            "sla_event");
    /** Index builds at once: one per core, each a single process (PostgreSQL's parallel workers would share the same cores). */
    private static final int INDEX_BUILDERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /**
     * Sort memory of one index build. At full size callback_event's three indexes each sort 33.6 M rows: with 512 MB
     * the builds spilled 8.8 GB to temporary files and took a fifth longer; with 3 GB they sort in memory.
     */
    private static final long INDEX_BUILD_MEMORY_MB = indexBuildMemoryMb(physicalMemoryBytes(), INDEX_BUILDERS);
    private static final Pattern INDEXED_TABLE = Pattern.compile(" ON (?:ONLY )?(?:[a-z_0-9]+\\.)?([a-z_0-9]+) USING ");
    private static final String SLA_EVENT_COLUMNS = "practice_id, callback_id, seq, clock, type, at, target, cap, reason";

    private final PracticeDirectory practices;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Generator(PracticeDirectory practices, DataSource dataSource, TransactionTemplate transaction, JdbcClient jdbc, JsonMapper json,
              Clock clock) {
        this.practices = practices;
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** What was loaded. */
    record Summary(int practices, long patients, long callbacks, long attempts, long events, long slaEvents, long rows, Duration took,
                   long databaseBytes) {
    }

    /** The database already holds practices this command would generate. */
    static final class AlreadyGenerated extends RuntimeException {
        AlreadyGenerated(String message) {
            super(message);
        }
    }

    /** @throws AlreadyGenerated when any of the practices of this seed and size is already there */
    Summary generate(GenerateCommand command, PrintStream out) {
        refuseIfGenerated(command);
        Instant now = command.now().orElseGet(clock::instant);
        long started = System.nanoTime();
        var progress = new Progress(command.practices(), out, started);
        ExecutorService workers = Executors.newFixedThreadPool(command.workers());
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "generate-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(progress::print, 5, 5, TimeUnit.SECONDS);
        Dropped dropped = command.keepIndexes() ? Dropped.NOTHING : dropIndexesAndKeys(out);
        boolean withoutTriggers = mayLoadWithoutTriggers();
        out.println(withoutTriggers
                ? "generate: loading without foreign-key triggers; each practice's references are checked before its rows are copied"
                : "generate: loading with foreign-key triggers (the database role may not switch them off)");
        try {
            var done = new ExecutorCompletionService<Counts>(workers);
            for (int index = 0; index < command.practices(); index++) {
                int practice = index;
                done.submit(() -> load(command, practice, now, withoutTriggers));
            }
            for (int i = 0; i < command.practices(); i++) {
                progress.add(done.take().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
            ticker.shutdownNow();
            recreate(dropped.indexes(), out);
            addAgain(dropped, out);
        }
        progress.print();
        out.println("generate: analyzing the tables...");
        jdbc.sql("analyze practice, category, patient, patient_phone, callback, attempt, callback_event, sla_event").update();
        long bytes = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        Counts total = progress.total();
        return new Summary(command.practices(), total.patients(), total.callbacks(), total.attempts(), total.events(), total.slaEvents(),
                total.rows(),
                Duration.ofNanos(System.nanoTime() - started), bytes);
    }

    /**
     * What the load drops from an empty database and adds again at the end.
     *
     * @param indexes the statements building the dropped indexes of the loaded tables, secondary ones and those
     *                behind their keys
     * @param keys    the statements making the key indexes primary keys and unique constraints again
     */
    record Dropped(List<String> indexes, List<String> keys) {
        static final Dropped NOTHING = new Dropped(List.of(), List.of());
    }

    /**
     * Drops the indexes, and the keys no foreign key reads, of the tables the load fills, remembering their
     * definitions from the catalog; only into a database without callbacks, where nothing but this load can miss
     * them. Keeping the indexes up row by row cost PostgreSQL more than the rows themselves (callback alone has 17
     * secondary ones, and every row also went into its primary key's b-tree at a random place); {@link #recreate}
     * builds each once from the sorted rows, also when the load fails, and {@link #addAgain} turns the key indexes
     * into keys again (which checks they are unique). The keys of callback and patient stay, and with them the
     * foreign keys: adding those again made PostgreSQL validate them one by one on one core (197 s at full size),
     * where {@link #render} checks each practice's references before its rows are copied.
     */
    private Dropped dropIndexesAndKeys(PrintStream out) {
        if (jdbc.sql("select exists (select 1 from callback)").query(Boolean.class).single()) {
            out.println("generate: the database already has callbacks, so the indexes and keys stay while loading");
            return Dropped.NOTHING;
        }
        List<Key> keys = keysNoForeignKeyReads();
        List<Map.Entry<String, String>> secondary = secondaryIndexes();
        List<String> indexes = new ArrayList<>();
        List<String> keysAgain = new ArrayList<>();
        for (Key key : keys) {
            jdbc.sql("alter table " + key.table() + " drop constraint " + key.name()).update();
            indexes.add(key.index());
            keysAgain.add("alter table " + key.table() + " add constraint " + key.name()
                    + (key.type().equals("p") ? " primary key" : " unique") + " using index " + key.name());
        }
        for (var index : secondary) {
            jdbc.sql("drop index " + index.getKey()).update();
            indexes.add(index.getValue());
        }
        out.println("generate: dropped " + indexes.size() + " indexes (" + keys.size() + " of them keys) of "
                + String.join(", ", LOADED_TABLES) + " while loading into an empty database; they are built again at the end"
                + " (--keep-indexes keeps them; if this run is interrupted, start again with a fresh data directory)");
        return new Dropped(indexes, keysAgain);
    }

    /** A primary key or unique constraint of a loaded table, with the statement building its index. */
    private record Key(String table, String name, String type, String index) {
    }

    /** The keys of the loaded tables that no foreign key reads: those of the tables that only reference others. */
    private List<Key> keysNoForeignKeyReads() {
        return jdbc.sql("""
                        select c.conrelid::regclass::text, c.conname, c.contype::text, pg_get_indexdef(c.conindid)
                        from pg_constraint c
                        where c.contype in ('p', 'u') and c.conrelid::regclass::text in (:tables)
                          and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)
                        order by 1, 2""")
                .param("tables", LOADED_TABLES)
                .query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Makes the rebuilt key indexes keys again (building them as unique indexes checked that they are). */
    private void addAgain(Dropped dropped, PrintStream out) {
        if (dropped.keys().isEmpty()) {
            return;
        }
        out.printf("generate: adding %d keys again...%n", dropped.keys().size());
        out.flush();
        for (String key : dropped.keys()) {
            jdbc.sql(key).update();
        }
    }

    /** Name and definition of each index of the loaded tables that no constraint (primary key, unique) owns. */
    List<Map.Entry<String, String>> secondaryIndexes() {
        return jdbc.sql("""
                        select i.indexname, i.indexdef from pg_indexes i
                        where i.schemaname = current_schema() and i.tablename in (:tables)
                          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
                        order by i.tablename, i.indexname""")
                .param("tables", LOADED_TABLES)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Builds the dropped indexes again, one per core at once (each sorts one table's rows: CPU-bound), each in its
     * own transaction with a larger sort memory than a session of the app gets. The largest tables' indexes go
     * first, so that the last builds to finish are short ones and no builder waits idle beside a long one.
     */
    private void recreate(List<String> definitions, PrintStream out) {
        if (definitions.isEmpty()) {
            return;
        }
        out.printf("generate: building %d indexes again...%n", definitions.size());
        out.flush();
        long started = System.nanoTime();
        Map<String, Long> sizes = tableSizes();
        List<String> largestFirst = new ArrayList<>(definitions);
        largestFirst.sort(Comparator.comparingLong((String definition) -> sizes.getOrDefault(tableOf(definition), 0L)).reversed());
        ExecutorService builders = Executors.newFixedThreadPool(Math.min(INDEX_BUILDERS, definitions.size()));
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (String definition : largestFirst) {
                builds.add(builders.submit(() -> transaction.executeWithoutResult(status -> {
                    jdbc.sql("set local maintenance_work_mem = '" + INDEX_BUILD_MEMORY_MB + "MB'").update();
                    jdbc.sql("set local max_parallel_maintenance_workers = 0").update();
                    jdbc.sql(definition).update();
                })));
            }
            for (var build : builds) {
                build.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building the indexes again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Building an index again failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            builders.shutdownNow();
        }
        out.printf("generate: built %d indexes again in %d s%n", definitions.size(), (System.nanoTime() - started) / 1_000_000_000L);
    }

    private Map<String, Long> tableSizes() {
        Map<String, Long> sizes = new HashMap<>();
        jdbc.sql("select c.relname, pg_table_size(c.oid) from pg_class c where c.relname in (:tables) and c.relkind = 'r'"
                        + " and c.relnamespace = current_schema()::regnamespace")
                .param("tables", LOADED_TABLES)
                .query((rs, n) -> sizes.put(rs.getString(1), rs.getLong(2))).list();
        return sizes;
    }

    /** A quarter of the machine's memory shared by the builders, at most 3 GB each (no gain measured beyond it), at least 64 MB. */
    static long indexBuildMemoryMb(long physicalBytes, int builders) {
        long quarterPerBuilder = physicalBytes / 4 / builders / (1024 * 1024);
        return Math.max(64, Math.min(3 * 1024, quarterPerBuilder));
    }

    private static long physicalMemoryBytes() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    /** The table of a {@code CREATE INDEX} statement as {@code pg_indexes} writes it. */
    static String tableOf(String indexDefinition) {
        Matcher matcher = INDEXED_TABLE.matcher(indexDefinition);
        return matcher.find() ? matcher.group(1) : "";
    }

    private void refuseIfGenerated(GenerateCommand command) {
        List<UUID> ids = new ArrayList<>();
        long found = 0;
        for (int index = 0; index < command.practices(); index++) {
            ids.add(GeneratedPractices.id(command.seed(), index));
            if (ids.size() == 1000 || index == command.practices() - 1) {
                found += jdbc.sql("select count(*) from practice where id in (:ids)").param("ids", ids).query(Long.class).single();
                ids.clear();
            }
        }
        if (found > 0) {
            throw new AlreadyGenerated("the database already holds " + found + " of the " + command.practices()
                    + " practices generated with seed " + command.seed() + "; use a fresh data directory or another --seed");
        }
    }

    /**
     * Whether this role may switch foreign-key triggers off for its own transactions: a superuser, such as the
     * bundled database's. Checking the rows one by one cost PostgreSQL more than the COPY itself (each check locks
     * the referenced callback row); {@link #render} checks the same references in memory before the COPY instead.
     */
    private boolean mayLoadWithoutTriggers() {
        return jdbc.sql("select current_setting('is_superuser') = 'on'").query(Boolean.class).single();
    }

    /**
     * One practice, in one transaction: created with its categories, then its rows copied in. The commit does not
     * wait for the disk (a crash loses at most the last practices, which a run with a new seed or data directory
     * redoes).
     */
    private Counts load(GenerateCommand command, int index, Instant now, boolean withoutTriggers) {
        return transaction.execute(status -> {
            jdbc.sql("set local synchronous_commit = off").update();
            Practice practice = practices.createSeeded(GeneratedPractices.practice(command.seed(), index));
            History.Result history = history(command, index, now);
            Tables tables = render(history, practice.id(), now.minus(Duration.ofDays(command.days())));
            if (withoutTriggers) {
                jdbc.sql("set local session_replication_role = replica").update();
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy(copy, "patient (" + PATIENT_COLUMNS + ")", tables.patients());
                copy(copy, "patient_phone (" + PHONE_COLUMNS + ")", tables.phones());
                copy(copy, "callback (" + CALLBACK_COLUMNS + ")", tables.callbacks());
                copy(copy, "attempt (" + ATTEMPT_COLUMNS + ")", tables.attempts());
                copy(copy, "callback_event (" + EVENT_COLUMNS + ")", tables.events());
                copy(copy, "sla_event (" + SLA_EVENT_COLUMNS + ")", tables.slaEvents());
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Loading practice " + practice.id() + " failed: " + e.getMessage(), e);
            }
            return new Counts(1, tables.patients().rows(), tables.callbacks().rows(), tables.attempts().rows(), tables.events().rows(),
                    tables.slaEvents().rows(), tables.patients().rows() + tables.phones().rows() + tables.callbacks().rows()
                            + tables.attempts().rows() + tables.events().rows() + tables.slaEvents().rows() + 1 + CATEGORY_CODES.length);
        });
    }

    /** A generated practice's history, rebuilt from the seed; the practice must exist (its categories are read). */
    History.Result history(GenerateCommand command, int index, Instant now) {
        Practice practice = practices.find(GeneratedPractices.id(command.seed(), index));
        Map<String, Category> categories = new HashMap<>();
        for (String code : CATEGORY_CODES) {
            categories.put(code, practices.category(practice.id(), code));
        }
        var setup = new History.Setup(practice, practice.calendar(), categories);
        return new History(setup, GeneratedPractices.random(command.seed(), index), command.days(), now).generate();
    }

    record Tables(CopyRows patients, CopyRows phones, CopyRows callbacks, CopyRows attempts, CopyRows events, CopyRows slaEvents) {
    }

    /**
     * The rows of a history, exactly as the callback and patient modules store them, checked for what the foreign
     * keys would check: every row belongs to the practice, and a callback's patient is one of its patients. The
     * rest holds by construction (a phone, attempt or event row takes its parent's keys from the parent itself).
     * This replaces the checks the load switches off; it runs before any row is copied, so an inconsistent
     * practice fails its own transaction and nothing of it is stored.
     *
     * @throws IllegalStateException when a row references something outside this practice's rows
     */
    Tables render(History.Result history, UUID practiceId, Instant patientsSince) {
        var tables = new Tables(rows(PATIENT_COLUMNS), rows(PHONE_COLUMNS), rows(CALLBACK_COLUMNS), rows(ATTEMPT_COLUMNS),
                rows(EVENT_COLUMNS), rows(SLA_EVENT_COLUMNS));
        Set<UUID> patients = new HashSet<>();
        for (Patient p : history.patients()) {
            requireSamePractice("patient", p.id(), p.practiceId(), practiceId);
            patients.add(p.id());
            tables.patients().add(p.practiceId()).add(p.id()).add(p.displayName()).add(p.mrn()).array(p.phones())
                    .add(p.preferredContact().name()).array(p.preferredWindows().stream().sorted().toList()).add(p.language())
                    .add(p.consent().voicemail()).add(p.consent().detailedVoicemail()).add(p.consent().sms()).add(p.consent().portal())
                    .add(p.consent().email()).add(patientsSince).endRow();
            for (String phone : p.phones().stream().distinct().toList()) {
                tables.phones().add(p.practiceId()).add(phone).add(p.id()).endRow();
            }
        }
        for (Callback callback : history.callbacks()) {
            Callback.State s = callback.state();
            requireSamePractice("callback", s.id(), s.practiceId(), practiceId);
            s.patientId().filter(patient -> !patients.contains(patient)).ifPresent(patient -> {
                throw new IllegalStateException("callback " + s.id() + " references patient " + patient
                        + ", which is not one of practice " + practiceId + "'s patients");
            });
            List<Attempt> attempts = callback.attempts();
            List<SlaEvent> slaEvents = callback.slaEvents();
            List<TimelineEvent> timeline = callback.timeline();
            tables.callbacks().add(s.practiceId()).add(s.id()).add(s.patientId()).add(s.callerName()).add(s.contactPhone())
                    .add(s.channel().name()).add(s.category()).add(s.urgency().name()).add((short) s.urgency().ordinal()).add(s.queue())
                    .add(s.owner()).add(s.status().name()).add(s.waitingOn().map(Enum::name)).add(s.waitingNote())
                    .add(s.waitingExpectedBy()).add(s.reason()).json(json.writeValueAsString(s.details()))
                    .json(s.redFlags().isEmpty() ? "[]" : json.writeValueAsString(s.redFlags())).add(s.receivedAt())
                    .add(s.firstAttemptDueAt()).add(s.resolutionDueAt())
                    .add(s.resolutionPausedSince()).add(s.resolutionPaused().toSeconds()).add(s.nextAction()).add(s.nextActionAt())
                    .add(s.boardDueAt()).add(attempts.size()).add(s.firstAttemptAt()).add(s.reachedAt()).add(s.nextStepDoneAt())
                    .add(s.resolvedAt()).add(s.closure().map(c -> c.outcome().name())).add(s.closure().flatMap(Closure::note))
                    .add(s.closure().map(Closure::closedAt)).add(s.closure().map(Closure::closedBy)).add(s.repeatOf())
                    .add(s.repeatCount()).add(s.escalationLevel()).add(s.version())
                    .add(breached(slaEvents, SlaEvent.Clock.FIRST_ATTEMPT)).add(breached(slaEvents, SlaEvent.Clock.RESOLUTION))
                    .add(lastActivity(timeline)).endRow();
            for (Attempt a : attempts) {
                tables.attempts().add(s.practiceId()).add(s.id()).add(a.seq()).add(a.at()).add(a.method().name()).add(a.caller())
                        .add(a.result().name()).add(a.messageLeft()).add(a.script()).add(a.patientResponse()).add(a.nextAction())
                        .add(a.callWindow()).add(a.duration().map(d -> (int) d.toSeconds())).endRow();
            }
            for (TimelineEvent e : timeline) {
                tables.events().add(s.practiceId()).add(s.id()).add(e.seq()).add(e.at()).add(e.type().name()).add(e.actor())
                        .json(json.writeValueAsString(e.detail())).endRow();
            }
            for (SlaEvent e : slaEvents) {
                tables.slaEvents().add(s.practiceId()).add(s.id()).add(e.seq()).add(e.clock().name()).add(e.type().name()).add(e.at())
                        .add(e.target().map(SlaTarget::text)).add(e.cap()).add(e.reason()).endRow();
            }
        }
        return tables;
    }

    private static void requireSamePractice(String table, UUID row, UUID rowPractice, UUID practiceId) {
        if (!rowPractice.equals(practiceId)) {
            throw new IllegalStateException(table + " " + row + " belongs to practice " + rowPractice + ", not to " + practiceId);
        }
    }

    /** The time of the item's newest event, which every save of the app keeps (the idle-owner sweep reads it). */
    private static Instant lastActivity(List<TimelineEvent> timeline) {
        Instant last = null;
        for (TimelineEvent e : timeline) {
            last = last == null || e.at().isAfter(last) ? e.at() : last;
        }
        return last;
    }

    /** The flag the breach sweep sets with a clock's BREACHED event; its partial indexes skip flagged items. */
    private static boolean breached(List<SlaEvent> events, SlaEvent.Clock clock) {
        for (SlaEvent e : events) {
            if (e.clock() == clock && e.type() == SlaEvent.Type.BREACHED) {
                return true;
            }
        }
        return false;
    }

    private static CopyRows rows(String columns) {
        return new CopyRows(columns.split(",").length);
    }

    private static void copy(CopyManager copy, String table, CopyRows rows) throws SQLException, IOException {
        if (!rows.isEmpty()) {
            copy.copyIn("copy " + table + " from stdin (format binary)", rows.stream());
        }
    }

    private record Counts(int practices, long patients, long callbacks, long attempts, long events, long slaEvents, long rows) {
        Counts plus(Counts other) {
            return new Counts(practices + other.practices, patients + other.patients, callbacks + other.callbacks,
                    attempts + other.attempts, events + other.events, slaEvents + other.slaEvents, rows + other.rows);
        }
    }

    /** Practices done, rows per second and the time left, printed every few seconds. */
    private static final class Progress {
        private final int practices;
        private final PrintStream out;
        private final long started;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicLong callbacks = new AtomicLong();
        private Counts total = new Counts(0, 0, 0, 0, 0, 0, 0);

        Progress(int practices, PrintStream out, long started) {
            this.practices = practices;
            this.out = out;
            this.started = started;
        }

        synchronized void add(Counts counts) {
            total = total.plus(counts);
            done.incrementAndGet();
            callbacks.addAndGet(counts.callbacks());
        }

        synchronized Counts total() {
            return total;
        }

        synchronized void print() {
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            int finished = total.practices();
            long eta = finished == 0 ? -1 : Math.round(seconds / finished * (practices - finished));
            out.printf("generate: %,d/%,d practices, %,d callbacks, %,d attempts, %,d rows, %,.0f rows/s, %s elapsed, ETA %s%n",
                    finished, practices, total.callbacks(), total.attempts(), total.rows(), total.rows() / seconds,
                    minutes(Math.round(seconds)), eta < 0 ? "-" : minutes(eta));
            out.flush();
        }

        private static String minutes(long seconds) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
    }
}

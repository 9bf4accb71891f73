package org.ringback.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import org.ringback.measures.PeriodMeasures.BacklogAge;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.BoardIdentifier;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Practice;
import org.ringback.practice.OpeningInterval;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production path (MeasureRows' SQL, then MeasureCalculator) against a plain-Java recount straight from the raw
 * rows of callback, attempt and callback_event, on random histories around Thanksgiving week in New York. Runs
 * against a real PostgreSQL migrated by Flyway, without Spring, so jqwik drives it.
 */
class PeriodMeasuresProperties {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ReportPeriod WEEK = ReportPeriod.isoWeek("week", "2026-W48");
    private static final Instant AS_OF = Instant.parse("2026-12-02T15:00:00Z");
    /** Histories spread from a week before to a week after the reported one. */
    private static final Instant EARLIEST = Instant.parse("2026-11-16T05:00:00Z");
    private static final long SPREAD_MINUTES = Duration.ofDays(21).toMinutes();
    private static final BusinessCalendar CALENDAR = new Practice(UUID.randomUUID(), "Property practice", NEW_YORK, Optional.of("US"),
            "US", weekdays8to5(), Set.of(), CallWindow.DEFAULTS, BoardIdentifier.FULL_NAME).calendar();
    private static final String[] CATEGORIES = {"APPOINTMENT_REQUEST", "GENERAL_QUESTION", "CLINICAL_CONCERN"};
    private static final String[] QUEUES = {"SCHEDULING", "FRONT_DESK", "CLINICAL"};
    private static final String[] CHANNELS = {"VOICEMAIL", "MISSED_CALL", "WEB_FORM"};
    private static final String[] OUTCOMES = {"BOOKED", "QUESTION_ANSWERED", "DUPLICATE", "UNABLE_TO_REACH_AFTER_ATTEMPTS"};

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    @BeforeContainer
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "property-data", UUID.randomUUID().toString()))
                .setCleanDataDirectory(true)
                .start();
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterContainer
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** 25 random histories of up to 40 items: the suite's time budget on two cores (each writes its rows one by one). */
    @Property(tries = 25)
    void theMeasuresEqualARecountFromTheRawRows(@ForAll long seed, @ForAll @IntRange(max = 40) int items) {
        UUID practiceId = insertHistory(new Random(seed), items);
        MeasureRows rows = new MeasureRows(jdbc);

        PeriodMeasures measured = MeasureCalculator.compute(rows.load(practiceId, NEW_YORK, WEEK, AS_OF), CALENDAR);
        PeriodMeasures recounted = Recount.of(RawRows.read(practiceId));

        assertThat(measured).usingRecursiveComparison().isEqualTo(recounted);
        Share trendPoint = rows.onTimeByWeek(practiceId, NEW_YORK, WEEK.from(NEW_YORK), WEEK.to(NEW_YORK), AS_OF)
                .getOrDefault(WEEK.start(), Share.NONE);
        assertThat(trendPoint).isEqualTo(recounted.firstAttemptOnTime());
    }

    // ---- a random history, written straight into the tables ----

    private static UUID insertHistory(Random random, int items) {
        UUID practiceId = UUID.randomUUID();
        jdbc.sql("""
                        insert into practice (id, name, time_zone, holiday_calendar, business_hours, call_windows, created_at)
                        values (:id, 'Property practice', 'America/New_York', 'US', '{}'::jsonb, '[]'::jsonb, now())""")
                .param("id", practiceId).update();
        for (int i = 0; i < CATEGORIES.length; i++) {
            jdbc.sql("""
                            insert into category (practice_id, code, name, queue, window_kind, resolution_target, ladder_max_attempts,
                                                  ladder_min_gap, ladder_different_window, closure_outcomes, clinical)
                            values (:p, :code, :code, :queue, 'WITHIN', interval '8 hours', 3, interval '2 hours', true, '{}', :clinical)""")
                    .param("p", practiceId).param("code", CATEGORIES[i]).param("queue", QUEUES[i]).param("clinical", i == 2).update();
        }
        for (int i = 0; i < items; i++) {
            insertItem(random, practiceId);
        }
        return practiceId;
    }

    private static void insertItem(Random random, UUID practiceId) {
        UUID id = UUID.randomUUID();
        int category = random.nextInt(CATEGORIES.length);
        Instant received = EARLIEST.plus(Duration.ofMinutes(random.nextLong(SPREAD_MINUTES)));
        Instant due = received.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
        Instant firstAttempt = random.nextInt(10) < 6 ? received.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60))) : null;
        Instant closed = random.nextBoolean() ? received.plus(Duration.ofMinutes(random.nextInt(6 * 24 * 60))) : null;
        String outcome = closed == null ? null : OUTCOMES[random.nextInt(OUTCOMES.length)];
        boolean resolves = outcome != null && !outcome.equals("DUPLICATE") && !outcome.equals("UNABLE_TO_REACH_AFTER_ATTEMPTS");
        String urgency = random.nextInt(5) == 0 ? "CLINICAL" : "ROUTINE";
        String queue = urgency.equals("CLINICAL") || random.nextInt(6) == 0 ? "CLINICAL" : QUEUES[category];
        jdbc.sql("""
                        insert into callback (practice_id, id, channel, category, urgency, urgency_rank, queue, status, received_at,
                                              first_attempt_due_at, resolution_due_at, board_due_at, first_attempt_at, resolved_at,
                                              closure_outcome, closed_at, repeat_of)
                        values (:p, :id, :channel, :category, :urgency, 0, :queue, :status, :received, :due, :due, :due,
                                :firstAttempt, :resolved, :outcome, :closed, :repeatOf)""")
                .param("p", practiceId).param("id", id)
                .param("channel", CHANNELS[random.nextInt(CHANNELS.length)])
                .param("category", CATEGORIES[category])
                .param("urgency", urgency)
                .param("queue", queue)
                .param("status", closed != null ? "CLOSED" : random.nextBoolean() ? "NEW" : "WAITING_ON_PATIENT")
                .param("received", utc(received))
                .param("due", utc(due))
                .param("firstAttempt", utc(firstAttempt))
                .param("resolved", resolves ? utc(closed) : null)
                .param("outcome", outcome)
                .param("closed", utc(closed))
                .param("repeatOf", random.nextInt(5) == 0 ? UUID.randomUUID() : null)
                .update();
        insertAttempts(random, practiceId, id, received);
        insertEvents(random, practiceId, id, received, closed);
    }

    private static void insertAttempts(Random random, UUID practiceId, UUID id, Instant received) {
        int attempts = random.nextInt(4);
        String[] windows = {"MORNING", "MIDDAY", "AFTERNOON", null};
        for (int seq = 1; seq <= attempts; seq++) {
            jdbc.sql("""
                            insert into attempt (practice_id, callback_id, seq, at, method, caller, result, call_window)
                            values (:p, :id, :seq, :at, :method, 'dana', :result, :window)""")
                    .param("p", practiceId).param("id", id).param("seq", seq)
                    .param("at", utc(received.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60)))))
                    .param("method", random.nextInt(4) == 0 ? "SMS" : "PHONE")
                    .param("result", random.nextBoolean() ? "REACHED" : "NO_ANSWER")
                    .param("window", windows[random.nextInt(windows.length)])
                    .update();
        }
    }

    /** RECEIVED, then waits, resumes, escalations and attached repeat calls in time order, then CLOSED. */
    private static void insertEvents(Random random, UUID practiceId, UUID id, Instant received, Instant closed) {
        record Event(Instant at, String type, String detail) {
        }
        List<Event> events = new ArrayList<>();
        Instant end = closed != null ? closed : received.plus(Duration.ofDays(6));
        long span = Math.max(1, Duration.between(received, end).toMinutes());
        String[] kinds = {"WAITING_STARTED", "RESUMED", "ESCALATED", "REPEAT_CALL_ATTACHED"};
        int more = random.nextInt(5);
        for (int i = 0; i < more; i++) {
            String type = kinds[random.nextInt(kinds.length)];
            String detail = switch (type) {
                case "WAITING_STARTED" -> random.nextBoolean() ? "{\"on\": \"PATIENT\"}" : "{\"on\": \"REFERRAL_DOCUMENTS\"}";
                case "ESCALATED" -> "{\"level\": \"" + (1 + random.nextInt(2)) + "\"}";
                default -> "{}";
            };
            events.add(new Event(received.plus(Duration.ofMinutes(random.nextLong(span))), type, detail));
        }
        events.sort(Comparator.comparing(Event::at));
        events.add(0, new Event(received, "RECEIVED", "{}"));
        if (closed != null) {
            events.add(new Event(closed, "CLOSED", "{}"));
        }
        for (int seq = 0; seq < events.size(); seq++) {
            Event event = events.get(seq);
            jdbc.sql("""
                            insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                            values (:p, :id, :seq, :at, :type, 'dana', cast(:detail as jsonb))""")
                    .param("p", practiceId).param("id", id).param("seq", seq + 1).param("at", utc(event.at()))
                    .param("type", event.type()).param("detail", event.detail()).update();
        }
    }

    // ---- the raw rows, read whole ----

    record RawCallback(UUID id, String category, String channel, String queue, String urgency, Instant received, Instant due,
                       Instant firstAttempt, Instant resolved, Instant closed, String outcome, boolean secondCall,
                       String categoryQueue, boolean clinicalCategory) {
    }

    record RawAttempt(UUID callbackId, Instant at, String method, String result, String window) {
    }

    record RawEvent(UUID callbackId, int seq, Instant at, String type, String on, String level) {
    }

    record RawRows(List<RawCallback> callbacks, List<RawAttempt> attempts, List<RawEvent> events) {
        static RawRows read(UUID practiceId) {
            Map<String, String[]> categories = new HashMap<>();
            jdbc.sql("select code, queue, clinical from category where practice_id = :p").param("p", practiceId)
                    .query(rs -> {
                        categories.put(rs.getString("code"), new String[] {rs.getString("queue"), Boolean.toString(rs.getBoolean("clinical"))});
                    });
            List<RawCallback> callbacks = jdbc.sql("select * from callback where practice_id = :p").param("p", practiceId)
                    .query((rs, n) -> {
                        String[] category = categories.get(rs.getString("category"));
                        return new RawCallback(rs.getObject("id", UUID.class), rs.getString("category"), rs.getString("channel"),
                                rs.getString("queue"), rs.getString("urgency"), at(rs.getTimestamp("received_at")),
                                at(rs.getTimestamp("first_attempt_due_at")), at(rs.getTimestamp("first_attempt_at")),
                                at(rs.getTimestamp("resolved_at")), at(rs.getTimestamp("closed_at")), rs.getString("closure_outcome"),
                                rs.getObject("repeat_of") != null, category[0], Boolean.parseBoolean(category[1]));
                    }).list();
            List<RawAttempt> attempts = jdbc.sql("select * from attempt where practice_id = :p").param("p", practiceId)
                    .query((rs, n) -> new RawAttempt(rs.getObject("callback_id", UUID.class), at(rs.getTimestamp("at")),
                            rs.getString("method"), rs.getString("result"), rs.getString("call_window"))).list();
            List<RawEvent> events = jdbc.sql("""
                            select callback_id, seq, at, type, detail ->> 'on' as on_what, detail ->> 'level' as level
                            from callback_event where practice_id = :p""").param("p", practiceId)
                    .query((rs, n) -> new RawEvent(rs.getObject("callback_id", UUID.class), rs.getInt("seq"), at(rs.getTimestamp("at")),
                            rs.getString("type"), rs.getString("on_what"), rs.getString("level"))).list();
            return new RawRows(callbacks, attempts, events);
        }
    }

    // ---- the recount: docs/measures.md in the plainest Java ----

    static final class Recount {
        private final RawRows raw;
        private final Instant from = WEEK.start().atStartOfDay(NEW_YORK).toInstant();
        private final Instant to = WEEK.end().atStartOfDay(NEW_YORK).toInstant();

        private Recount(RawRows raw) {
            this.raw = raw;
        }

        static PeriodMeasures of(RawRows raw) {
            return new Recount(raw).measures();
        }

        private boolean inWeek(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }

        private PeriodMeasures measures() {
            List<RawCallback> items = raw.callbacks().stream().filter(c -> inWeek(c.received()))
                    .sorted(Comparator.comparing(RawCallback::received).thenComparing(RawCallback::id)).toList();
            Instant backlogAt = to.isBefore(AS_OF) ? to : AS_OF;
            int attachedAll = items.stream().mapToInt(this::attached).sum();
            return new PeriodMeasures(WEEK.label(), from, to, AS_OF, items.size(), attachedAll,
                    firstAttempt(items), onTime(items), reach(a -> "all").getOrDefault("all", Share.NONE),
                    new TreeMap<>(reach(a -> a.window() == null ? "OUTSIDE_WINDOWS" : a.window())), reachByDay(),
                    booking(items), resolution(items), resolved(items), backlogAt, backlog(backlogAt), escalations(items),
                    repeats(items), repeatsByCategory(items), waits(), promises(items), arrivals(items), breakdowns(items));
        }

        private int attached(RawCallback c) {
            return (int) raw.events().stream().filter(e -> e.callbackId().equals(c.id()) && e.type().equals("REPEAT_CALL_ATTACHED")).count();
        }

        private static Long percentile(List<Long> values, double p) {
            if (values.isEmpty()) {
                return null;
            }
            List<Long> sorted = values.stream().sorted().toList();
            int rank = (int) Math.ceil(p * sorted.size());
            return sorted.get(Math.max(1, rank) - 1);
        }

        private static Timing timing(List<Long> minutes) {
            return new Timing(minutes.size(), percentile(minutes, 0.5), percentile(minutes, 0.9));
        }

        private Timing firstAttempt(List<RawCallback> items) {
            return timing(items.stream().filter(c -> c.firstAttempt() != null)
                    .map(c -> CALENDAR.businessTimeBetween(c.received(), c.firstAttempt()).toMinutes()).toList());
        }

        private Share onTime(List<RawCallback> items) {
            int counted = 0;
            int kept = 0;
            for (RawCallback c : items) {
                boolean attempted = c.firstAttempt() != null;
                boolean closedFirst = c.closed() != null && !c.closed().isAfter(c.due());
                if (attempted || (!c.due().isAfter(AS_OF) && !closedFirst)) {
                    counted++;
                    if (attempted && !c.firstAttempt().isAfter(c.due())) {
                        kept++;
                    }
                }
            }
            return Share.of(kept, counted);
        }

        private List<RawAttempt> phoneAttemptsInWeek() {
            return raw.attempts().stream().filter(a -> a.method().equals("PHONE") && inWeek(a.at())).toList();
        }

        private Map<String, Share> reach(Function<RawAttempt, String> key) {
            Map<String, int[]> counts = new HashMap<>();
            for (RawAttempt a : phoneAttemptsInWeek()) {
                int[] c = counts.computeIfAbsent(key.apply(a), k -> new int[2]);
                c[0]++;
                c[1] += a.result().equals("REACHED") ? 1 : 0;
            }
            Map<String, Share> shares = new HashMap<>();
            counts.forEach((k, c) -> shares.put(k, Share.of(c[1], c[0])));
            return shares;
        }

        private Map<DayOfWeek, Share> reachByDay() {
            Map<DayOfWeek, Share> byDay = new EnumMap<>(DayOfWeek.class);
            reach(a -> a.at().atZone(NEW_YORK).getDayOfWeek().name()).forEach((day, share) -> byDay.put(DayOfWeek.valueOf(day), share));
            return byDay;
        }

        private static Share booking(List<RawCallback> items) {
            List<RawCallback> closed = items.stream().filter(c -> "SCHEDULING".equals(c.categoryQueue()) && c.closed() != null).toList();
            return Share.of((int) closed.stream().filter(c -> "BOOKED".equals(c.outcome())).count(), closed.size());
        }

        private Timing resolution(List<RawCallback> items) {
            List<Long> minutes = new ArrayList<>();
            for (RawCallback c : items) {
                if (c.resolved() == null) {
                    continue;
                }
                Duration waited = Duration.ZERO;
                List<RawEvent> timeline = raw.events().stream().filter(e -> e.callbackId().equals(c.id()))
                        .sorted(Comparator.comparingInt(RawEvent::seq)).toList();
                Instant pausedSince = null;
                for (RawEvent e : timeline) {
                    boolean endsPause = e.type().equals("WAITING_STARTED") || e.type().equals("RESUMED") || e.type().equals("CLOSED");
                    if (pausedSince != null && endsPause) {
                        Instant end = e.at().isAfter(c.resolved()) ? c.resolved() : e.at();
                        waited = waited.plus(CALENDAR.businessTimeBetween(pausedSince, end));
                        pausedSince = null;
                    }
                    if (e.type().equals("WAITING_STARTED") && "PATIENT".equals(e.on())) {
                        pausedSince = e.at();
                    }
                }
                if (pausedSince != null) {
                    Instant end = AS_OF.isAfter(pausedSince) ? AS_OF : pausedSince;
                    waited = waited.plus(CALENDAR.businessTimeBetween(pausedSince, end.isAfter(c.resolved()) ? c.resolved() : end));
                }
                minutes.add(Math.max(0, CALENDAR.businessTimeBetween(c.received(), c.resolved()).minus(waited).toMinutes()));
            }
            return timing(minutes);
        }

        private static Share resolved(List<RawCallback> items) {
            return Share.of((int) items.stream().filter(c -> c.resolved() != null).count(), items.size());
        }

        private Map<BacklogAge, Integer> backlog(Instant at) {
            Map<BacklogAge, Integer> buckets = new EnumMap<>(BacklogAge.class);
            for (BacklogAge age : BacklogAge.values()) {
                buckets.put(age, 0);
            }
            for (RawCallback c : raw.callbacks()) {
                if (c.received().isBefore(at) && (c.closed() == null || !c.closed().isBefore(at))) {
                    double days = Duration.between(c.received(), at).toSeconds() / 86_400.0;
                    BacklogAge age = days < 1 ? BacklogAge.UNDER_1_DAY : days < 3 ? BacklogAge.DAYS_1_TO_3
                            : days < 7 ? BacklogAge.DAYS_3_TO_7 : BacklogAge.OVER_7_DAYS;
                    buckets.merge(age, 1, Integer::sum);
                }
            }
            return buckets;
        }

        private PeriodMeasures.Escalations escalations(List<RawCallback> items) {
            List<RawEvent> escalated = raw.events().stream().filter(e -> e.type().equals("ESCALATED") && inWeek(e.at())).toList();
            int one = (int) escalated.stream().filter(e -> "1".equals(e.level())).count();
            List<RawCallback> clinical = items.stream()
                    .filter(c -> c.clinicalCategory() || c.urgency().equals("CLINICAL") || c.urgency().equals("EMERGENCY")).toList();
            return new PeriodMeasures.Escalations(escalated.size(), one, escalated.size() - one, clinical.size(),
                    (int) clinical.stream().filter(c -> c.queue().equals("CLINICAL")).count());
        }

        private Share repeats(List<RawCallback> items) {
            int attached = items.stream().mapToInt(this::attached).sum();
            int second = (int) items.stream().filter(RawCallback::secondCall).count();
            return Share.of(second + attached, items.size() + attached);
        }

        private List<PeriodMeasures.CategoryRepeats> repeatsByCategory(List<RawCallback> items) {
            List<PeriodMeasures.CategoryRepeats> rows = new ArrayList<>();
            for (String category : new TreeMap<>(group(items, RawCallback::category)).keySet()) {
                List<RawCallback> of = items.stream().filter(c -> c.category().equals(category)).toList();
                rows.add(new PeriodMeasures.CategoryRepeats(category, (int) of.stream().filter(RawCallback::secondCall).count(),
                        of.stream().mapToInt(this::attached).sum(), repeats(of)));
            }
            rows.sort(Comparator.comparingInt((PeriodMeasures.CategoryRepeats r) -> -(r.secondCallItems() + r.attachedCalls()))
                    .thenComparing(PeriodMeasures.CategoryRepeats::category));
            return rows;
        }

        private Map<String, Integer> waits() {
            Map<String, Integer> reasons = new TreeMap<>();
            raw.events().stream().filter(e -> e.type().equals("WAITING_STARTED") && inWeek(e.at()))
                    .forEach(e -> reasons.merge(e.on(), 1, Integer::sum));
            return reasons;
        }

        private List<PeriodMeasures.PromiseKeeping> promises(List<RawCallback> items) {
            List<PeriodMeasures.PromiseKeeping> rows = new ArrayList<>();
            group(items, RawCallback::category).forEach((category, of) -> {
                Share kept = onTime(of);
                if (kept.of() > 0) {
                    rows.add(new PeriodMeasures.PromiseKeeping(category, kept.of(), kept.of() - kept.count(),
                            Share.of(kept.of() - kept.count(), kept.of())));
                }
            });
            rows.sort(Comparator.comparing((PeriodMeasures.PromiseKeeping p) -> -p.missedShare().share())
                    .thenComparing(p -> -p.missed()).thenComparing(PeriodMeasures.PromiseKeeping::category));
            return rows;
        }

        private static int[][] arrivals(List<RawCallback> items) {
            int[][] grid = new int[7][24];
            for (RawCallback c : items) {
                ZonedDateTime local = c.received().atZone(NEW_YORK);
                grid[local.getDayOfWeek().getValue() - 1][local.getHour()]++;
            }
            return grid;
        }

        private Map<String, List<PeriodMeasures.Slice>> breakdowns(List<RawCallback> items) {
            Map<String, List<PeriodMeasures.Slice>> all = new LinkedHashMap<>();
            all.put("category", slices(items, RawCallback::category));
            all.put("channel", slices(items, RawCallback::channel));
            all.put("queue", slices(items, RawCallback::queue));
            return all;
        }

        private List<PeriodMeasures.Slice> slices(List<RawCallback> items, Function<RawCallback, String> key) {
            List<PeriodMeasures.Slice> slices = new ArrayList<>();
            group(items, key).forEach((value, of) -> slices.add(new PeriodMeasures.Slice(value, of.size(), onTime(of), firstAttempt(of),
                    resolved(of))));
            return slices;
        }

        private static TreeMap<String, List<RawCallback>> group(List<RawCallback> items, Function<RawCallback, String> key) {
            TreeMap<String, List<RawCallback>> groups = new TreeMap<>();
            items.forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
            return groups;
        }
    }

    private static Map<DayOfWeek, List<OpeningInterval>> weekdays8to5() {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(day, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(17, 0))));
        }
        return hours;
    }

    private static Instant at(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}

package org.ringback.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Load driver for the staff board; not a test (run by hand, see BENCHMARKS.md). It starts the packaged app
 * (target/ringback.jar) on 127.0.0.1 with its bundled PostgreSQL in a temporary directory, fills one practice with
 * 1,000 open items over the API, waits for the escalation sweep to settle, and times the board page, its htmx
 * refresh and the JSON board, sequentially and with concurrent clients. Server time is Tomcat's own (access log %D),
 * shown next to the client's round trip and the CPU each request cost the app and PostgreSQL. Then, untimed, it
 * restarts the app with pg_stat_statements and Java Flight Recorder to count each request's SQL statements and see
 * where a request thread's time goes. Every loop is bounded; the app is stopped with SIGTERM at the end.
 *
 * <pre>
 * ./mvnw -q -o package -DskipTests
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:$(cat target/test-classpath.txt) org.ringback.bench.BoardBenchmark [--keep]
 * </pre>
 */
public final class BoardBenchmark {

    private static final Duration WATCHDOG = Duration.ofMinutes(120);
    private static final Duration WARMUP_CAP = Duration.ofSeconds(120);
    private static final Duration SWEEP_QUIET = Duration.ofSeconds(75);
    private static final Duration SWEEP_SETTLE_MAX = Duration.ofMinutes(6);
    private static final List<String> AREA_CODES = List.of("617", "508", "781", "857", "978");
    /**
     * The default categories but MISSED_CALL (of unknown subject, it joins a caller's item of any category); a
     * phone calls in two different ones, so no item is attached to another as a repeat call.
     */
    private static final List<String> CATEGORIES = List.of("NEW_PATIENT_APPOINTMENT", "APPOINTMENT_REQUEST", "RESCHEDULE",
            "CANCELLATION", "REFERRAL_STATUS", "INSURANCE_ELIGIBILITY", "INTAKE_FORM", "RECORDS_REQUEST", "BILLING",
            "PRESCRIPTION_ROUTE", "CLINICAL_CONCERN", "POST_VISIT_FOLLOW_UP", "TELEHEALTH_ACCESS", "GENERAL_QUESTION");
    private static final Pattern ROW = Pattern.compile("href=\"/callbacks/[0-9a-f-]{36}\"");
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"");
    private static final List<String> PROFILE_MARKERS = List.of("org.ringback.callback.Board.rows", "ThymeleafView.render",
            "org.ringback.callback.web.StaffPages.navigation", "org.ringback.practice.PracticeDirectory.categories",
            "org.springframework.security.web.FilterChainProxy.doFilter", "CallbackController.board", "BCryptPasswordEncoder.matches");

    /** What to run; every count and every wait is bounded. */
    record Settings(Path jar, int items, int warmup, int requests, int apiWarmup, int apiRequests, int clients,
                    Duration phaseCap, boolean diagnostics, List<String> appArgs, boolean keep) {

        static Settings parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                given.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            return new Settings(Path.of(given.getOrDefault("jar", "target/ringback.jar")).toAbsolutePath(),
                    bounded(given, "items", 1000, 1, 5000), bounded(given, "warmup", 200, 0, 10_000),
                    bounded(given, "requests", 1000, 1, 20_000), bounded(given, "api-warmup", 20, 0, 1000),
                    bounded(given, "api-requests", 300, 1, 5000), bounded(given, "clients", 4, 1, 16),
                    Duration.ofSeconds(bounded(given, "phase-seconds", 300, 10, 3600)),
                    Boolean.parseBoolean(given.getOrDefault("diagnostics", "true")),
                    given.containsKey("app-args") ? List.of(given.get("app-args").split(",")) : List.of(),
                    Boolean.parseBoolean(given.getOrDefault("keep", "false")));
        }

        private static int bounded(Map<String, String> given, String name, int fallback, int min, int max) {
            int value = Integer.parseInt(given.getOrDefault(name, Integer.toString(fallback)));
            if (value < min || value > max) {
                throw new IllegalArgumentException("--" + name + " must be in " + min + ".." + max);
            }
            return value;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        check(Files.exists(settings.jar()), settings.jar() + " is missing: run ./mvnw -q -o package -DskipTests first");
        Path dir = Files.createTempDirectory("ringback-bench");
        AtomicReference<BenchApp> running = new AtomicReference<>();
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WATCHDOG.toMillis());
                System.err.println("The benchmark ran longer than " + WATCHDOG + ": stopping the app");
                stop(running);
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running)));
        try {
            new BoardBenchmark(settings, dir, running).run();
        } finally {
            stop(running);
            watchdog.interrupt();
            if (settings.keep()) {
                System.out.println("Kept " + dir + " (app logs, access logs, board.jfr)");
            } else {
                deleteTree(dir);
            }
        }
    }

    private static void stop(AtomicReference<BenchApp> running) {
        BenchApp app = running.get();
        if (app != null) {
            app.stop();
        }
    }

    /** One timed series of requests, as the client saw them, with the CPU it cost. */
    record Phase(String tag, String title, int clients, List<Long> clientMicros, Duration wall, long bytes, CpuMeter.Use cpu,
                 boolean capped) {
    }

    /** The SQL one kind of request ran, per request, from pg_stat_statements. */
    record Statements(String name, int requests, double perRequest, double execMsPerRequest, List<String> lines) {
    }

    private final Settings settings;
    private final Path dir;
    private final AtomicReference<BenchApp> running;
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final List<Statements> statements = new ArrayList<>();
    private final Map<String, Map<String, Profile.Breakdown>> profiles = new LinkedHashMap<>();
    private final String adminPassword = randomPassword();
    private int conflicts;
    private final String staffPassword = randomPassword();
    private BenchApp app;

    private BoardBenchmark(Settings settings, Path dir, AtomicReference<BenchApp> running) {
        this.settings = settings;
        this.dir = dir;
        this.running = running;
    }

    private void run() throws Exception {
        app = BenchApp.start(settings.jar(), dir, "timed", freePort(), adminPassword, List.of(), settings.appArgs());
        running.set(app);
        List<String> timedCommand = app.command();
        BenchClient admin = BenchClient.basic(app.port(), "admin", adminPassword);

        Instant setupStart = Instant.now();
        String practiceId = practice(admin);
        admin.post("/api/v1/users", """
                {"username": "bench-staff", "password": "%s", "displayName": "Bench Staff", "roles": ["STAFF"], "practiceIds": ["%s"]}"""
                .formatted(staffPassword, practiceId));
        int attempts = fill(admin, practiceId);
        Duration setup = Duration.between(setupStart, Instant.now());
        System.out.printf("Set up %d open items (%d with an attempt) in %d s; waiting for the escalation sweep to settle%n",
                settings.items(), attempts, setup.toSeconds());
        int settledAfter = app.awaitSweepSettled(SWEEP_QUIET, SWEEP_SETTLE_MAX);
        long escalationsBefore = app.escalations();
        System.out.printf("Sweep settled after %d s: %d escalations so far%n", settledAfter, escalationsBefore);

        String board = "/practices/" + practiceId + "/board";
        String api = "/api/v1/practices/" + practiceId + "/callbacks?status=OPEN";
        Supplier<BenchClient> session = () -> BenchClient.signedIn(app.port(), "bench-staff", staffPassword);
        Supplier<BenchClient> basic = () -> BenchClient.basic(app.port(), "bench-staff", staffPassword);

        BenchClient one = session.get();
        String page = one.get(board, "check").body();
        long rows = ROW.matcher(page).results().count();
        check(rows == settings.items(), "the board shows " + rows + " rows, not " + settings.items());
        for (String asset : ASSET.matcher(page).results().map(m -> m.group(1)).toList()) {
            check(one.get(asset, "check").statusCode() == 200, "the page's " + asset + " does not load");
        }
        var list = BenchClient.json(basic.get().get(api + "&limit=1000", "check").body());
        check(list.at("/items").size() == Math.min(1000, settings.items()), "the JSON board lists " + list.at("/items").size() + " items");
        int apiWithSession = one.get(api + "&limit=1", "check").statusCode();
        System.out.println("The JSON API with only the page's session cookie answers " + apiWithSession);

        measure("page", "Board page, 1,000 rows", session, board, Map.of(), settings.warmup(), settings.requests(), 1);
        measure("page", "Board page, 1,000 rows", session, board, Map.of(), 0, settings.requests(), settings.clients());
        measure("htmx", "htmx refresh (rows fragment), 1,000 rows", session, board, Map.of("HX-Request", "true"),
                settings.warmup() / 2, settings.requests(), 1);
        measure("empty", "Board page filtered to 0 rows (same statements)", session, board + "?category=NO_SUCH_CATEGORY",
                Map.of(), settings.warmup() / 2, settings.requests(), 1);
        for (int limit : new int[] {200, 1000}) {
            String path = api + "&limit=" + limit;
            measure("api-basic-" + limit, "JSON board limit=" + limit + ", HTTP Basic", basic, path, Map.of(),
                    settings.apiWarmup(), settings.apiRequests(), 1);
            measure("api-basic-" + limit, "JSON board limit=" + limit + ", HTTP Basic", basic, path, Map.of(),
                    0, settings.apiRequests(), settings.clients());
            if (apiWithSession == 200) {
                measure("api-session-" + limit, "JSON board limit=" + limit + ", session cookie", session, path, Map.of(),
                        settings.warmup(), settings.requests(), 1);
                measure("api-session-" + limit, "JSON board limit=" + limit + ", session cookie", session, path, Map.of(),
                        0, settings.requests(), settings.clients());
            }
        }
        long escalationsDuring = app.escalations() - escalationsBefore;
        Thread.sleep(1000);
        Map<String, List<Long>> server = app.serverMicros();

        if (settings.diagnostics()) {
            diagnostics(board, api, apiWithSession == 200);
        }
        report(timedCommand, setup, attempts, settledAfter, escalationsBefore, escalationsDuring, apiWithSession, server);
    }

    // ---- data set ---------------------------------------------------------------------------------------------

    private static String practice(BenchClient admin) {
        String hours = Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")
                .map(day -> "\"" + day + "\": [{\"start\": \"08:00\", \"end\": \"17:00\"}]").collect(Collectors.joining(", "));
        return admin.post("/api/v1/practices", """
                {"name": "Bench Family Medicine", "timeZone": "America/New_York", "holidayCalendar": "US", "businessHours": {%s}}"""
                .formatted(hours)).path("id").asString();
    }

    /**
     * One practice's open items, one received every 4 minutes back from now: 500 phones (five area codes,
     * 555-0100..0199), each calling in two different categories; every tenth from a registered patient, every fourth
     * with one failed attempt. Answers the number of attempts.
     */
    private int fill(BenchClient admin, String practiceId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Set<String> ids = new HashSet<>();
        int attempts = 0;
        for (int i = 0; i < settings.items(); i++) {
            int phoneIndex = i % 500;
            String phone = "+1 %s 555 0%d".formatted(AREA_CODES.get(phoneIndex / 100 % AREA_CODES.size()), 100 + phoneIndex % 100);
            String category = CATEGORIES.get((phoneIndex + 7 * (i / 500)) % CATEGORIES.size());
            Instant received = now.minus(Duration.ofMinutes(4L * i + 2));
            String patient = "";
            if (i % 10 == 0) {
                String id = admin.post("/api/v1/practices/" + practiceId + "/patients", """
                        {"displayName": "Patient %d", "mrn": "BENCH-%05d", "phones": ["%s"], "preferredContact": "PHONE", "language": "en",
                         "consent": {"voicemail": true, "detailedVoicemail": false, "sms": false, "portal": false, "email": false}}"""
                        .formatted(i, i, phone)).path("id").asString();
                patient = ", \"patientId\": \"" + id + "\"";
            }
            var callback = admin.post("/api/v1/practices/" + practiceId + "/callbacks", """
                    {"channel": "MISSED_CALL", "caller": {"phone": "%s", "name": "Caller %d"}, "category": "%s", "receivedAt": "%s"%s}"""
                    .formatted(phone, i, category, received, patient));
            String id = callback.path("id").asString();
            check(ids.add(id), "item " + i + " was attached to an earlier one: " + callback);
            if (i % 4 == 0) {
                String attempt = """
                        {"method": "PHONE", "at": "%s", "result": "NO_ANSWER", "messageLeft": false, "nextAction": "try the afternoon"}"""
                        .formatted(received.plus(Duration.ofMinutes(1)));
                // The escalation sweep may change the item meanwhile (409): the app then asks for a retry, as a person would.
                int status = 0;
                for (int tries = 0; tries < 5 && status != 201; tries++) {
                    var response = admin.postAnswering("/api/v1/callbacks/" + id + "/attempts", attempt);
                    status = response.statusCode();
                    check(status == 201 || status == 409, "recording an attempt answered " + status + ": " + response.body());
                    conflicts += status == 409 ? 1 : 0;
                }
                check(status == 201, "an attempt was refused five times as a conflict");
                attempts++;
            }
            if ((i + 1) % 100 == 0) {
                System.out.printf("  %d items%n", i + 1);
            }
        }
        return attempts;
    }

    // ---- timed phases ----------------------------------------------------------------------------------------

    private void measure(String name, String title, Supplier<BenchClient> clients, String path, Map<String, String> headers,
                         int warmup, int requests, int concurrency) throws InterruptedException {
        String tag = name + "@" + concurrency;
        List<BenchClient> users = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            users.add(clients.get());
        }
        long warmupEnd = System.nanoTime() + Math.min(settings.phaseCap().toNanos(), WARMUP_CAP.toNanos());
        for (int w = 0; w < warmup && System.nanoTime() < warmupEnd; w++) {
            users.get(0).expect200(path, tag + "-warmup", headers);
        }
        int each = requests / concurrency;
        List<List<Long>> times = new ArrayList<>();
        long[] bytes = new long[concurrency];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        for (int c = 0; c < concurrency; c++) {
            List<Long> mine = new ArrayList<>(each);
            times.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < each && System.nanoTime() < deadline[0]; r++) {
                        long begin = System.nanoTime();
                        bytes[client] += users.get(client).expect200(path, tag, headers);
                        mine.add((System.nanoTime() - begin) / 1000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "client-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        CpuMeter.Sample before = CpuMeter.sample(app.pid(), app.postmasterPid());
        long begin = System.nanoTime();
        deadline[0] = begin + settings.phaseCap().toNanos();
        start.countDown();
        for (Thread thread : threads) {
            thread.join(settings.phaseCap().toMillis() + 120_000);
            check(!thread.isAlive(), "a client did not finish in time");
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - begin);
        List<Long> all = times.stream().flatMap(List::stream).toList();
        check(!all.isEmpty(), "no request finished in " + tag);
        CpuMeter.Use cpu = CpuMeter.Use.between(before, CpuMeter.sample(app.pid(), app.postmasterPid()), all.size());
        boolean capped = all.size() < each * concurrency;
        phases.put(tag, new Phase(tag, title, concurrency, all, wall, Arrays.stream(bytes).sum() / all.size(), cpu, capped));
        Stats stats = Stats.of(all);
        System.out.printf("  %-20s %5d requests%s, client p50 %.1f ms, p95 %.1f ms; other load %.2f cores%n", tag, all.size(),
                capped ? " (time cap)" : "", stats.p50(), stats.p95(), cpu.otherCores());
    }

    // ---- untimed diagnostics ---------------------------------------------------------------------------------

    /**
     * Restarts the app on the same data with pg_stat_statements loaded and a flight recording, then counts the SQL
     * statements of each kind of request and samples where the request threads spend their time.
     */
    private void diagnostics(String board, String api, boolean apiTakesSession) throws Exception {
        try (var db = app.database(); var sql = db.createStatement()) {
            sql.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
        }
        app.stop();
        Path recording = dir.resolve("board.jfr");
        app = BenchApp.start(settings.jar(), dir, "profiled", freePort(), adminPassword,
                List.of("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true"), settings.appArgs());
        running.set(app);
        try (var db = app.database(); var sql = db.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
        }
        BenchClient user = BenchClient.signedIn(app.port(), "bench-staff", staffPassword);
        BenchClient basic = BenchClient.basic(app.port(), "bench-staff", staffPassword);
        long warmupEnd = System.nanoTime() + WARMUP_CAP.toNanos();
        for (int w = 0; w < settings.warmup() && System.nanoTime() < warmupEnd; w++) {
            user.expect200(board, "diag-warmup", Map.of());
            basic.expect200(api + "&limit=1000", "diag-warmup", Map.of());
        }
        Map<String, Instant[]> windows = new LinkedHashMap<>();
        windows.put("page", statements("Board page, 1,000 rows", user, board, Map.of(), 50));
        statements("htmx refresh, 1,000 rows", user, board, Map.of("HX-Request", "true"), 20);
        statements("Board page filtered to 0 rows", user, board + "?category=NO_SUCH_CATEGORY", Map.of(), 100);
        statements("JSON board limit=200, HTTP Basic", basic, api + "&limit=200", Map.of(), 20);
        if (apiTakesSession) {
            windows.put("api-session-1000", statements("JSON board limit=1000, session cookie", user, api + "&limit=1000", Map.of(), 300));
        }
        windows.put("api-basic-1000", statements("JSON board limit=1000, HTTP Basic", basic, api + "&limit=1000", Map.of(), 60));
        app.stop();
        for (var window : windows.entrySet()) {
            profiles.put(window.getKey(), Profile.read(recording, window.getValue()[0], window.getValue()[1], PROFILE_MARKERS));
        }
    }

    /** Runs the request n times between two resets of pg_stat_statements; answers the time window it ran in. */
    private Instant[] statements(String name, BenchClient client, String path, Map<String, String> headers, int requests)
            throws SQLException {
        try (var db = app.database(); var sql = db.createStatement()) {
            sql.execute("select pg_stat_statements_reset()");
            Instant from = Instant.now();
            for (int r = 0; r < requests; r++) {
                client.expect200(path, "diag", headers);
            }
            Instant to = Instant.now();
            List<String> lines = new ArrayList<>();
            double calls = 0;
            double exec = 0;
            try (var rows = sql.executeQuery("""
                    select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') as query from pg_stat_statements
                    where dbid = (select oid from pg_database where datname = current_database())
                      and query not like '%pg_stat_statements%' and query not like '%shedlock%'
                      and query not like '%first_attempt_at is null and first_attempt_due_at%'
                    order by calls desc, total_exec_time desc""")) {
                while (rows.next()) {
                    String text = rows.getString("query").strip();
                    calls += rows.getLong("calls");
                    exec += rows.getDouble("total_exec_time");
                    lines.add("%.2f× %.3f ms, %.1f rows: %s".formatted(rows.getLong("calls") / (double) requests,
                            rows.getDouble("total_exec_time") / requests, rows.getLong("rows") / (double) requests,
                            text.length() > 110 ? text.substring(0, 110) + "…" : text));
                }
            }
            statements.add(new Statements(name, requests, calls / requests, exec / requests, lines));
            return new Instant[] {from, to};
        }
    }

    // ---- report ----------------------------------------------------------------------------------------------

    record Stats(int n, double p50, double p95, double p99, double mean, double max) {

        /** Nearest-rank percentiles of times in microseconds, answered in milliseconds. */
        static Stats of(List<Long> micros) {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
                    Arrays.stream(sorted).average().orElseThrow() / 1000.0, sorted[sorted.length - 1] / 1000.0);
        }

        private static double rank(long[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private void report(List<String> command, Duration setup, int attempts, int settledAfter, long escalationsBefore,
                        long escalationsDuring, int apiWithSession, Map<String, List<Long>> server) {
        System.out.println();
        System.out.println("## Run");
        System.out.println("App: " + String.join(" ", command));
        System.out.printf("Java %s (%s), %d processors; load average before the report: %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf("%d open items in one practice (%d with an attempt, every tenth for a registered patient), set up in %d s "
                + "(%d attempts answered 409 while the sweep changed the item, and were retried); "
                + "the sweep settled %d s later after %d escalations; %d escalations during the timed phases. "
                + "The JSON API with only the page's session cookie answered %d.%n", settings.items(), attempts, setup.toSeconds(),
                conflicts, settledAfter, escalationsBefore, escalationsDuring, apiWithSession);
        System.out.println();
        System.out.println("## Timed (ms)");
        System.out.println("| Request | Clients | n | Server p50 | p95 | p99 | mean | max | Client p50 | p95 | p99 | mean | Throughput | Body | App CPU/req | PostgreSQL CPU/req | Other load |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        phases.values().forEach(phase -> {
            Stats s = Stats.of(server.getOrDefault(phase.tag(), List.of()));
            Stats c = Stats.of(phase.clientMicros());
            double throughput = phase.clientMicros().size() / (phase.wall().toNanos() / 1e9);
            System.out.printf("| %s%s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f/s | %,d B | %.1f ms | %.1f ms | %.2f cores |%n",
                    phase.title(), phase.capped() ? " (time cap)" : "", phase.clients(), s.n(), s.p50(), s.p95(), s.p99(), s.mean(), s.max(),
                    c.p50(), c.p95(), c.p99(), c.mean(), throughput, phase.bytes(), phase.cpu().appMsPerRequest(),
                    phase.cpu().postgresMsPerRequest(), phase.cpu().otherCores());
        });
        System.out.println();
        System.out.println("Server: Tomcat's access log %D (request read to response written). Client: java.net.http round trip on loopback.");
        System.out.println("CPU: /proc ticks of the app's JVM and of its PostgreSQL (postmaster and backends) per request; other load: cores busy");
        System.out.println("with anything else on the machine during the phase (the bench's own client threads excluded).");
        if (!statements.isEmpty()) {
            System.out.println();
            System.out.println("## SQL per request (pg_stat_statements, untimed run)");
            statements.forEach(s -> {
                System.out.printf("- %s: %.2f statements, %.2f ms executing, per request (%d requests)%n", s.name(), s.perRequest(),
                        s.execMsPerRequest(), s.requests());
                s.lines().forEach(line -> System.out.println("    " + line));
            });
        }
        profiles.forEach((name, byType) -> {
            System.out.println();
            System.out.println("## Where request threads spend time: " + name + " (Java Flight Recorder, untimed run)");
            byType.forEach((type, breakdown) -> {
                System.out.printf("%s: %d samples%n", type, breakdown.samples());
                System.out.println("  by layer (first frame outside the JDK): " + percentages(breakdown.byLayer(), breakdown.samples(), 12));
                System.out.println("  in (inclusive): " + percentages(breakdown.inclusive(), breakdown.samples(), 12));
                System.out.println("  top frames: " + percentages(breakdown.topFrames(), breakdown.samples(), 10));
            });
        });
    }

    private static String percentages(Map<String, Integer> counts, int total, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(e -> "%s %.0f%%".formatted(e.getKey(), 100.0 * e.getValue() / Math.max(1, total))).collect(Collectors.joining(", "));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- small helpers ---------------------------------------------------------------------------------------

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

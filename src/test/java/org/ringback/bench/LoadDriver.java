package org.ringback.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The intake load driver of issue #9: against a running Ringback and its PostgreSQL, in one run,
 * <ol>
 * <li>intake through the HTTP API ({@code POST /api/v1/practices/{id}/callbacks}, a missed call from a random
 * caller, HTTP Basic on every request) with N concurrent clients for a fixed time;</li>
 * <li>the raw single-row INSERT rate of the same PostgreSQL: N threads, each with its own connection in auto-commit,
 * inserting the row the API just wrote (with a new id) into a copy of {@code callback} with the same columns,
 * defaults, checks and indexes ({@code like callback including all}; no foreign keys), dropped at the end;</li>
 * </ol>
 * and prints a table with both rates and their ratio, the latencies, and the server's RSS and heap (sampled every
 * second during the HTTP phase from /proc and the Prometheus endpoint). Not run by {@code ./mvnw verify}.
 * <pre>
 * java -cp target/test-classes:$(cat target/test-classpath.txt) org.ringback.bench.LoadDriver \
 *     --url=http://127.0.0.1:8080 --password=... --data-dir=/tmp/gen-data-2000 --pid=$(pgrep -f ringback.jar) \
 *     [--user=admin] [--practice=&lt;id&gt;] [--clients=4] [--seconds=60] [--warmup-seconds=60]
 * </pre>
 * The warm-up is long because the JIT compiles the intake path for about a minute after the server starts: a
 * 15-s warm-up measured less than half the warm rate (BENCHMARKS.md, "Intake, warm").
 * Without {@code --practice} it creates one ("Load driver ..."). The PostgreSQL port is read from the data
 * directory's {@code postgres/postmaster.pid} (or {@code --pg-port}).
 */
public final class LoadDriver {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.E+]+)", Pattern.MULTILINE);
    private static final String[] AREA_CODES = {"617", "508", "781", "857", "978", "413", "339", "774"};

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * The intake clients' HTTP client: Apache's classic blocking one. The JDK's client runs every request through its
     * asynchronous machinery, which cost this driver 0.46 ms of CPU per intake, on the two cores the server and
     * PostgreSQL also use (BENCHMARKS.md, "Intake: where the CPU goes").
     */
    private final CloseableHttpClient intakeClient;
    private final String url;
    private final String authorization;
    private final int clients;

    private LoadDriver(Map<String, String> options) {
        this.options = options;
        this.url = option("url", "http://127.0.0.1:8080");
        this.clients = Integer.parseInt(option("clients", "4"));
        this.intakeClient = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(clients).setMaxConnPerRoute(clients).build())
                .build();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (option("user", "admin") + ":" + required("password")).getBytes(StandardCharsets.UTF_8));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        LoadDriver driver = new LoadDriver(options);
        try (driver.intakeClient) {
            driver.run();
        }
    }

    private void run() throws Exception {
        Duration timed = Duration.ofSeconds(Long.parseLong(option("seconds", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(option("warmup-seconds", "60")));
        String practice = options.containsKey("practice") ? options.get("practice") : createPractice();
        System.out.printf("Load driver: %s, practice %s, %d clients, warm-up %d s, timed %d s, load average %s%n",
                url, practice, clients, warmup.toSeconds(), timed.toSeconds(), loadAverage());

        Phase warm = httpIntake(practice, clients, warmup, false);
        System.out.printf("warm-up: %d requests%n", warm.count);
        long[] cpuBefore = cpuTicks();
        long driverBefore = driverCpuNanos();
        Phase api = httpIntake(practice, clients, timed, true);
        long driverAfterApi = driverCpuNanos();
        long[] cpuAfterApi = cpuTicks();
        String loadAfterApi = loadAverage();
        Phase raw = rawInserts(practice, clients, timed);
        long driverAfterRaw = driverCpuNanos();
        long[] cpuAfterRaw = cpuTicks();
        String loadAfterRaw = loadAverage();

        System.out.println();
        System.out.println("| Phase | Clients | Requests | Errors | Rate (/s) | p50 ms | p95 ms | p99 ms | Load average after |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        System.out.println(api.row("HTTP intake, POST /api/v1/practices/{id}/callbacks", clients, loadAfterApi));
        System.out.println(raw.row("Raw single-row INSERT (JDBC, auto-commit)", clients, loadAfterRaw));
        System.out.printf("%nRatio HTTP intake / raw INSERT: %.3f (goal >= 0.5)%n", api.rate() / raw.rate());
        System.out.printf("Server during HTTP intake: max RSS %s MB, max heap used %s MB (%d samples)%n",
                api.maxRssKb < 0 ? "n/a" : Long.toString(api.maxRssKb / 1024),
                api.maxHeapBytes < 0 ? "n/a" : Long.toString(api.maxHeapBytes / (1024 * 1024)), api.samples);
        if (cpuBefore != null && cpuAfterApi != null && cpuAfterRaw != null) {
            System.out.printf("CPU per HTTP intake (timed phase): app %.2f ms, PostgreSQL %.2f ms, this driver %.2f ms%n",
                    perRequest(cpuAfterApi[0] - cpuBefore[0], api.count), perRequest(cpuAfterApi[1] - cpuBefore[1], api.count),
                    (driverAfterApi - driverBefore) / 1e6 / api.count);
            System.out.printf("CPU per raw INSERT: PostgreSQL %.2f ms, this driver %.2f ms%n",
                    perRequest(cpuAfterRaw[1] - cpuAfterApi[1], raw.count), (driverAfterRaw - driverAfterApi) / 1e6 / raw.count);
        }
    }

    /** CPU time of this driver's own process: the clients share the machine with the server and PostgreSQL. */
    private static long driverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double perRequest(long ticks, long requests) {
        return requests == 0 ? Double.NaN : ticks * 10.0 / requests;
    }

    /**
     * CPU time (utime + stime, in 10 ms clock ticks) of the server process and of PostgreSQL (the postmaster of the
     * data directory and its children, which include the pool's connections), or null without --pid and --data-dir.
     */
    private long[] cpuTicks() {
        if (!options.containsKey("pid") || !options.containsKey("data-dir")) {
            return null;
        }
        try {
            long app = ticks(Long.parseLong(options.get("pid")));
            long postmaster = Long.parseLong(Files.readAllLines(Path.of(options.get("data-dir"), "postgres", "postmaster.pid")).get(0).strip());
            // Backends that have exited (the raw phase's connections) count in the postmaster's cutime and cstime.
            String[] postmasterStat = stat(Path.of("/proc", Long.toString(postmaster)));
            long postgres = postmasterStat == null ? 0 : Long.parseLong(postmasterStat[11]) + Long.parseLong(postmasterStat[12])
                    + Long.parseLong(postmasterStat[13]) + Long.parseLong(postmasterStat[14]);
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(proc);
                    if (stat != null && Long.parseLong(stat[1]) == postmaster) {
                        postgres += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return new long[] {app, postgres};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticks(long pid) {
        String[] stat = stat(Path.of("/proc", Long.toString(pid)));
        return stat == null ? 0 : Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /**
     * The fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime,
     * [14] cstime (of its children that have exited).
     */
    private static String[] stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Latencies and counts of one phase. */
    private static final class Phase {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong errors = new AtomicLong();
        long count;
        long nanos;
        long maxRssKb = -1;
        long maxHeapBytes = -1;
        int samples;

        double rate() {
            return count * 1e9 / nanos;
        }

        String row(String name, int clients, String load) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |".formatted(name, clients, count, errors.get(), rate(),
                    percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), load);
        }

        static double percentile(List<Long> sorted, double p) {
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    private Phase httpIntake(String practice, int clients, Duration length, boolean sample) throws InterruptedException {
        Phase phase = new Phase();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ok = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(started(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    int status = post("/api/v1/practices/" + practice + "/callbacks", intakeBody());
                    long took = System.nanoTime() - t0;
                    if (status == 200 || status == 201) {
                        ok.incrementAndGet();
                        phase.micros.add(took / 1000);
                    } else {
                        phase.errors.incrementAndGet();
                    }
                }
            }));
        }
        long end = started + length.toNanos();
        while (System.nanoTime() < end) {
            if (sample) {
                sampleServer(phase);
            }
            Thread.sleep(Math.max(1, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        phase.nanos = System.nanoTime() - started;
        phase.count = ok.get();
        return phase;
    }

    private Phase rawInserts(String practice, int clients, Duration length) throws Exception {
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + pgPort() + "/" + option("database", "ringback");
        Phase phase = new Phase();
        try (Connection admin = connect(jdbcUrl); Statement ddl = admin.createStatement()) {
            ddl.execute("drop table if exists bench_insert_callback");
            ddl.execute("create table bench_insert_callback (like callback including all)");
            Map<String, Object> template = template(admin, practice);
            String columns = String.join(", ", template.keySet());
            String marks = String.join(", ", Collections.nCopies(template.size(), "?"));
            String insert = "insert into bench_insert_callback (" + columns + ") values (" + marks + ")";
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong ok = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                threads.add(started(() -> {
                    try (Connection connection = connect(jdbcUrl); PreparedStatement statement = connection.prepareStatement(insert)) {
                        while (!stop.get()) {
                            int i = 1;
                            for (Map.Entry<String, Object> column : template.entrySet()) {
                                statement.setObject(i++, column.getKey().equals("id") ? UUID.randomUUID() : column.getValue());
                            }
                            long t0 = System.nanoTime();
                            statement.executeUpdate();
                            phase.micros.add((System.nanoTime() - t0) / 1000);
                            ok.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        phase.errors.incrementAndGet();
                        System.err.println("insert failed: " + e.getMessage());
                    }
                }));
            }
            Thread.sleep(length.toMillis());
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            phase.nanos = System.nanoTime() - started;
            phase.count = ok.get();
            ddl.execute("drop table bench_insert_callback");
        }
        return phase;
    }

    /** The newest callback the API wrote for the practice: the row each raw INSERT repeats. */
    private static Map<String, Object> template(Connection connection, String practice) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select * from callback where practice_id = ?::uuid order by received_at desc limit 1")) {
            select.setString(1, practice);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the practice has no callback to copy");
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, option("pg-user", "postgres"), option("pg-password", "postgres"));
    }

    private String pgPort() throws IOException {
        if (options.containsKey("pg-port")) {
            return options.get("pg-port");
        }
        List<String> pid = Files.readAllLines(Path.of(required("data-dir"), "postgres", "postmaster.pid"));
        return pid.get(3).strip();
    }

    private void sampleServer(Phase phase) {
        phase.samples++;
        if (options.containsKey("pid")) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", options.get("pid"), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        phase.maxRssKb = Math.max(phase.maxRssKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The process is gone or not ours: the table says n/a.
            }
        }
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher heap = HEAP.matcher(response.body());
            long used = 0;
            while (heap.find()) {
                used += (long) Double.parseDouble(heap.group(1));
            }
            if (used > 0) {
                phase.maxHeapBytes = Math.max(phase.maxHeapBytes, used);
            }
        } catch (IOException | InterruptedException e) {
            // Sampling is best effort.
        }
    }

    private static String intakeBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String phone = "+1 " + AREA_CODES[random.nextInt(AREA_CODES.length)] + " " + (200 + random.nextInt(800)) + " "
                + String.format("%04d", random.nextInt(10_000));
        return """
                {"channel": "MISSED_CALL", "caller": {"phone": "%s", "name": "Load Driver"}, "receivedAt": "%s", "idempotencyKey": "load-%s"}"""
                .formatted(phone, Instant.now(), UUID.randomUUID());
    }

    private String createPractice() {
        String body = """
                {"name": "Load driver %s", "timeZone": "America/New_York", "holidayCalendar": "US",
                 "businessHours": {"MONDAY": [{"start": "08:00", "end": "17:00"}], "TUESDAY": [{"start": "08:00", "end": "17:00"}],
                 "WEDNESDAY": [{"start": "08:00", "end": "17:00"}], "THURSDAY": [{"start": "08:00", "end": "17:00"}],
                 "FRIDAY": [{"start": "08:00", "end": "17:00"}]}}""".formatted(UUID.randomUUID().toString().substring(0, 8));
        try {
            var response = http.send(request("/api/v1/practices").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 201 || !id.find()) {
                throw new IllegalStateException("could not create a practice: " + response.statusCode() + " " + response.body());
            }
            return id.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One intake POST through the blocking client; the answer is read to its end so the connection is reused. */
    private int post(String path, String body) {
        var post = new HttpPost(url + path);
        post.setHeader("Authorization", authorization);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        try {
            return intakeClient.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException e) {
            return -1;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", authorization)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "= is required");
        }
        return value;
    }
}

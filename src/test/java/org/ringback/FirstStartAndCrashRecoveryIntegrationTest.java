package org.ringback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.support.Api;

/**
 * Runs the packaged app as a new user would (java -jar, nothing configured but a data directory): the demo
 * practice appears, and after a hard kill the next start comes back on the same data with nothing committed lost.
 * The kill lands in the middle of a burst of intake from four clients: every request answered 2xx is stored exactly
 * once, a retry of one whose answer was lost makes no duplicate, and a webhook accepted before the kill but not yet
 * worked is worked by the restarted server on its own.
 */
class FirstStartAndCrashRecoveryIntegrationTest {

    /** First start loads four weeks of demo history; a busy 2-core machine needs a few minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(8);

    @TempDir
    Path dataDir;

    private Process app;

    @Test
    void firstStartLoadsTheDemoAndAHardKillLosesNothing() throws Exception {
        int port = freePort();
        // The first server's inbox worker waits ten minutes between runs, so that a webhook stays unworked until the kill.
        app = start(port, Map.of("RINGBACK_TELEPHONY_WORKER_INTERVAL", "PT10M"));
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        Api admin = Api.as(port, "admin", password);
        assertThat(dataDir.resolve("demo-users")).as("first-start files stay in RINGBACK_DATA_DIR").exists();

        var practices = admin.get("/api/v1/practices");
        assertThat(practices.status()).isEqualTo(200);
        assertThat(practices.text("/items/0/name")).isEqualTo("Lakeside Family Medicine");
        String demo = practices.text("/items/0/id");
        var queue = admin.get("/api/v1/practices/" + demo + "/callbacks?status=OPEN");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json("/items").size()).isGreaterThan(5);

        // An area code the demo's patients do not use: a missed call from one of them would join their open item.
        var created = admin.post("/api/v1/practices/" + demo + "/callbacks", Api.json(
                "{'channel': 'MISSED_CALL', 'caller': {'phone': '+1 413 555 0199'}}"));
        assertThat(created.status()).isEqualTo(201);
        String committed = created.text("/id");

        // A missed call Twilio reports: stored in the inbox and answered; this first server's worker waits ten minutes.
        String token = UUID.randomUUID().toString().replace("-", "");
        assertThat(admin.put("/api/v1/practices/" + demo + "/telephony", Api.json("{'twilioAuthToken': '%s'}", token)).status()).isEqualTo(200);
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        assertThat(webhook(port, demo, token, Map.of("CallSid", callSid, "From", "+14135550198", "To", "+16175550100",
                "CallStatus", "no-answer"))).isEqualTo(200);

        Burst burst = new Burst(admin, demo);
        burst.startAndWaitFor(40);
        app.destroyForcibly().waitFor();
        burst.finish();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                .as("the bundled PostgreSQL outlives a hard kill of the app").isTrue();

        app = start(port, Map.of());
        var after = admin.get("/api/v1/callbacks/" + committed);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("/channel")).isEqualTo("MISSED_CALL");
        assertThat(admin.get("/api/v1/practices").json("/items").size()).as("the demo is made once, on the first start").isEqualTo(1);

        burst.checkEveryAnsweredRequestIsStoredOnceAndRetriesMakeNoDuplicate();
        assertThat(workedAfterRestart(demo, callSid)).as("the restarted server works the inbox row accepted before the kill").isTrue();
    }

    /**
     * Four clients sending intake requests, each with its own idempotency key and caller number, until the server
     * dies under them. Remembers which requests were answered 2xx (and with which item) and which got no answer.
     */
    private final class Burst {
        // Area codes the demo's patients do not use, so that each request makes a new item.
        private static final String[] AREA_CODES = {"413", "774", "351", "339"};
        private final Api admin;
        private final String practiceId;
        private final ExecutorService clients = Executors.newFixedThreadPool(AREA_CODES.length);
        private final Map<String, String> answered = new ConcurrentHashMap<>();
        private final Map<String, String> unanswered = new ConcurrentHashMap<>();
        private final AtomicInteger refused = new AtomicInteger();
        private final String run = UUID.randomUUID().toString().substring(0, 8);

        Burst(Api admin, String practiceId) {
            this.admin = admin;
            this.practiceId = practiceId;
        }

        String body(String key, String phone) {
            return Api.json("{'channel': 'MISSED_CALL', 'caller': {'phone': '%s'}, 'idempotencyKey': '%s'}", phone, key);
        }

        void startAndWaitFor(int answers) throws InterruptedException {
            for (String areaCode : AREA_CODES) {
                clients.submit(() -> {
                    for (int n = 0; n < 90; n++) {
                        String phone = "+1" + areaCode + "55501" + "%02d".formatted(n);
                        String key = "burst-" + run + "-" + phone;
                        try {
                            var response = admin.post("/api/v1/practices/" + practiceId + "/callbacks", body(key, phone));
                            if (response.status() / 100 == 2) {
                                answered.put(key, response.text("/id"));
                            } else {
                                refused.incrementAndGet();
                            }
                        } catch (IllegalStateException noAnswer) {
                            unanswered.put(key, phone);
                            return;
                        }
                    }
                });
            }
            Instant deadline = Instant.now().plusSeconds(120);
            while (answered.size() < answers && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
        }

        void finish() throws InterruptedException {
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(answered).as("requests answered before the kill").hasSizeGreaterThanOrEqualTo(40);
            assertThat(refused.get()).as("requests refused before the kill").isZero();
        }

        void checkEveryAnsweredRequestIsStoredOnceAndRetriesMakeNoDuplicate() throws Exception {
            answered.forEach((key, id) -> {
                String phone = key.substring(key.lastIndexOf('-') + 1);
                var replay = admin.post("/api/v1/practices/" + practiceId + "/callbacks", body(key, phone));
                assertThat(replay.status()).as("a replayed key answers the stored item").isEqualTo(200);
                assertThat(replay.text("/id")).isEqualTo(id);
            });
            Map<String, String> retried = new HashMap<>();
            unanswered.forEach((key, phone) -> {
                var retry = admin.post("/api/v1/practices/" + practiceId + "/callbacks", body(key, phone));
                assertThat(retry.status()).as(retry.raw()).isIn(200, 201);
                var again = admin.post("/api/v1/practices/" + practiceId + "/callbacks", body(key, phone));
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.text("/id")).isEqualTo(retry.text("/id"));
                retried.put(key, retry.text("/id"));
            });
            try (var db = database()) {
                var rows = db.prepareStatement("""
                        select k.idempotency_key, k.callback_id, (select count(*) from callback c
                                where c.practice_id = k.practice_id and c.contact_phone = '+' || split_part(k.idempotency_key, '+', 2))
                        from intake_key k where k.idempotency_key like ?""");
                rows.setString(1, "burst-" + run + "-%");
                var result = rows.executeQuery();
                Map<String, String> stored = new HashMap<>();
                while (result.next()) {
                    stored.put(result.getString(1), result.getString(2));
                    assertThat(result.getInt(3)).as("one item per caller of the burst: " + result.getString(1)).isEqualTo(1);
                }
                var expected = new HashMap<>(answered);
                expected.putAll(retried);
                assertThat(stored).as("exactly the answered and the retried requests are stored, each once").isEqualTo(expected);
            }
        }
    }

    /** Polls the restarted server's database until the inbox row is worked (its worker runs every two seconds). */
    private boolean workedAfterRestart(String practiceId, String callSid) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (var db = database()) {
                var query = db.prepareStatement("""
                        select i.status, (select count(*) from intake_key k where k.practice_id = i.practice_id
                                and k.idempotency_key = 'twilio:' || i.call_sid)
                        from telephony_inbox i where i.practice_id = ?::uuid and i.call_sid = ?""");
                query.setString(1, practiceId);
                query.setString(2, callSid);
                var result = query.executeQuery();
                assertThat(result.next()).as("the webhook was stored before it was answered").isTrue();
                if (result.getString(1).equals("DONE")) {
                    return result.getInt(2) == 1;
                }
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** The bundled PostgreSQL of the running app, found through its lock file (line 4 holds the port). */
    private java.sql.Connection database() throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/ringback", "postgres", "");
    }

    private static int webhook(int port, String practiceId, String token, Map<String, String> params) throws Exception {
        String url = "http://localhost:" + port + "/webhooks/twilio/voice/" + practiceId;
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        String signature;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            signature = Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    private Process start(int port, Map<String, String> environment) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Beside the suite's own log, where the PHI log scan reads it.
        Path log = Files.createDirectories(Path.of("target/test-logs")).resolve("first-start-app-" + Instant.now().toEpochMilli() + ".log");
        var builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("RINGBACK_DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port)));
        builder.environment().putAll(environment);
        builder.environment().remove("RINGBACK_DATABASE_URL");
        builder.environment().remove("RINGBACK_ADMIN_PASSWORD");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ringback exited during startup; see " + log.toAbsolutePath());
            }
            if (Files.exists(dataDir.resolve("initial-admin-password")) && hasAPractice(port)) {
                return process;
            }
            Thread.sleep(250);
        }
        // Stopped gently, so that its PostgreSQL stops too and the temporary directory can go.
        process.destroy();
        process.waitFor(60, TimeUnit.SECONDS);
        throw new IllegalStateException("Ringback did not start within " + STARTUP);
    }

    /** Ready once it answers and the first-start demo is in (the server listens before the demo is loaded). */
    private boolean hasAPractice(int port) throws IOException {
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        try {
            var practices = Api.as(port, "admin", password).get("/api/v1/practices");
            return practices.status() == 200 && !practices.json("/items").isEmpty();
        } catch (IllegalStateException notListeningYet) {
            return false;
        }
    }

    private static Path jar() {
        File jar = new File("target/ringback.jar");
        assertThat(jar).as("the packaged app (failsafe runs after package)").exists();
        return jar.toPath().toAbsolutePath();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

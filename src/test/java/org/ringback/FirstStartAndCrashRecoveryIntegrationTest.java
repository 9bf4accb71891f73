package org.ringback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.support.Api;

/**
 * Runs the packaged app as a new user would (java -jar, nothing configured but a data directory): the demo
 * practice appears, and after a hard kill the next start comes back on the same data with nothing committed lost.
 */
class FirstStartAndCrashRecoveryIntegrationTest {

    /** First start loads four weeks of demo history; a busy 2-core machine needs a few minutes. */
    private static final Duration STARTUP = Duration.ofMinutes(4);

    @TempDir
    Path dataDir;

    private Process app;

    @Test
    void firstStartLoadsTheDemoAndAHardKillLosesNothing() throws Exception {
        int port = freePort();
        app = start(port);
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

        app.destroyForcibly().waitFor();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid")))
                .as("the bundled PostgreSQL outlives a hard kill of the app").isTrue();

        app = start(port);
        var after = admin.get("/api/v1/callbacks/" + committed);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text("/channel")).isEqualTo("MISSED_CALL");
        assertThat(admin.get("/api/v1/practices").json("/items").size()).as("the demo is made once, on the first start").isEqualTo(1);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
    }

    private Process start(int port) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // Beside the suite's own log, where the PHI log scan reads it.
        Path log = Files.createDirectories(Path.of("target/test-logs")).resolve("first-start-app-" + Instant.now().toEpochMilli() + ".log");
        var builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("RINGBACK_DATA_DIR", dataDir.toString(), "PORT", Integer.toString(port)));
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

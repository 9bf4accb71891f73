package org.ringback.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.RingbackApplication;
import org.ringback.database.DatabaseProperties;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test suite's own running database, with fresh callbacks whose texts need escaping, backed up while the app
 * runs and restored into a new data directory: every row of every table comes back (count and content checksum per
 * table), a second Ringback starts on the restored data and answers, and a restore refuses a running app's
 * directory and a database that holds data (unless --force).
 */
@IntegrationTest
class BackupRestoreIntegrationTest {

    /** Tabs, new lines, backslashes, quotes and letters beyond ASCII: what COPY's text format must escape. */
    static final String AWKWARD = "line one\nline\ttwo \\ \"quoted\" 'single' — Ñandú ☎ \\N \\.";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    DatabaseProperties database;

    @TempDir
    Path dir;

    /** Rows and a checksum of their content, per table, in name order. */
    static Map<String, String> contents(DataSource dataSource) {
        var jdbc = JdbcClient.create(dataSource);
        Map<String, String> contents = new LinkedHashMap<>();
        for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by tablename").query(String.class).list()) {
            contents.put(table, jdbc.sql("select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '-') from "
                    + DatabaseDump.quote(table) + " t").query(String.class).single());
        }
        return contents;
    }

    private static Map<String, String> withoutMonthSummaries(Map<String, String> contents) {
        Map<String, String> rest = new LinkedHashMap<>(contents);
        rest.remove("measure_month");
        rest.remove("measure_change");
        return rest;
    }

    private void someCallbacks() {
        clock.set(Fixtures.MONDAY_0900);
        var fx = new Fixtures(port);
        String p = fx.practice().id();
        String patient = fx.patient(p, Fixtures.phone(91));
        var created = fx.admin().post("/api/v1/practices/" + p + "/callbacks", "{\"channel\": \"VOICEMAIL\", \"category\": \"BILLING\", "
                + "\"patientId\": \"" + patient + "\", \"reason\": " + JsonMapper.builder().build().writeValueAsString(AWKWARD) + "}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("/id");
        clock.set(Fixtures.MONDAY_0900.plusSeconds(600));
        assertThat(fx.admin().post("/api/v1/callbacks/" + id + "/attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': 'NO_ANSWER', 'messageLeft': false, 'nextAction': 'try again\\\\tlater'}""",
                Fixtures.MONDAY_0900.plusSeconds(600))).status()).isEqualTo(201);
        fx.aCallback(p).fromCaller(Fixtures.phone(92), "Zoë O'Brien").inCategory("GENERAL_QUESTION")
                .receivedAt(Instant.parse("2026-11-23T13:00:00Z")).create();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Command-line arguments outrank application.yml (default properties would not).
        return SpringApplication.run(RingbackApplication.class,
                "--server.port=0",
                "--ringback.database.data-dir=" + dataDir,
                "--ringback.database.embedded-durable=false",
                "--ringback.data-dir=" + dataDir,
                "--ringback.demo.data-dir=" + dataDir,
                "--ringback.demo.enabled=false",
                "--ringback.sweep.enabled=false");
    }

    @Test
    void aBackupOfTheRunningAppRestoresEveryRowIntoANewDataDirectoryAndRingbackStartsOnIt() {
        someCallbacks();
        Path target = dir.resolve("target");
        Path file = dir.resolve("ringback.backup");
        String targetDir = "--ringback.database.data-dir=" + target;
        String fast = "--ringback.database.embedded-durable=false";

        Map<String, String> original = contents(dataSource);
        Instant taken = Instant.parse("2026-11-23T18:30:00Z");
        assertThat(new BackupCommand(System.out, System.err, Clock.fixed(taken, ZoneOffset.UTC))
                .execute("backup", "--to", file.toString(), "--ringback.database.data-dir=" + database.dataDir().toAbsolutePath()))
                .as("backup while the app runs").isEqualTo(BackupCommand.OK);
        assertThat(header(file)).as("the backup's time comes from the clock it is given").contains("created " + taken);
        assertThat(contents(dataSource)).as("a backup changes nothing").isEqualTo(original);
        assertThat(original.get("callback")).doesNotStartWith("0 rows");
        assertThat(original.get("attempt")).doesNotStartWith("0 rows");
        assertThat(original.get("callback_event")).doesNotStartWith("0 rows");
        assertThat(original.get("patient")).doesNotStartWith("0 rows");
        assertThat(original.get("audit_event")).doesNotStartWith("0 rows");

        assertThat(BackupCommand.run("restore", "--from", file.toString(), targetDir, fast)).isEqualTo(BackupCommand.OK);

        try (var app = start(target)) {
            Map<String, String> restored = contents(app.getBean(DataSource.class));
            // The month summaries' cache is keyed by the old cluster's transaction ids: emptied by the restore.
            assertThat(restored.get("measure_month")).startsWith("0 rows");
            assertThat(restored.get("measure_change")).startsWith("0 rows");
            assertThat(withoutMonthSummaries(restored)).as("every table, row for row").isEqualTo(withoutMonthSummaries(original));
            int restoredPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var practices = Api.admin(restoredPort).get("/api/v1/practices");
            assertThat(practices.status()).isEqualTo(200);
            assertThat(practices.raw()).contains("Lakeside Family Medicine");

            assertThat(BackupCommand.run("restore", "--from", file.toString(), targetDir, fast))
                    .as("refused while Ringback runs on the directory").isEqualTo(BackupCommand.REFUSED);
        }
        assertThat(BackupCommand.run("restore", "--from", file.toString(), targetDir, fast))
                .as("refused: the database holds data").isEqualTo(BackupCommand.REFUSED);
        assertThat(BackupCommand.run("restore", "--from", file.toString(), "--force", targetDir, fast))
                .as("--force replaces what the database holds").isEqualTo(BackupCommand.OK);
        assertThat(BackupCommand.run("restore", "--from", dir.resolve("missing").toString(), targetDir, fast)).isEqualTo(BackupCommand.USAGE);
        assertThat(BackupCommand.run("restore", targetDir)).isEqualTo(BackupCommand.USAGE);
        assertThat(Files.exists(dir.resolve("ringback.backup.partial"))).isFalse();
    }

    /** The first lines of a backup file (it is gzipped text). */
    private static String header(Path file) {
        try (var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return lines.readLine() + "\n" + lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

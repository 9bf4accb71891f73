package org.ringback.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import command as a user runs it: exit codes, the error report file, and a large call log imported by
 * {@code RingbackApplication.main} in a child JVM whose heap is capped at 128 MB (the app lives in about 65 MB;
 * 120,000 rows held in memory would not fit beside it, so it would fail with OutOfMemoryError if the import held
 * the file or its rows). The suite imports 120,000 rows to stay within its time budget on a 2-core machine;
 * {@code -Dringback.it.import-rows=1000000} runs the full million (BENCHMARKS.md has its measurement).
 */
@IntegrationTest
class ImportCommandIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ImportCommandIntegrationTest.class);
    static final int ROWS = Integer.getInteger("ringback.it.import-rows", 120_000);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    CallImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    UUID practiceId;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        practiceId = UUID.fromString(new Fixtures(port).practice().id());
    }

    private long callbacks() {
        return jdbc.sql("select count(*) from callback where practice_id = :p").param("p", practiceId).query(Long.class).single();
    }

    private int command(String... args) {
        return new ImportCommand(imports).run(List.of(args));
    }

    @Test
    void exitCodesSayWhetherTheFileWasImported() throws IOException {
        Path file = Files.writeString(dir.resolve("list.csv"), ImportIntegrationTest.LIST_WITH_THREE_BAD_ROWS);
        Path report = dir.resolve("errors.csv");

        assertThat(command("import", file.toString())).as("no practice").isEqualTo(ImportCommand.USAGE);
        assertThat(command("import", "--practice", "not-a-uuid", file.toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(command("import", "--practice", practiceId.toString(), dir.resolve("missing.csv").toString()))
                .isEqualTo(ImportCommand.USAGE);
        assertThat(command("import", "--practice", UUID.randomUUID().toString(), file.toString()))
                .as("unknown practice").isEqualTo(ImportCommand.REFUSED);

        assertThat(command("import", "--practice", practiceId.toString(), "--report", report.toString(), file.toString()))
                .isEqualTo(ImportCommand.REFUSED);
        assertThat(callbacks()).isZero();
        assertThat(Files.readAllLines(report)).containsExactly("line,field,problem", "3,phone,is not a valid phone number",
                "6,date,is in the future", "9,category,is not a category of this practice");

        assertThat(command("import", "--practice=" + practiceId, "--partial", file.toString())).isEqualTo(ImportCommand.OK);
        assertThat(callbacks()).isEqualTo(6);
        assertThat(command("import", "--practice", practiceId.toString(), "--partial", file.toString())).isEqualTo(ImportCommand.OK);
        assertThat(callbacks()).isEqualTo(6);
    }

    @Test
    void aLargeCallLogImportsWithAHeapOf128MegabytesThroughTheApplicationsMain() throws Exception {
        Path file = dir.resolve("large.csv");
        writeCallLog(file, ROWS);

        var started = Instant.now();
        Process child = childJvm("-Xmx128m", "import", "--practice", practiceId.toString(), file.toString());
        boolean ended = child.waitFor(15, TimeUnit.MINUTES);
        Duration took = Duration.between(started, Instant.now());
        String output = Files.readString(dir.resolve("child.log"));
        if (!ended) {
            child.destroyForcibly();
        }
        log.info("{}-row import in a 128 MB child JVM took {} (JVM start included)", ROWS, took);
        assertThat(ended).as("finished in time").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(callbacks()).isEqualTo(ROWS);
        assertThat(jdbc.sql("select count(*) from intake_key where practice_id = :p").param("p", practiceId).query(Long.class).single())
                .isEqualTo(ROWS);
    }

    /** A RingCentral-style log: one missed call per row, each from its own number, over the last weeks. */
    static void writeCallLog(Path file, int rows) throws IOException {
        String[] areas = {"617", "508", "781", "857", "978", "212", "646", "718", "415", "312"};
        var start = LocalDateTime.of(2026, 11, 2, 8, 0);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Type,From,Name,To,Date,Time,Action,Action Result,Duration\n");
            for (int i = 0; i < rows; i++) {
                String phone = "(" + areas[i % 10] + ") " + (200 + (i / 10) % 800) + "-" + String.format("%04d", (i / 8000) % 10000);
                var at = start.plusSeconds(i);
                out.write("Voice," + phone + ",Caller " + i + ",(617) 555-0000," + at.toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy"))
                        + "," + at.toLocalTime() + ",Phone Call,Missed,0:00:00\n");
            }
        }
    }

    private Process childJvm(String heap, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, mainClasspath()));
        command.add("org.ringback.RingbackApplication");
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        try (var connection = dataSource.getConnection()) {
            // The test's bundled PostgreSQL trusts local connections: its URL and user are all the child needs.
            builder.environment().put("RINGBACK_DATABASE_URL", connection.getMetaData().getURL());
            builder.environment().put("RINGBACK_DATABASE_USERNAME", connection.getMetaData().getUserName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        builder.environment().put("RINGBACK_DATA_DIR", dir.resolve("data").toString());
        return builder.start();
    }

    /** The app's classpath without the test classes (whose test configurations would join the child's context). */
    private static List<String> mainClasspath() throws IOException {
        var entries = new ArrayList<String>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && Path.of(entry).getFileName().toString().startsWith("surefire")) {
                try (var jar = new JarFile(entry)) {
                    String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String url : classPath == null ? new String[0] : classPath.split(" ")) {
                        if (!url.isBlank()) {
                            entries.add(Path.of(URI.create(url)).toString());
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries.stream().filter(entry -> !entry.replace('\\', '/').endsWith("test-classes")
                && !entry.replace('\\', '/').endsWith("test-classes/")).toList();
    }
}

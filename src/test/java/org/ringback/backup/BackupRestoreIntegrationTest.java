package org.ringback.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.RingbackApplication;
import org.ringback.support.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A backup of a running Ringback (the demo practice: four weeks of history and a live queue) restored into a new
 * data directory: every row of every table comes back (count and content checksum per table), the app starts on
 * the restored data and answers, and a restore refuses a running app's directory and a database that holds data.
 * Runs its own two app instances in this JVM on their own data directories (not the shared test context).
 */
class BackupRestoreIntegrationTest {

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(Path dataDir, boolean demo) {
        return new SpringApplicationBuilder(RingbackApplication.class).properties(
                "server.port=0",
                "ringback.database.data-dir=" + dataDir,
                "ringback.database.embedded-durable=false",
                "ringback.data-dir=" + dataDir,
                "ringback.demo.data-dir=" + dataDir,
                "ringback.demo.enabled=" + demo,
                "ringback.sweep.enabled=false",
                "ringback.admin-password=" + Api.ADMIN_PASSWORD).run();
    }


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

    @Test
    void aBackupOfARunningAppRestoresEveryRowIntoANewDataDirectoryAndTheAppStartsOnIt() {
        Path source = dir.resolve("source");
        Path target = dir.resolve("target");
        Path file = dir.resolve("ringback.backup");
        String targetDir = "--ringback.database.data-dir=" + target;
        String fast = "--ringback.database.embedded-durable=false";

        Map<String, String> original;
        try (var app = start(source, true)) {
            original = contents(app.getBean(DataSource.class));
            assertThat(BackupCommand.run("backup", "--to", file.toString(), "--ringback.database.data-dir=" + source))
                    .as("backup while the app runs").isEqualTo(BackupCommand.OK);
            assertThat(contents(app.getBean(DataSource.class))).as("a backup changes nothing").isEqualTo(original);
        }
        assertThat(original.get("callback")).doesNotStartWith("0 rows");
        assertThat(original.get("attempt")).doesNotStartWith("0 rows");
        assertThat(original.get("callback_event")).doesNotStartWith("0 rows");
        assertThat(original.get("patient")).doesNotStartWith("0 rows");
        assertThat(file).isRegularFile();

        assertThat(BackupCommand.run("restore", "--from", file.toString(), targetDir, fast)).isEqualTo(BackupCommand.OK);

        try (var app = start(target, false)) {
            assertThat(contents(app.getBean(DataSource.class))).as("every table, row for row").isEqualTo(original);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var practices = Api.admin(port).get("/api/v1/practices");
            assertThat(practices.status()).isEqualTo(200);
            assertThat(practices.raw()).contains("Lakeside Family Medicine");

            assertThat(BackupCommand.run("restore", "--from", file.toString(), targetDir, fast))
                    .as("refused while Ringback runs on the directory").isEqualTo(BackupCommand.REFUSED);
        }
        assertThat(BackupCommand.run("restore", "--from", file.toString(), targetDir, fast))
                .as("refused: the database holds data").isEqualTo(BackupCommand.REFUSED);
        assertThat(BackupCommand.run("restore", "--from", dir.resolve("missing").toString(), targetDir, fast)).isEqualTo(BackupCommand.USAGE);
        assertThat(BackupCommand.run("restore", targetDir)).isEqualTo(BackupCommand.USAGE);
        assertThat(Files.exists(dir.resolve("ringback.backup.partial"))).isFalse();
    }
}

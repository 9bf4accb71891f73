package org.ringback.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second start on a data directory in use is refused, and the running database is left alone; the bulk-load
 * settings of one start do not outlive it.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aSecondStartOnADirectoryInUseIsRefusedAndTheRunningDatabaseKeepsWorking() throws Exception {
        try (EmbeddedDatabase running = EmbeddedDatabase.start(dataDirectory, 0, false)) {

            assertThatThrownBy(() -> EmbeddedDatabase.start(dataDirectory, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already runs the bundled database");

            try (var connection = DriverManager.getConnection(running.jdbcUrl());
                 var result = connection.createStatement().executeQuery("select 42")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void theBulkLoadSettingsLastOneStartAndTheNextStartIsDurableWithItsData() throws Exception {
        try (EmbeddedDatabase bulk = EmbeddedDatabase.start(dataDirectory, 0, true, true);
             var connection = DriverManager.getConnection(bulk.jdbcUrl());
             var statement = connection.createStatement()) {
            assertThat(setting(statement, "wal_level")).isEqualTo("minimal");
            assertThat(setting(statement, "autovacuum")).isEqualTo("off");
            statement.execute("create table loaded (n int primary key)");
            statement.execute("insert into loaded select generate_series(1, 1000)");
        }

        try (EmbeddedDatabase normal = EmbeddedDatabase.start(dataDirectory, 0, true);
             var connection = DriverManager.getConnection(normal.jdbcUrl());
             var statement = connection.createStatement()) {
            assertThat(setting(statement, "wal_level")).isEqualTo("replica");
            assertThat(setting(statement, "autovacuum")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "select count(*) from loaded")).isEqualTo("1000");
        }
    }

    private static String setting(Statement statement, String nameOrQuery) throws Exception {
        try (ResultSet result = statement.executeQuery(nameOrQuery.startsWith("select") ? nameOrQuery : "show " + nameOrQuery)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}

package org.ringback.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second start on a data directory in use is refused, and the running database is left alone. */
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
}

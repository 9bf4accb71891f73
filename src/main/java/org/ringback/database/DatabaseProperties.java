package org.ringback.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Ringback keeps its data. With no {@code url} (environment {@code RINGBACK_DATABASE_URL}) the app
 * runs its own bundled PostgreSQL with its files under {@code dataDir}/postgres.
 *
 * @param url            JDBC URL of an external PostgreSQL; empty for the bundled one
 * @param dataDir        the app's data directory ({@code RINGBACK_DATA_DIR}), default {@code ./data}
 * @param embeddedPort   port of the bundled PostgreSQL; 0 picks a free one at each start
 * @param embeddedDurable false only in tests: trades crash safety for speed
 */
@ConfigurationProperties("ringback.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("true") boolean embeddedDurable,
        @DefaultValue("20") int maxPoolSize) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}

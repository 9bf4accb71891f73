package org.ringback.database;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param embeddedBulkLoad true only for the {@code generate} command, which sets it: the bundled PostgreSQL of
 *                         that run starts with settings for one bulk load ({@link BulkLoadSettings})
 * @param connectionTimeout how long a request waits for a connection before it is answered 503 (database
 *                          unavailable): short, so that an outage is reported at once instead of after Hikari's 30 s
 */
@ConfigurationProperties("ringback.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("true") boolean embeddedDurable,
        @DefaultValue("false") boolean embeddedBulkLoad,
        @DefaultValue("20") int maxPoolSize,
        @DefaultValue("10s") Duration connectionTimeout) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}

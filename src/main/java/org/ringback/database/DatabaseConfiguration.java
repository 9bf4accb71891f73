package org.ringback.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one DataSource: an external PostgreSQL when a URL is given, else the bundled one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("ringback");
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        // JDBC batches of inserts (imports) go as multi-row inserts: several times faster, same rows.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername(EmbeddedDatabase.USER);
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
            log.info("Using the external PostgreSQL database");
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException {
        if (!properties.embedded()) {
            return EmbeddedDatabase.none();
        }
        Path dir = properties.dataDir().resolve("postgres").toAbsolutePath();
        return EmbeddedDatabase.start(dir, properties.embeddedPort(), properties.embeddedDurable(), properties.embeddedBulkLoad());
    }
}

package org.ringback.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled PostgreSQL (zonky's binaries) whose files live in the app's data directory and survive
 * restarts. After a hard kill of the app its PostgreSQL keeps running on the data directory; the next
 * start shuts that orphan down cleanly before it starts its own, so nothing committed is lost.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "ringback";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    /** The file zonky locks while its PostgreSQL runs. */
    static final String LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase none() {
        return new EmbeddedDatabase(null);
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) throws IOException {
        return start(dataDirectory, port, durable, false);
    }

    /** @param bulkLoad start for one bulk load (the {@code generate} command): see {@link BulkLoadSettings} */
    static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, boolean bulkLoad) throws IOException {
        Files.createDirectories(dataDirectory);
        refuseWhileAnotherProcessOwns(dataDirectory);
        stopOrphanedServer(dataDirectory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        if (durable) {
            // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off: fine for tests,
            // not for a practice's data. Later -c options win over -F.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (bulkLoad) {
            BulkLoadSettings.SETTINGS.forEach(builder::setServerConfig);
            log.info("Bundled PostgreSQL starts with settings for a bulk load: {}", BulkLoadSettings.SETTINGS);
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Bundled PostgreSQL is running on port {} with data in {}", postgres.getPort(), dataDirectory);
        return new EmbeddedDatabase(postgres);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the bundled database", e);
        }
    }

    /** A server left running by a killed app still holds the data directory: shut it down (smart, then forced). */
    /**
     * A running Ringback (or import) holds zonky's lock file on the data directory for as long as it lives; a
     * killed one's lock is gone with it. So a lock we cannot take means the server we would see is not an
     * orphan: stopping it would pull the database from under a live app.
     */
    private static void refuseWhileAnotherProcessOwns(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another Ringback process is using the data directory " + dataDirectory
                        + "; stop it first, or give this one its own RINGBACK_DATA_DIR");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("This process already runs the bundled database on " + dataDirectory, e);
        }
    }

    private static void stopOrphanedServer(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        orphanPid(pidFile, dataDirectory).flatMap(ProcessHandle::of).ifPresent(orphan -> {
            log.warn("Found a PostgreSQL server (pid {}) left running on the data directory; shutting it down", orphan.pid());
            orphan.destroy();
            try {
                orphan.onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                log.warn("The old PostgreSQL server did not stop in {}; killing it (it recovers from its WAL)", ORPHAN_SHUTDOWN_WAIT);
                orphan.destroyForcibly();
                orphan.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping the old PostgreSQL server", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Could not stop the old PostgreSQL server", e);
            }
        });
    }

    /** The postmaster pid from the lock file, when that process is alive and is a postgres on this directory. */
    private static Optional<Long> orphanPid(Path pidFile, Path dataDirectory) {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> isPostgresOn(handle, dataDirectory))
                    .map(ProcessHandle::pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPostgresOn(ProcessHandle handle, Path dataDirectory) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            String command = Files.exists(cmdline)
                    ? Files.readString(cmdline).replace('\0', ' ')
                    : handle.info().commandLine().orElse("");
            return command.contains("postgres") && command.contains(dataDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }
}

package org.ringback.backup;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.ringback.database.DatabaseProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * {@code ringback backup [--to FILE]} and {@code ringback restore --from FILE [--force]}: a consistent copy of the
 * whole database in one file, and that copy brought back into an empty database (the bundled one, or the one
 * {@code RINGBACK_DATABASE_URL} names). The zonky binaries bring no pg_dump, so the dump is written from Java in
 * COPY format ({@link DatabaseDump}). A backup may run while Ringback runs: it reads the running bundled database
 * in one snapshot. A restore refuses while Ringback runs on the data directory, and refuses a database that holds
 * data unless {@code --force} (which drops everything in it first). Exit codes: 0 done, 1 failed, 2 refused, 64 usage.
 */
public final class BackupCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int REFUSED = 2;
    public static final int USAGE = 64;
    static final String USAGE_TEXT = "usage: ringback backup [--to FILE] | ringback restore --from FILE [--force]";
    /** The bundled PostgreSQL's user and database (as org.ringback.database creates them). */
    private static final String EMBEDDED_USER = "postgres";
    private static final String EMBEDDED_DATABASE = "ringback";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The parsed command line; Spring's {@code --name=value} properties are left to Spring. */
    record Arguments(boolean restore, Optional<Path> file, boolean force) {

        static Arguments parse(List<String> args) {
            if (args.isEmpty() || !(args.get(0).equals("backup") || args.get(0).equals("restore"))) {
                throw new IllegalArgumentException("say backup or restore");
            }
            boolean restore = args.get(0).equals("restore");
            Optional<Path> file = Optional.empty();
            boolean force = false;
            for (int i = 1; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("--force") && restore) {
                    force = true;
                } else if (arg.equals(restore ? "--from" : "--to")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a file");
                    }
                    file = Optional.of(Path.of(args.get(++i)));
                } else if (!(arg.startsWith("--") && arg.contains("="))) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            if (restore && file.isEmpty()) {
                throw new IllegalArgumentException("restore needs --from FILE");
            }
            return new Arguments(restore, file, force);
        }
    }

    /** Only the database module's beans, created when first asked for (a restore checks before it starts anything). */
    @ComponentScan(basePackages = "org.ringback.database")
    @EnableConfigurationProperties(DatabaseProperties.class)
    static class CommandContext {
    }

    private final PrintStream out;
    private final PrintStream err;
    /** The time in the backup's header and default file name. */
    private final Clock clock;

    BackupCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Runs the command in this JVM, without the web server, the demo or the sweeps; returns the exit code. */
    public static int run(String... args) {
        return new BackupCommand(System.out, System.err, Clock.systemUTC()).execute(args);
    }

    int execute(String... args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.restore() && !Files.isRegularFile(arguments.file().orElseThrow())) {
            err.println("No backup file at " + arguments.file().orElseThrow());
            return USAGE;
        }
        var application = new SpringApplication(CommandContext.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setLazyInitialization(true);
        try (ConfigurableApplicationContext context = application.run(args)) {
            DatabaseProperties database = context.getBean(DatabaseProperties.class);
            return arguments.restore() ? restore(context, database, arguments) : backup(context, database, arguments);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
                if (cause instanceof IllegalStateException && refusesWhileRunning(cause.getMessage())) {
                    err.println("Refused: " + cause.getMessage());
                    return REFUSED;
                }
            }
            Throwable cause = rootCause(e);
            err.println("Failed: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            return FAILED;
        }
    }

    private int backup(ConfigurableApplicationContext context, DatabaseProperties database, Arguments arguments) {
        Instant now = clock.instant();
        Path target = arguments.file().orElse(Path.of("ringback-" + FILE_TIME.format(now) + ".backup")).toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (Connection connection = backupConnection(context, database)) {
            DatabaseDump.Summary summary;
            try (OutputStream file = Files.newOutputStream(partial);
                 OutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(file, 1 << 16), 1 << 16)) {
                summary = DatabaseDump.write(connection, gzip, now);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out.printf("Backed up %d rows of %d tables (schema version %s) to %s%n", summary.totalRows(), summary.rows().size(),
                    summary.schemaVersion(), target);
            return OK;
        } catch (SQLException | IOException e) {
            deleteQuietly(partial);
            err.println("Backup failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** A running Ringback's bundled database is read where it runs (its port is in PostgreSQL's pid file). */
    private static Connection backupConnection(ConfigurableApplicationContext context, DatabaseProperties database) throws SQLException {
        if (embedded(database)) {
            Optional<Integer> port = runningServerPort(database.dataDir().resolve("postgres").toAbsolutePath());
            if (port.isPresent()) {
                return DriverManager.getConnection("jdbc:postgresql://localhost:" + port.get() + "/" + EMBEDDED_DATABASE, EMBEDDED_USER, "");
            }
        }
        return context.getBean(DataSource.class).getConnection();
    }

    private int restore(ConfigurableApplicationContext context, DatabaseProperties database, Arguments arguments) {
        Path from = arguments.file().orElseThrow();
        try {
            String version;
            try (InputStream in = open(from)) {
                version = DatabaseDump.readSchemaVersion(in);
            }
            if (version.equals("none")) {
                err.println("Refused: the backup holds no Ringback schema");
                return REFUSED;
            }
            DataSource dataSource = context.getBean(DataSource.class);
            boolean hasTables;
            try (Connection connection = dataSource.getConnection()) {
                if (holdsData(connection) && !arguments.force()) {
                    err.println("Refused: the database already holds data. Restore into an empty database (a new RINGBACK_DATA_DIR),"
                            + " or add --force to replace everything in it.");
                    return REFUSED;
                }
                hasTables = !DatabaseDump.tablesInDependencyOrder(connection).isEmpty();
            }
            String locations = context.getEnvironment().getProperty("spring.flyway.locations", "classpath:db/migration");
            Flyway flyway = Flyway.configure().dataSource(dataSource).locations(locations.split(",")).target(version).load();
            String known = latestKnownMigration(flyway);
            if (DatabaseDump.compareVersions(version, known) > 0) {
                err.println("Refused: the backup was made by a newer Ringback (schema " + version + "; this one knows up to " + known + ")");
                return REFUSED;
            }
            if (hasTables) {
                try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("drop schema public cascade");
                    statement.execute("create schema public");
                }
            }
            flyway.migrate();
            DatabaseDump.Summary summary;
            try (Connection connection = dataSource.getConnection(); InputStream in = open(from)) {
                summary = DatabaseDump.read(connection, in);
            }
            out.printf("Restored %d rows of %d tables (schema version %s) from %s%n", summary.totalRows(), summary.rows().size(),
                    summary.schemaVersion(), from);
            return OK;
        } catch (SQLException | IOException e) {
            err.println("Restore failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** Rows in any table but Flyway's history: someone's data, which a restore must not silently replace. */
    private static boolean holdsData(Connection connection) throws SQLException {
        for (String table : DatabaseDump.tablesInDependencyOrder(connection)) {
            if (table.equals(DatabaseDump.HISTORY)) {
                continue;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select exists (select 1 from " + DatabaseDump.quote(table) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String latestKnownMigration(Flyway flyway) {
        String latest = "0";
        for (MigrationInfo migration : flyway.info().all()) {
            if (migration.getVersion() != null && DatabaseDump.compareVersions(migration.getVersion().getVersion(), latest) > 0) {
                latest = migration.getVersion().getVersion();
            }
        }
        return latest;
    }

    /** The port of a live PostgreSQL on this data directory, from its pid file (pid on line 1, port on line 4). */
    static Optional<Integer> runningServerPort(Path postgresDirectory) {
        Path pidFile = postgresDirectory.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(process -> port);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean embedded(DatabaseProperties database) {
        return database.url() == null || database.url().isBlank();
    }

    private static boolean refusesWhileRunning(String message) {
        return message != null && (message.startsWith("Another Ringback process") || message.startsWith("This process already runs"));
    }

    private static InputStream open(Path file) throws IOException {
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The partial file only wastes space; the error that matters is already reported.
        }
    }
}

package org.ringback.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged app in its own process, bound to 127.0.0.1, with its bundled PostgreSQL in the bench's directory and
 * an access log that records each request's phase tag, status, size and Tomcat's time in microseconds (%D).
 */
final class BenchApp {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Pattern ESCALATED = Pattern.compile("Escalation sweep escalated (\\d+) callbacks");
    private static final Pattern PG_PORT = Pattern.compile("Bundled PostgreSQL is running on port (\\d+)");

    private final Process process;
    private final Path dir;
    private final Path log;
    private final int port;
    private final String adminPassword;
    private final List<String> command;
    private volatile boolean stopped;

    private BenchApp(Process process, Path dir, Path log, int port, String adminPassword, List<String> command) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.port = port;
        this.adminPassword = adminPassword;
        this.command = command;
    }

    /**
     * Starts {@code java [jvmOptions] -jar jar} with the data in {@code dir}; the demo is off and the admin password
     * given, so the app comes up empty. {@code name} tells this start's log and access log apart from another's;
     * {@code appArgs} are extra Spring Boot arguments for experiments (none for the baseline).
     */
    static BenchApp start(Path jar, Path dir, String name, int port, String adminPassword, List<String> jvmOptions,
                          List<String> appArgs) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path accessLogs = Files.createDirectories(dir.resolve("access-" + name));
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.address=127.0.0.1",
                "--server.tomcat.accesslog.enabled=true",
                "--server.tomcat.accesslog.directory=" + accessLogs,
                "--server.tomcat.accesslog.prefix=access",
                "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.rotate=false",
                "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=%{X-Bench-Phase}i %s %b %D"));
        command.addAll(appArgs);
        Path log = dir.resolve("app-" + name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("RINGBACK_DATA_DIR", dir.toString(), "RINGBACK_ADMIN_PASSWORD", adminPassword,
                "RINGBACK_DEMO", "false", "PORT", Integer.toString(port)));
        builder.environment().remove("RINGBACK_DATABASE_URL");
        System.out.println("Starting: RINGBACK_DATA_DIR=" + dir + " RINGBACK_ADMIN_PASSWORD=… RINGBACK_DEMO=false PORT=" + port + " "
                + String.join(" ", command));
        BenchApp app = new BenchApp(builder.start(), dir, log, port, adminPassword, command);
        app.awaitReady();
        return app;
    }

    int port() {
        return port;
    }

    String adminPassword() {
        return adminPassword;
    }

    long pid() {
        return process.pid();
    }

    List<String> command() {
        return command;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited during startup:\n" + tail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && log().contains("Ringback is ready")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The app did not start within " + STARTUP + ":\n" + tail());
    }

    /**
     * Waits until the escalation sweep (every minute) has escalated nothing for {@code quiet}, at most {@code max};
     * answers the seconds waited.
     */
    int awaitSweepSettled(Duration quiet, Duration max) throws InterruptedException {
        Instant start = Instant.now();
        long seen = escalationRuns();
        Instant quietSince = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(max) < 0) {
            Thread.sleep(5000);
            long now = escalationRuns();
            if (now != seen) {
                seen = now;
                quietSince = Instant.now();
            } else if (Duration.between(quietSince, Instant.now()).compareTo(quiet) >= 0) {
                break;
            }
        }
        return (int) Duration.between(start, Instant.now()).toSeconds();
    }

    private long escalationRuns() {
        return log().lines().filter(line -> ESCALATED.matcher(line).find()).count();
    }

    /** The escalations the sweep has logged since this start. */
    long escalations() {
        return log().lines().map(ESCALATED::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1))).sum();
    }

    /** Tomcat's time (µs) of each 200 answer, by phase tag. */
    Map<String, List<Long>> serverMicros() throws IOException {
        Map<String, List<Long>> times = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir.resolve(accessDirectory()))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.split(" ");
                    if (fields.length == 4 && "200".equals(fields[1])) {
                        times.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(Long.parseLong(fields[3]));
                    }
                }
            }
        }
        return times;
    }

    private String accessDirectory() {
        return command.stream().filter(arg -> arg.startsWith("--server.tomcat.accesslog.directory="))
                .map(arg -> arg.substring(arg.indexOf('=') + 1)).findFirst().orElseThrow();
    }

    /** A superuser connection to the bundled PostgreSQL's ringback database (trust authentication on loopback). */
    Connection database() throws SQLException {
        Matcher m = PG_PORT.matcher(log());
        BoardBenchmark.check(m.find(), "the app did not log its PostgreSQL port");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + m.group(1) + "/ringback?user=postgres");
    }

    /** The bundled PostgreSQL's postmaster, from its lock file. */
    OptionalLong postmasterPid() {
        try {
            Path pidFile = dir.resolve("postgres/postmaster.pid");
            return Files.exists(pidFile) ? OptionalLong.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip())) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGTERM, so the app shuts its bundled PostgreSQL down cleanly; forcibly only if it hangs. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                System.err.println("The app did not stop within 90 s of SIGTERM; killing it");
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean clean = !Files.exists(dir.resolve("postgres/postmaster.pid"));
        System.out.println("App stopped (exit " + (process.isAlive() ? "?" : process.exitValue()) + "); its PostgreSQL "
                + (clean ? "shut down cleanly" : "still holds its directory"));
    }
}

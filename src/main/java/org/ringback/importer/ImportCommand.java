package org.ringback.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ringback.shared.Refusal;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ringback import --practice ID [--partial] [--map column=field ...] [--report errors.csv] calls.csv}:
 * the import on the terminal, with a progress bar showing rate and time left. Exit codes: 0 imported,
 * 1 failed (e.g. the database went away), 2 refused (rejected rows, unmapped columns, unknown practice), 64 usage.
 */
@Component
@ConditionalOnProperty(name = "ringback.import.command", havingValue = "true")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;
    static final int USAGE = 64;
    private static final int ERRORS_SHOWN = 20;
    private static final String USAGE_TEXT =
            "usage: ringback import --practice ID [--partial] [--map column=field ...] [--report errors.csv] calls.csv";

    /** The parsed command line. */
    record Arguments(UUID practiceId, boolean partial, Map<String, String> columns, Optional<Path> report, Path file) {

        static Arguments parse(List<String> args) {
            UUID practiceId = null;
            boolean partial = false;
            var columns = new LinkedHashMap<String, String>();
            Optional<Path> report = Optional.empty();
            Path file = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (i == 0 && arg.equals("import")) {
                    continue;
                }
                String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
                String inline = arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : null;
                switch (name) {
                    case "--partial" -> partial = true;
                    case "--practice" -> {
                        String value = inline != null ? inline : value(args, ++i, name);
                        try {
                            practiceId = UUID.fromString(value);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--practice takes the practice's id (a UUID)");
                        }
                    }
                    case "--map" -> {
                        String value = inline != null ? inline : value(args, ++i, name);
                        int eq = value.lastIndexOf('=');
                        if (eq <= 0 || eq == value.length() - 1) {
                            throw new IllegalArgumentException("--map takes column=field, e.g. --map \"Patient Mobile=PHONE\"");
                        }
                        columns.put(value.substring(0, eq), value.substring(eq + 1));
                    }
                    case "--report" -> report = Optional.of(Path.of(inline != null ? inline : value(args, ++i, name)));
                    default -> {
                        if (arg.startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument " + (arg.startsWith("--") ? arg : "(a second file)"));
                        }
                        file = Path.of(arg);
                    }
                }
            }
            if (practiceId == null || file == null) {
                throw new IllegalArgumentException("give --practice ID and the file to import");
            }
            return new Arguments(practiceId, partial, columns, report, file);
        }

        private static String value(List<String> args, int i, String name) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i);
        }
    }

    private final CallImport imports;
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private int exitCode = OK;

    ImportCommand(CallImport imports) {
        this.imports = imports;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    @Override
    public void run(ApplicationArguments applicationArguments) {
        exitCode = run(List.of(applicationArguments.getSourceArgs()));
    }

    int run(List<String> args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isReadable(arguments.file()) || Files.isDirectory(arguments.file())) {
            err.println("Cannot read the file " + arguments.file());
            return USAGE;
        }
        UUID jobId;
        try {
            jobId = imports.start(arguments.practiceId(), "command line (" + System.getProperty("user.name", "unknown") + ")",
                    ImportJob.Source.COMMAND, arguments.partial());
        } catch (Refusal refusal) {
            err.println(refusal.getMessage());
            return REFUSED;
        }
        ImportJob job;
        try (var bar = new TerminalProgress()) {
            job = imports.run(arguments.practiceId(), jobId, arguments.file(),
                    new CallImport.Options(arguments.partial(), arguments.columns()), bar);
        }
        return summarise(arguments, job);
    }

    private int summarise(Arguments arguments, ImportJob job) {
        out.printf("Import %s: %s. %d rows read, %d rejected; %d new callbacks, %d joined an open callback, %d already imported.%n",
                job.id(), job.status(), job.rowsRead(), job.rowsRejected(), job.created(), job.attached(), job.alreadyImported());
        job.problem().ifPresent(problem -> err.println(problem));
        if (job.rowsRejected() > 0) {
            if (arguments.report().isPresent()) {
                try (Writer writer = Files.newBufferedWriter(arguments.report().get(), StandardCharsets.UTF_8)) {
                    imports.writeReport(job.practiceId(), job.id(), writer);
                } catch (IOException e) {
                    err.println("Could not write the error report to " + arguments.report().get());
                    return FAILED;
                }
                out.println("Rejected rows and why: " + arguments.report().get());
            } else {
                var shown = new FirstLines(ERRORS_SHOWN + 1);
                imports.writeReport(job.practiceId(), job.id(), shown);
                err.print(shown);
                if (job.rowsRejected() > ERRORS_SHOWN) {
                    err.println("... write every rejected row to a file with --report errors.csv");
                }
            }
        }
        return switch (job.status()) {
            case DONE -> OK;
            case REFUSED -> REFUSED;
            default -> FAILED;
        };
    }

    /** The first lines written to it, the rest dropped (the report's head on the terminal). */
    private static final class FirstLines extends Writer {
        private final StringBuilder text = new StringBuilder();
        private int lines;
        private final int max;

        FirstLines(int max) {
            this.max = max;
        }

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length && lines < max; i++) {
                text.append(buffer[i]);
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** One progress bar per phase: megabytes while checking the file, rows while importing, each with rate and ETA. */
    private static final class TerminalProgress implements CallImport.Progress, AutoCloseable {
        private ProgressBar bar;

        @Override
        public void phase(ImportJob.Status phase, long total) {
            close();
            boolean checking = phase == ImportJob.Status.CHECKING;
            bar = new ProgressBarBuilder()
                    .setTaskName(checking ? "Checking" : "Importing")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(checking ? " MB" : " rows", checking ? 1 << 20 : 1)
                    .showSpeed()
                    .setUpdateIntervalMillis(250)
                    .build();
        }

        @Override
        public void advance(long done) {
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}

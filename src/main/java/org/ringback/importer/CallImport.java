package org.ringback.importer;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ringback.audit.AuditLog;
import org.ringback.callback.Actor;
import org.ringback.callback.Channel;
import org.ringback.intake.Intake;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a call log or callback list into a practice's queue, in two streaming passes over the file, so memory
 * stays the same whatever its size. The first pass checks every row and writes the error report; a file with any
 * rejected row imports nothing unless the import is partial. The second pass hands the good rows to intake in
 * batches ({@link Intake#receiveAll}: red-flag screen, default category, repeat calls, idempotency keys), so a
 * re-import of the same rows adds nothing. Each batch commits on its own: an import stopped half-way (the
 * database went away) is finished by running the same file again.
 */
@Service
public class CallImport {

    /** How to read the file: accept the good rows of a file with bad ones, and the user's column=field choices. */
    public record Options(boolean partial, Map<String, String> columns) {
        public Options {
            columns = Map.copyOf(columns);
        }
    }

    /** Told about the import's progress (a terminal progress bar, the job row the page polls). */
    public interface Progress {
        /** A phase starts: CHECKING counts bytes of the file, IMPORTING counts good rows. */
        void phase(ImportJob.Status phase, long total);

        void advance(long done);

        Progress NONE = new Progress() {
            @Override
            public void phase(ImportJob.Status phase, long total) {
            }

            @Override
            public void advance(long done) {
            }
        };
    }

    static final int BATCH = 2000;
    private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(CallImport.class);

    private final Intake intake;
    private final PracticeDirectory practices;
    private final ImportJobs jobs;
    private final AuditLog audit;
    private final Clock clock;
    /** Times the progress (rate and ETA) by the wall clock: a measurement, not a rule, so it does not follow the app's clock. */
    private final Clock stopwatch = Clock.systemUTC();

    CallImport(Intake intake, PracticeDirectory practices, ImportJobs jobs, AuditLog audit, Clock clock) {
        this.intake = intake;
        this.practices = practices;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Registers an import for a practice (audited); the caller has checked who may import. */
    @Transactional
    public UUID start(UUID practiceId, String by, ImportJob.Source source, boolean partial) {
        practices.find(practiceId);
        UUID id = UUID.randomUUID();
        jobs.create(practiceId, id, clock.instant(), by, source, partial);
        audit.record(practiceId, AuditLog.Action.CREATE, "import", id.toString());
        return id;
    }

    /** Runs a registered import to its end; the answer is the finished job (DONE, REFUSED or FAILED). */
    public ImportJob run(UUID practiceId, UUID jobId, Path file, Options options, Progress progress) {
        var job = jobs.find(practiceId, jobId).orElseThrow(ImportJobs::notFound);
        var counts = new Counts();
        try {
            Practice practice = practices.find(practiceId);
            var rules = new CallRows.Rules(practiceId, practice.phoneRegion(), practice.timeZone(),
                    code -> isCategory(practiceId, code), clock.instant());
            check(job, file, options, rules, progress, counts);
            if (counts.rejected > 0 && !options.partial()) {
                return finish(job, ImportJob.Status.REFUSED, Optional.of(counts.rejected + " of " + counts.read
                        + " rows were rejected, so nothing was imported; fix them, or import the good rows only (partial)"), counts);
            }
            apply(job, file, options, rules, progress, counts, new Actor(job.createdBy(), false));
            return finish(job, ImportJob.Status.DONE, Optional.empty(), counts);
        } catch (Refusal refusal) {
            String detail = refusal.getMessage() + refusal.errors().stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ", ": ", ""));
            return finish(job, ImportJob.Status.REFUSED, Optional.of(refusal.errors().isEmpty() ? refusal.getMessage() : detail), counts);
        } catch (RuntimeException | IOException e) {
            // The exception's message may quote row values (a database error does): only its type is logged.
            log.warn("Import {} of practice {} stopped after {} rows: {}", jobId, practiceId, counts.imported(), e.getClass().getName());
            return finish(job, ImportJob.Status.FAILED, Optional.of("The import stopped after " + counts.imported()
                    + " imported rows; import the same file again to finish (rows already imported are skipped)"), counts);
        }
    }

    public Optional<ImportJob> find(UUID practiceId, UUID jobId) {
        return jobs.find(practiceId, jobId);
    }

    public List<ImportJob> recent(UUID practiceId) {
        return jobs.recent(practiceId, 20);
    }

    /** Writes the error report of a job (audited: it is read like the data it describes). */
    @Transactional(readOnly = false)
    public void writeReport(UUID practiceId, UUID jobId, Writer out) {
        jobs.find(practiceId, jobId).orElseThrow(ImportJobs::notFound);
        audit.record(practiceId, AuditLog.Action.READ, "import-report", jobId.toString());
        jobs.writeReport(practiceId, jobId, out);
    }

    private boolean isCategory(UUID practiceId, String code) {
        try {
            practices.category(practiceId, code);
            return true;
        } catch (Refusal.RuleViolation unknown) {
            return false;
        }
    }

    private void check(ImportJob job, Path file, Options options, CallRows.Rules rules, Progress progress, Counts counts) throws IOException {
        long size = Files.size(file);
        phase(job, ImportJob.Status.CHECKING, size, progress);
        var errors = new ArrayList<ImportJobs.RowError>();
        try (var in = new CountingStream(Files.newInputStream(file)); var rows = CallRows.open(reader(in), options.columns(), rules)) {
            Instant lastReport = stopwatch.instant();
            while (rows.hasNext()) {
                CallRows.Row row = rows.next();
                counts.read++;
                if (row.call().isEmpty()) {
                    counts.rejected++;
                    row.problems().forEach(problem -> errors.add(new ImportJobs.RowError(row.line(), problem.field(), problem.message())));
                    if (errors.size() >= BATCH) {
                        jobs.addErrors(job.practiceId(), job.id(), errors);
                        errors.clear();
                    }
                }
                if (counts.read % BATCH == 0 && stopwatch.instant().isAfter(lastReport.plus(PROGRESS_EVERY))) {
                    lastReport = stopwatch.instant();
                    report(job, in.count, counts, progress);
                }
            }
            jobs.addErrors(job.practiceId(), job.id(), errors);
            report(job, size, counts, progress);
        }
    }

    private void apply(ImportJob job, Path file, Options options, CallRows.Rules rules, Progress progress, Counts counts,
                       Actor actor) throws IOException {
        long good = counts.read - counts.rejected;
        phase(job, ImportJob.Status.IMPORTING, good, progress);
        var batch = new ArrayList<Intake.IntakeRequest>(BATCH);
        try (var rows = CallRows.open(reader(Files.newInputStream(file)), options.columns(), rules)) {
            Instant lastReport = stopwatch.instant();
            while (rows.hasNext()) {
                var call = rows.next().call();
                if (call.isEmpty()) {
                    continue;
                }
                batch.add(request(job.practiceId(), call.get()));
                if (batch.size() == BATCH) {
                    send(job, batch, actor, counts);
                    if (stopwatch.instant().isAfter(lastReport.plus(PROGRESS_EVERY))) {
                        lastReport = stopwatch.instant();
                        report(job, counts.imported(), counts, progress);
                    }
                }
            }
            send(job, batch, actor, counts);
            report(job, counts.imported(), counts, progress);
        }
    }

    private void send(ImportJob job, List<Intake.IntakeRequest> batch, Actor actor, Counts counts) {
        if (batch.isEmpty()) {
            return;
        }
        var outcome = intake.receiveAll(job.practiceId(), batch, actor);
        counts.created += outcome.created();
        counts.attached += outcome.attached();
        counts.already += outcome.replayed();
        batch.clear();
    }

    private static Intake.IntakeRequest request(UUID practiceId, CallRows.Call call) {
        // A call log lists calls the practice missed; the category column, when there is one, says more.
        return new Intake.IntakeRequest(practiceId, Channel.MISSED_CALL, call.category(), Optional.empty(), Optional.empty(),
                Optional.of(call.phone()), call.name(), call.reason(), Map.of(), Optional.of(call.receivedAt()), Optional.of(call.key()));
    }

    private void phase(ImportJob job, ImportJob.Status status, long total, Progress progress) {
        jobs.phase(job.practiceId(), job.id(), status, total, stopwatch.instant());
        progress.phase(status, total);
    }

    private void report(ImportJob job, long done, Counts counts, Progress progress) {
        jobs.progress(job.practiceId(), job.id(), stopwatch.instant(), done, counts.read, counts.rejected, counts.created, counts.attached, counts.already);
        progress.advance(done);
    }

    private ImportJob finish(ImportJob job, ImportJob.Status status, Optional<String> problem, Counts counts) {
        jobs.progress(job.practiceId(), job.id(), stopwatch.instant(), status == ImportJob.Status.DONE ? counts.imported() : 0, counts.read,
                counts.rejected,
                counts.created, counts.attached, counts.already);
        jobs.finish(job.practiceId(), job.id(), status, problem, clock.instant());
        return jobs.find(job.practiceId(), job.id()).orElseThrow();
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static final class Counts {
        long read;
        long rejected;
        long created;
        long attached;
        long already;

        long imported() {
            return created + attached + already;
        }
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

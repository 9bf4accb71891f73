package org.ringback.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ringback.shared.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import jobs and their error reports. Progress writes commit on their own (no surrounding transaction), so a
 * page polling the job sees them while the import runs.
 */
@Repository
class ImportJobs {

    /** One rejected row's reason, as the error report lists it. */
    record RowError(long line, String field, String problem) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void create(UUID practiceId, UUID id, Instant at, String createdBy, ImportJob.Source source, boolean partial) {
        jdbc.sql("""
                        insert into import_job (practice_id, id, created_at, created_by, source, partial, status)
                        values (:practiceId, :id, :at, :createdBy, :source, :partial, 'WAITING')""")
                .param("practiceId", practiceId).param("id", id).param("at", utc(at)).param("createdBy", createdBy)
                .param("source", source.name()).param("partial", partial)
                .update();
    }

    void phase(UUID practiceId, UUID id, ImportJob.Status status, long total, Instant at) {
        jdbc.sql("""
                        update import_job set status = :status, phase_started_at = :at, progress_at = :at, phase_done = 0,
                            phase_total = :total
                        where practice_id = :practiceId and id = :id""")
                .param("practiceId", practiceId).param("id", id).param("status", status.name()).param("total", total)
                .param("at", utc(at))
                .update();
    }

    void progress(UUID practiceId, UUID id, Instant at, long done, long rowsRead, long rejected, long created, long attached,
                  long already) {
        jdbc.sql("""
                        update import_job set progress_at = :at, phase_done = :done, rows_read = :rowsRead, rows_rejected = :rejected,
                            created = :created, attached = :attached, already_imported = :already
                        where practice_id = :practiceId and id = :id""")
                .param("practiceId", practiceId).param("id", id).param("at", utc(at)).param("done", done).param("rowsRead", rowsRead)
                .param("rejected", rejected).param("created", created).param("attached", attached).param("already", already)
                .update();
    }

    void finish(UUID practiceId, UUID id, ImportJob.Status status, Optional<String> problem, Instant at) {
        jdbc.sql("""
                        update import_job set status = :status, problem = :problem, finished_at = :at
                        where practice_id = :practiceId and id = :id""")
                .param("practiceId", practiceId).param("id", id).param("status", status.name())
                .param("problem", problem.orElse(null)).param("at", utc(at))
                .update();
    }

    void addErrors(UUID practiceId, UUID jobId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        template.batchUpdate("insert into import_error (practice_id, job_id, line, field, problem) values (?, ?, ?, ?, ?)",
                errors, errors.size(), (ps, error) -> {
                    ps.setObject(1, practiceId);
                    ps.setObject(2, jobId);
                    ps.setLong(3, error.line());
                    ps.setString(4, error.field());
                    ps.setString(5, error.problem());
                });
    }

    Optional<ImportJob> find(UUID practiceId, UUID id) {
        return jdbc.sql("select * from import_job where practice_id = :practiceId and id = :id")
                .param("practiceId", practiceId).param("id", id)
                .query(ImportJobs::job).optional();
    }

    List<ImportJob> recent(UUID practiceId, int limit) {
        return jdbc.sql("select * from import_job where practice_id = :practiceId order by created_at desc, id limit :limit")
                .param("practiceId", practiceId).param("limit", limit)
                .query(ImportJobs::job).list();
    }

    /** Writes the job's error report as CSV (line, field, problem), streaming from the database inside a transaction. */
    void writeReport(UUID practiceId, UUID jobId, Writer out) {
        try {
            var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("line", "field", "problem").get());
            var streaming = new JdbcTemplate(template.getDataSource());
            streaming.setFetchSize(1000);
            streaming.query("select line, field, problem from import_error where practice_id = ? and job_id = ? order by line, field",
                    rs -> {
                        try {
                            printer.printRecord(rs.getLong(1), rs.getString(2), rs.getString(3));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, practiceId, jobId);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportJob job(ResultSet rs, int row) throws SQLException {
        return new ImportJob(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class), instant(rs, "created_at"),
                rs.getString("created_by"), ImportJob.Source.valueOf(rs.getString("source")), rs.getBoolean("partial"),
                ImportJob.Status.valueOf(rs.getString("status")), Optional.ofNullable(instant(rs, "phase_started_at")),
                Optional.ofNullable(instant(rs, "progress_at")),
                rs.getLong("phase_done"), rs.getLong("phase_total"), rs.getLong("rows_read"), rs.getLong("rows_rejected"),
                rs.getLong("created"), rs.getLong("attached"), rs.getLong("already_imported"),
                Optional.ofNullable(instant(rs, "finished_at")), Optional.ofNullable(rs.getString("problem")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Object utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    static Refusal.NotFound notFound() {
        return new Refusal.NotFound("Import");
    }
}

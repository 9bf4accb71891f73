package org.ringback.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One import as it runs and after: its phase, progress in the phase, and counts. */
public record ImportJob(UUID practiceId, UUID id, Instant createdAt, String createdBy, Source source, boolean partial,
                        Status status, Optional<Instant> phaseStartedAt, Optional<Instant> progressAt, long phaseDone, long phaseTotal, long rowsRead,
                        long rowsRejected, long created, long attached, long alreadyImported, Optional<Instant> finishedAt,
                        Optional<String> problem) {

    /** Where the file came from. */
    public enum Source { COMMAND, UPLOAD }

    /** WAITING → CHECKING (every row validated) → IMPORTING (good rows through intake) → DONE; or REFUSED / FAILED. */
    public enum Status {
        WAITING, CHECKING, IMPORTING, REFUSED, DONE, FAILED;

        public boolean finished() {
            return this == REFUSED || this == DONE || this == FAILED;
        }
    }

    public boolean finished() {
        return status.finished();
    }

    /** Units of the phase per second up to the last progress report (bytes while checking, rows while importing). */
    public Optional<Double> rate() {
        return phaseStartedAt.flatMap(start -> progressAt.map(at -> Duration.between(start, at).toMillis()))
                .filter(millis -> millis > 0 && phaseDone > 0)
                .map(millis -> phaseDone * 1000.0 / millis);
    }

    /** The time left in the phase at the rate so far. */
    public Optional<Duration> eta() {
        return rate().filter(rate -> rate > 0 && phaseTotal >= phaseDone)
                .map(rate -> Duration.ofSeconds((long) Math.ceil((phaseTotal - phaseDone) / rate)));
    }

    public int percent() {
        return phaseTotal <= 0 ? 0 : (int) Math.min(100, phaseDone * 100 / phaseTotal);
    }
}

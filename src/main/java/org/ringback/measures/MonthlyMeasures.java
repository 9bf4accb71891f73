package org.ringback.measures;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The measures of one calendar month for many practices. A practice's month comes from its stored summary while
 * that is valid; otherwise the weekly pack's rows and calculator compute it, {@value #CHUNK} practices of one time
 * zone per statement, and a settled month is kept as a summary. So an organisation's month reads one row per
 * practice once its months are summarised, and exactly what a fresh computation would give (V1_180).
 */
@Service
class MonthlyMeasures {

    /** Practices read per statement: bounded, so the heap holds one chunk's rows. */
    static final int CHUNK = 250;

    private final MeasureRows rows;
    private final MonthSummaries summaries;
    private final PracticeDirectory practices;
    private final TransactionTemplate readingOneSnapshot;
    private final TransactionTemplate storing;
    private final Clock clock;

    MonthlyMeasures(MeasureRows rows, MonthSummaries summaries, PracticeDirectory practices,
                    PlatformTransactionManager transactionManager, Clock clock) {
        this.rows = rows;
        this.summaries = summaries;
        this.practices = practices;
        this.readingOneSnapshot = new TransactionTemplate(transactionManager);
        this.readingOneSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.storing = new TransactionTemplate(transactionManager);
        this.storing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The month's measures of each practice. Runs in the caller's REPEATABLE READ transaction: the rows it reads and
     * the snapshot it keeps with a new summary must be the same.
     */
    Map<UUID, PeriodMeasures> measure(List<Practice> of, ReportPeriod month) {
        if (!Integer.valueOf(Connection.TRANSACTION_REPEATABLE_READ)
                .equals(TransactionSynchronizationManager.getCurrentTransactionIsolationLevel())) {
            throw new IllegalStateException("month measures must be read in one snapshot (REPEATABLE READ)");
        }
        Instant now = clock.instant();
        String snapshot = summaries.currentSnapshot();
        Map<UUID, PeriodMeasures> measured = new HashMap<>(summaries.valid(of.stream().map(Practice::id).toList(), month.start()));
        Map<ZoneId, List<Practice>> missingByZone = new LinkedHashMap<>();
        for (Practice practice : of) {
            if (!measured.containsKey(practice.id())) {
                missingByZone.computeIfAbsent(practice.timeZone(), zone -> new ArrayList<>()).add(practice);
            }
        }
        List<MonthSummaries.Summary> settled = new ArrayList<>();
        missingByZone.forEach((zone, members) -> {
            for (int from = 0; from < members.size(); from += CHUNK) {
                List<Practice> chunk = members.subList(from, Math.min(members.size(), from + CHUNK));
                Map<UUID, PeriodRows> loaded = rows.loadAll(chunk.stream().map(Practice::id).toList(), zone, month, now);
                for (Practice practice : chunk) {
                    PeriodRows practiceRows = loaded.get(practice.id());
                    PeriodMeasures measures = MeasureCalculator.compute(practiceRows, practice.calendar());
                    measured.put(practice.id(), measures);
                    if (settled(practiceRows, now)) {
                        settled.add(new MonthSummaries.Summary(practice.id(), month.start(), practiceRows.to(), measures));
                    }
                }
            }
        });
        if (!settled.isEmpty()) {
            storing.executeWithoutResult(status -> summaries.store(settled, snapshot, now));
        }
        return measured;
    }

    /**
     * A month's measures stop moving with the clock once it is over and every item's first-attempt promise can be
     * judged (attempted, or due by now); from then on only a change to the rows alters them.
     */
    static boolean settled(PeriodRows rows, Instant now) {
        return !rows.to().isAfter(now) && rows.items().stream()
                .allMatch(item -> item.firstAttemptAt().isPresent() || !item.firstAttemptDueAt().isAfter(now));
    }

    /**
     * The scheduled upkeep: the previous month summarised for every practice whose summary is missing or invalid,
     * invalid summaries of other months removed, and change notes no summary needs any more forgotten.
     */
    void refresh() {
        ReportPeriod previous = ReportPeriod.month(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).minusMonths(1));
        readingOneSnapshot.executeWithoutResult(status -> measure(practices.all(), previous));
        storing.executeWithoutResult(status -> {
            summaries.deleteInvalid();
            summaries.pruneChanges();
        });
    }
}

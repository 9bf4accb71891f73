package org.ringback.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One practice's weekly review pack: the week against the week before and an optional baseline period, the
 * on-time trend of the weeks up to it, and (for managers) the second-call review sample.
 */
public record WeeklyReport(UUID practiceId, String practiceName, String timeZone, PeriodMeasures week,
                           PeriodMeasures previousWeek, Optional<PeriodMeasures> baseline, List<TrendPoint> onTimeTrend,
                           Optional<List<SampleItem>> secondCallSample) {

    /** First attempts on time in one week (by its Monday). */
    public record TrendPoint(String week, LocalDate monday, Share onTime) {
    }

    /** A repeat-call item of the sample with its history (no patient data: kinds, times, results, outcomes). */
    public record SampleItem(UUID id, String category, String channel, Instant receivedAt,
                             Optional<UUID> secondCallOf, int attachedRepeats, List<HistoryLine> history) {
    }

    /** One timeline event, with only the detail that carries no patient data. */
    public record HistoryLine(UUID callbackId, Instant at, String type, String actor, String detail) {
    }
}

package org.ringback.measures;

import java.util.List;
import java.util.UUID;

/**
 * The organisation's month: the same measures as the weekly pack, for every practice the caller works, side by
 * side (no item sample and no comparison period: that is the per-practice pack's job).
 */
public record MonthlyRollup(String month, List<PracticeMonth> practices) {

    /** One practice's measures for the month, read in its own time zone. */
    public record PracticeMonth(UUID practiceId, String practiceName, String timeZone, PeriodMeasures measures) {
    }
}

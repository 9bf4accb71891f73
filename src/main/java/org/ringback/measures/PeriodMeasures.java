package org.ringback.measures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The measures of one practice over one period, as docs/measures.md defines them. Item measures follow the
 * items received in the period up to {@code asOf}; attempts, escalations and waits count when they happened
 * in the period; the backlog is the open items at {@code backlogAt} (the period's end, or now if sooner).
 */
public record PeriodMeasures(
        String period,
        Instant from,
        Instant to,
        Instant asOf,
        int volume,
        int repeatCallsAttached,
        Timing firstAttempt,
        Share firstAttemptOnTime,
        Share reach,
        Map<String, Share> reachByWindow,
        Map<DayOfWeek, Share> reachByWeekday,
        Share bookingConversion,
        Timing resolution,
        Share resolved,
        Instant backlogAt,
        Map<BacklogAge, Integer> backlogByAge,
        Escalations escalations,
        Share secondCalls,
        List<CategoryRepeats> secondCallsByCategory,
        Map<String, Integer> waitingReasons,
        List<PromiseKeeping> promisesHardToKeep,
        int[][] arrivals,
        Map<String, List<Slice>> breakdowns) {

    /** How long the open items at the backlog moment had been open, in calendar time. */
    public enum BacklogAge { UNDER_1_DAY, DAYS_1_TO_3, DAYS_3_TO_7, OVER_7_DAYS }

    /**
     * @param total       escalation events in the period (each level counts once)
     * @param clinicalItems items received in the period with CLINICAL or EMERGENCY urgency or a clinical category
     * @param clinicalRoutedToClinical of those, the items whose queue is CLINICAL
     */
    public record Escalations(int total, int toLevel1, int toLevel2, int clinicalItems, int clinicalRoutedToClinical) {
    }

    /** Repeat calls of a category: second-call items plus calls attached to open items, out of all contacts. */
    public record CategoryRepeats(String category, int secondCallItems, int attachedCalls, Share rate) {
    }

    /** A category's first-attempt promise: of the items that counted, how many missed the window. */
    public record PromiseKeeping(String category, int counted, int missed, Share missedShare) {
    }

    /** One row of a breakdown by category, channel or queue. */
    public record Slice(String key, int volume, Share onTime, Timing firstAttempt, Share resolved) {
    }

    public int backlogTotal() {
        return backlogByAge.values().stream().mapToInt(Integer::intValue).sum();
    }
}

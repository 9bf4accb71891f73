package org.ringback.measures;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored facts one period's measures are computed from, as {@link MeasureRows} reads them. */
record PeriodRows(ReportPeriod period, Instant from, Instant to, Instant asOf, Instant backlogAt,
                  List<Item> items, List<ReachTally> reach, List<EventTally> events, int[][] arrivals,
                  List<Instant> backlogReceivedAt) {

    /** A callback received in the period, with the moments its measures need. */
    record Item(UUID id, String category, String channel, String queue, String urgency, Instant receivedAt,
                Instant firstAttemptDueAt, Optional<Instant> firstAttemptAt, Optional<Instant> resolvedAt,
                Optional<Instant> closedAt, Optional<String> outcome, boolean secondCall, boolean schedulingCategory,
                boolean clinicalCategory, int attachedRepeats, List<Pause> patientPauses) {
    }

    /** A stretch of real time the item waited on the patient (the resolution clock's pause). */
    record Pause(Instant from, Instant to) {
    }

    /** Phone attempts made in the period in one call window on one local weekday, and how many reached the patient. */
    record ReachTally(String window, DayOfWeek day, int attempts, int reached) {
    }

    /** Timeline events of one kind in the period, per category and detail (waiting reason or escalation level). */
    record EventTally(String type, String category, String detail, int count) {
    }
}

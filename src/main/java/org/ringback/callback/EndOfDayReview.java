package org.ringback.callback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The end-of-day review of DESIGN.md: six buckets of open items, each a list of one-line summaries. */
public record EndOfDayReview(LocalDate date, List<Item> dueToday, List<Item> noAttemptYet, List<Item> waitingOnPatient,
                             List<Item> waitingOnInternal, List<Item> needsEscalation, List<Item> canBeClosedPerPolicy) {

    /** One open item as the review lists it: no patient data beyond what identifies the work. */
    public record Item(String id, String summary, Urgency urgency, String category, String queue, String owner,
                       Status status, Instant dueAt, Instant nextActionAt) {
    }
}

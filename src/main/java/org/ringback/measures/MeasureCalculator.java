package org.ringback.measures;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ringback.measures.PeriodMeasures.BacklogAge;
import org.ringback.measures.PeriodRows.Item;
import org.ringback.practice.BusinessCalendar;

/**
 * Turns a period's stored rows into its measures, exactly as docs/measures.md defines them. Plain Java: the
 * practice's {@link BusinessCalendar} counts business minutes (hours, holidays, closures, DST), no clock inside.
 */
final class MeasureCalculator {

    static final String CLINICAL_QUEUE = "CLINICAL";

    private MeasureCalculator() {
    }

    static PeriodMeasures compute(PeriodRows rows, BusinessCalendar calendar) {
        List<Item> items = rows.items();
        return new PeriodMeasures(rows.period().label(), rows.from(), rows.to(), rows.asOf(), items.size(),
                items.stream().mapToInt(Item::attachedRepeats).sum(),
                firstAttempt(items, calendar), onTime(items, rows.asOf()),
                reach(rows.reach()), reachByWindow(rows.reach()), reachByWeekday(rows.reach()),
                bookingConversion(items), resolution(items, calendar), resolved(items),
                rows.backlogAt(), backlog(rows.backlogReceivedAt(), rows.backlogAt()), escalations(rows, items),
                secondCalls(items), secondCallsByCategory(items), waitingReasons(rows.events()),
                promisesHardToKeep(items, rows.asOf()), rows.arrivals(), breakdowns(items, rows.asOf(), calendar));
    }

    // ---- first attempt ----

    /** Received → first attempt of every attempted item, in business minutes (the clock starts at the next opening). */
    static Timing firstAttempt(List<Item> items, BusinessCalendar calendar) {
        return Timing.of(items.stream().filter(i -> i.firstAttemptAt().isPresent())
                .map(i -> businessMinutes(calendar, i.receivedAt(), i.firstAttemptAt().get())).toList());
    }

    /**
     * An item counts once its promise is testable: it was attempted, or its due time has passed by {@code asOf}
     * without it being closed first (closed before the due time without an attempt: nothing left to keep).
     */
    static boolean countsForOnTime(Item item, Instant asOf) {
        if (item.firstAttemptAt().isPresent()) {
            return true;
        }
        boolean due = !item.firstAttemptDueAt().isAfter(asOf);
        boolean closedBeforeDue = item.closedAt().isPresent() && !item.closedAt().get().isAfter(item.firstAttemptDueAt());
        return due && !closedBeforeDue;
    }

    static boolean onTime(Item item) {
        return item.firstAttemptAt().isPresent() && !item.firstAttemptAt().get().isAfter(item.firstAttemptDueAt());
    }

    static Share onTime(List<Item> items, Instant asOf) {
        int counted = 0;
        int kept = 0;
        for (Item item : items) {
            if (countsForOnTime(item, asOf)) {
                counted++;
                kept += onTime(item) ? 1 : 0;
            }
        }
        return Share.of(kept, counted);
    }

    // ---- reach ----

    static Share reach(List<PeriodRows.ReachTally> tallies) {
        return tallies.stream().map(t -> Share.of(t.reached(), t.attempts())).reduce(Share.NONE, Share::plus);
    }

    static Map<String, Share> reachByWindow(List<PeriodRows.ReachTally> tallies) {
        Map<String, Share> byWindow = new TreeMap<>();
        tallies.forEach(t -> byWindow.merge(t.window(), Share.of(t.reached(), t.attempts()), Share::plus));
        return byWindow;
    }

    static Map<DayOfWeek, Share> reachByWeekday(List<PeriodRows.ReachTally> tallies) {
        Map<DayOfWeek, Share> byDay = new EnumMap<>(DayOfWeek.class);
        tallies.forEach(t -> byDay.merge(t.day(), Share.of(t.reached(), t.attempts()), Share::plus));
        return byDay;
    }

    // ---- outcomes ----

    /** Of the closed items of scheduling categories, those closed as BOOKED. */
    static Share bookingConversion(List<Item> items) {
        List<Item> closed = items.stream().filter(i -> i.schedulingCategory() && i.closedAt().isPresent()).toList();
        int booked = (int) closed.stream().filter(i -> i.outcome().filter("BOOKED"::equals).isPresent()).count();
        return Share.of(booked, closed.size());
    }

    /** Received → resolved in business minutes, less the business minutes spent waiting on the patient. */
    static Timing resolution(List<Item> items, BusinessCalendar calendar) {
        List<Long> minutes = new ArrayList<>();
        for (Item item : items) {
            if (item.resolvedAt().isEmpty()) {
                continue;
            }
            Instant resolved = item.resolvedAt().get();
            Duration open = calendar.businessTimeBetween(item.receivedAt(), resolved);
            for (PeriodRows.Pause pause : item.patientPauses()) {
                Instant end = pause.to().isAfter(resolved) ? resolved : pause.to();
                open = open.minus(calendar.businessTimeBetween(pause.from(), end));
            }
            minutes.add(Math.max(0, open.toMinutes()));
        }
        return Timing.of(minutes);
    }

    static Share resolved(List<Item> items) {
        return Share.of((int) items.stream().filter(i -> i.resolvedAt().isPresent()).count(), items.size());
    }

    // ---- backlog, escalations, repeats, waits ----

    static Map<BacklogAge, Integer> backlog(List<Instant> receivedAt, Instant at) {
        Map<BacklogAge, Integer> buckets = new EnumMap<>(BacklogAge.class);
        for (BacklogAge age : BacklogAge.values()) {
            buckets.put(age, 0);
        }
        receivedAt.forEach(received -> buckets.merge(ageBucket(Duration.between(received, at)), 1, Integer::sum));
        return buckets;
    }

    static BacklogAge ageBucket(Duration age) {
        long hours = age.toHours();
        return hours < 24 ? BacklogAge.UNDER_1_DAY : hours < 72 ? BacklogAge.DAYS_1_TO_3
                : hours < 168 ? BacklogAge.DAYS_3_TO_7 : BacklogAge.OVER_7_DAYS;
    }

    static boolean clinical(Item item) {
        return item.clinicalCategory() || item.urgency().equals("CLINICAL") || item.urgency().equals("EMERGENCY");
    }

    static PeriodMeasures.Escalations escalations(PeriodRows rows, List<Item> items) {
        int level1 = 0;
        int level2 = 0;
        for (PeriodRows.EventTally tally : rows.events()) {
            if (tally.type().equals("ESCALATED")) {
                if (tally.detail().equals("1")) {
                    level1 += tally.count();
                } else {
                    level2 += tally.count();
                }
            }
        }
        List<Item> clinical = items.stream().filter(MeasureCalculator::clinical).toList();
        int routed = (int) clinical.stream().filter(i -> i.queue().equals(CLINICAL_QUEUE)).count();
        return new PeriodMeasures.Escalations(level1 + level2, level1, level2, clinical.size(), routed);
    }

    /** Repeat calls (second-call items and calls attached to open items) out of all contacts of the period's items. */
    static Share secondCalls(List<Item> items) {
        int repeats = items.stream().mapToInt(i -> (i.secondCall() ? 1 : 0) + i.attachedRepeats()).sum();
        int contacts = items.size() + items.stream().mapToInt(Item::attachedRepeats).sum();
        return Share.of(repeats, contacts);
    }

    static List<PeriodMeasures.CategoryRepeats> secondCallsByCategory(List<Item> items) {
        Map<String, List<Item>> byCategory = items.stream().collect(Collectors.groupingBy(Item::category, TreeMap::new, Collectors.toList()));
        List<PeriodMeasures.CategoryRepeats> rows = new ArrayList<>();
        byCategory.forEach((category, ofCategory) -> {
            int second = (int) ofCategory.stream().filter(Item::secondCall).count();
            int attached = ofCategory.stream().mapToInt(Item::attachedRepeats).sum();
            rows.add(new PeriodMeasures.CategoryRepeats(category, second, attached, secondCalls(ofCategory)));
        });
        rows.sort(Comparator.comparingInt((PeriodMeasures.CategoryRepeats r) -> r.secondCallItems() + r.attachedCalls()).reversed()
                .thenComparing(PeriodMeasures.CategoryRepeats::category));
        return rows;
    }

    static Map<String, Integer> waitingReasons(List<PeriodRows.EventTally> events) {
        Map<String, Integer> reasons = new TreeMap<>();
        events.stream().filter(e -> e.type().equals("WAITING_STARTED"))
                .forEach(e -> reasons.merge(e.detail(), e.count(), Integer::sum));
        return reasons;
    }

    /** Categories by how often their first-attempt window was missed, worst first (ties: more misses, then name). */
    static List<PeriodMeasures.PromiseKeeping> promisesHardToKeep(List<Item> items, Instant asOf) {
        List<PeriodMeasures.PromiseKeeping> rows = new ArrayList<>();
        items.stream().collect(Collectors.groupingBy(Item::category, TreeMap::new, Collectors.toList()))
                .forEach((category, ofCategory) -> {
                    Share kept = onTime(ofCategory, asOf);
                    if (kept.of() > 0) {
                        int missed = kept.of() - kept.count();
                        rows.add(new PeriodMeasures.PromiseKeeping(category, kept.of(), missed, Share.of(missed, kept.of())));
                    }
                });
        rows.sort(Comparator.comparing((PeriodMeasures.PromiseKeeping p) -> p.missedShare().share()).reversed()
                .thenComparing(Comparator.comparingInt(PeriodMeasures.PromiseKeeping::missed).reversed())
                .thenComparing(PeriodMeasures.PromiseKeeping::category));
        return rows;
    }

    // ---- breakdowns ----

    static Map<String, List<PeriodMeasures.Slice>> breakdowns(List<Item> items, Instant asOf, BusinessCalendar calendar) {
        Map<String, List<PeriodMeasures.Slice>> breakdowns = new LinkedHashMap<>();
        breakdowns.put("category", slices(items, Item::category, asOf, calendar));
        breakdowns.put("channel", slices(items, Item::channel, asOf, calendar));
        breakdowns.put("queue", slices(items, Item::queue, asOf, calendar));
        return breakdowns;
    }

    private static List<PeriodMeasures.Slice> slices(List<Item> items, Function<Item, String> key, Instant asOf,
                                                     BusinessCalendar calendar) {
        List<PeriodMeasures.Slice> slices = new ArrayList<>();
        items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()))
                .forEach((value, group) -> slices.add(new PeriodMeasures.Slice(value, group.size(), onTime(group, asOf),
                        firstAttempt(group, calendar), resolved(group))));
        return slices;
    }

    /** Whole business minutes, seconds dropped. */
    static long businessMinutes(BusinessCalendar calendar, Instant from, Instant to) {
        return calendar.businessTimeBetween(from, to).toMinutes();
    }
}

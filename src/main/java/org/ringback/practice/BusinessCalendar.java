package org.ringback.practice;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A practice's business time: its time zone, weekly opening intervals, public holidays and own closures.
 * Every deadline the desk promises is counted in this time, never in wall-clock hours, and DST-correct.
 * Plain Java: no clock inside, instants come in.
 *
 * <p>Each local date owns the real time from its start to the next date's start, and its open periods are
 * clipped to that span, so periods never overlap across days and an interval ending at 24:00 runs straight
 * into the next day's 00:00 opening (a 24/7 practice is one unbroken stretch, whatever DST does).
 * Searches give up after about three years of closed days in a row, so that a calendar closed for good
 * fails loudly instead of looping.
 */
public final class BusinessCalendar {

    /** About three years: longer than any real closure, short enough to fail fast on a misconfigured calendar. */
    private static final int MAX_CLOSED_DAYS = 3 * 366;
    /** More dates than any deadline arithmetic of one calendar touches; past it the cache starts again. */
    private static final int MAX_CACHED_DATES = 4096;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningInterval>> weeklyHours;
    private final Holidays holidays;
    private final Set<LocalDate> closures;
    /**
     * The open periods of the dates asked for: the calendar never changes, and due-time arithmetic asks for the same
     * few dates over and over (a tenth of the data generator's profile samples recomputed them).
     */
    private final Map<LocalDate, List<OpenPeriod>> periodsByDate = new ConcurrentHashMap<>();

    /** An open stretch of real time, [start, end). */
    public record OpenPeriod(Instant start, Instant end) {
    }

    /**
     * @throws IllegalArgumentException when two intervals of a weekday overlap or no weekday has opening hours
     */
    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> weeklyHours,
                            Holidays holidays, Set<LocalDate> closures) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(weeklyHours, "weeklyHours");
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.closures = Set.copyOf(Objects.requireNonNull(closures, "closures"));
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        weeklyHours.forEach((day, intervals) -> {
            if (day != null && intervals != null && !intervals.isEmpty()) {
                hours.put(day, normalised(day, intervals));
            }
        });
        if (hours.isEmpty()) {
            throw new IllegalArgumentException("A practice needs opening hours on at least one weekday.");
        }
        this.weeklyHours = hours;
    }

    /** Sorts a weekday's intervals, refuses overlaps and joins intervals that touch (12:00–12:00 is no break). */
    private static List<OpeningInterval> normalised(DayOfWeek day, List<OpeningInterval> intervals) {
        List<OpeningInterval> sorted = intervals.stream()
                .map(interval -> Objects.requireNonNull(interval, "opening interval"))
                .sorted(Comparator.comparing(OpeningInterval::start))
                .toList();
        List<OpeningInterval> joined = new ArrayList<>();
        for (OpeningInterval next : sorted) {
            if (joined.isEmpty()) {
                joined.add(next);
                continue;
            }
            OpeningInterval last = joined.get(joined.size() - 1);
            if (last.endsAtMidnight() || last.end().isAfter(next.start())) {
                throw new IllegalArgumentException("Opening hours on " + day + " overlap: "
                        + describe(last) + " and " + describe(next) + ".");
            }
            if (last.end().equals(next.start())) {
                joined.set(joined.size() - 1, new OpeningInterval(last.start(), next.end()));
            } else {
                joined.add(next);
            }
        }
        return List.copyOf(joined);
    }

    private static String describe(OpeningInterval interval) {
        return interval.start() + "–" + (interval.endsAtMidnight() ? "24:00" : interval.end().toString());
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate localDate(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    /**
     * A day with opening hours that is neither a public holiday nor a closure. A day whose only hours fall
     * into a DST gap (so no real time is open) is not a business day either: nothing could be promised on it.
     */
    public boolean isBusinessDay(LocalDate date) {
        return !openPeriods(date).isEmpty();
    }

    public boolean isOpenAt(Instant t) {
        for (OpenPeriod period : openPeriods(localDate(t))) {
            if (!t.isBefore(period.start()) && t.isBefore(period.end())) {
                return true;
            }
        }
        return false;
    }

    /** The open periods of a local date, in order; empty when it is not a business day. */
    public List<OpenPeriod> openPeriods(LocalDate date) {
        List<OpenPeriod> cached = periodsByDate.get(date);
        if (cached != null) {
            return cached;
        }
        List<OpenPeriod> periods = computeOpenPeriods(date);
        if (periodsByDate.size() >= MAX_CACHED_DATES) {
            periodsByDate.clear();
        }
        periodsByDate.put(date, periods);
        return periods;
    }

    private List<OpenPeriod> computeOpenPeriods(LocalDate date) {
        List<OpeningInterval> intervals = weeklyHours.get(date.getDayOfWeek());
        if (intervals == null || closures.contains(date) || holidays.isHoliday(date)) {
            return List.of();
        }
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        List<OpenPeriod> periods = new ArrayList<>(intervals.size());
        for (OpeningInterval interval : intervals) {
            Instant start = max(at(date, interval.start()), dayStart);
            Instant end = interval.endsAtMidnight() ? dayEnd : min(at(date, interval.end()), dayEnd);
            if (end.isAfter(start)) {
                periods.add(new OpenPeriod(start, end));
            }
        }
        return merged(periods);
    }

    /**
     * Local times in a DST gap move forward by the gap's length, so two intervals that were apart in local
     * time can meet or overlap in real time; merge them to keep periods ordered and disjoint.
     */
    private static List<OpenPeriod> merged(List<OpenPeriod> periods) {
        if (periods.size() < 2) {
            return List.copyOf(periods);
        }
        periods.sort(Comparator.comparing(OpenPeriod::start));
        List<OpenPeriod> merged = new ArrayList<>(periods.size());
        for (OpenPeriod period : periods) {
            OpenPeriod last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !last.end().isBefore(period.start())) {
                merged.set(merged.size() - 1, new OpenPeriod(last.start(), max(last.end(), period.end())));
            } else {
                merged.add(period);
            }
        }
        return List.copyOf(merged);
    }

    /** {@code t} itself when open, else the start of the next open period. */
    public Instant nextOpenAt(Instant t) {
        LocalDate date = localDate(t);
        for (int closedDays = 0; closedDays <= MAX_CLOSED_DAYS; closedDays++, date = date.plusDays(1)) {
            for (OpenPeriod period : openPeriods(date)) {
                if (period.end().isAfter(t)) {
                    return max(period.start(), t);
                }
            }
        }
        throw closedForGood(localDate(t));
    }

    /**
     * The instant reached after {@code amount} of open time has passed from {@code start}. A zero amount
     * gives {@link #nextOpenAt}; an amount that runs out exactly at a close gives that close, not the next opening.
     *
     * @throws IllegalArgumentException for a negative amount
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A business duration cannot be negative.");
        }
        if (amount.isZero()) {
            return nextOpenAt(start);
        }
        Duration remaining = amount;
        LocalDate date = localDate(start);
        int closedDays = 0;
        while (closedDays <= MAX_CLOSED_DAYS) {
            boolean openThisDay = false;
            for (OpenPeriod period : openPeriods(date)) {
                if (!period.end().isAfter(start)) {
                    continue;
                }
                openThisDay = true;
                Instant from = max(period.start(), start);
                Duration available = Duration.between(from, period.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            closedDays = openThisDay ? 0 : closedDays + 1;
            date = date.plusDays(1);
        }
        throw closedForGood(date);
    }

    /**
     * The latest instant from which {@code amount} of open time has passed by {@code end}: every instant at or before
     * it is at least that much open time before {@code end}, every later one less (the inverse of {@link
     * #businessTimeBetween}, as {@link #plusBusinessTime} is going forward).
     *
     * @throws IllegalArgumentException for a negative amount
     */
    public Instant minusBusinessTime(Instant end, Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A business duration cannot be negative.");
        }
        if (amount.isZero()) {
            return end;
        }
        Duration remaining = amount;
        LocalDate date = localDate(end);
        int closedDays = 0;
        while (closedDays <= MAX_CLOSED_DAYS) {
            boolean openThisDay = false;
            List<OpenPeriod> periods = openPeriods(date);
            for (int i = periods.size() - 1; i >= 0; i--) {
                OpenPeriod period = periods.get(i);
                if (!period.start().isBefore(end)) {
                    continue;
                }
                openThisDay = true;
                Instant to = min(period.end(), end);
                Duration available = Duration.between(period.start(), to);
                if (remaining.compareTo(available) <= 0) {
                    return to.minus(remaining);
                }
                remaining = remaining.minus(available);
            }
            closedDays = openThisDay ? 0 : closedDays + 1;
            date = date.minusDays(1);
        }
        throw closedForGood(date);
    }

    /** The open time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = localDate(to);
        for (LocalDate date = localDate(from); !date.isAfter(last); date = date.plusDays(1)) {
            for (OpenPeriod period : openPeriods(date)) {
                Instant start = max(period.start(), from);
                Instant end = min(period.end(), to);
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The close of the last open period of the date; empty when it is not a business day. */
    public Optional<Instant> endOfBusinessDay(LocalDate date) {
        List<OpenPeriod> periods = openPeriods(date);
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(periods.size() - 1).end());
    }

    /** The first business day strictly after {@code date}. */
    public LocalDate nextBusinessDay(LocalDate date) {
        LocalDate candidate = date.plusDays(1);
        for (int closedDays = 0; closedDays <= MAX_CLOSED_DAYS; closedDays++, candidate = candidate.plusDays(1)) {
            if (isBusinessDay(candidate)) {
                return candidate;
            }
        }
        throw closedForGood(date);
    }

    /** The instant of a local time on a date, resolving DST gaps forward and overlaps to the earlier offset. */
    public Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static IllegalStateException closedForGood(LocalDate from) {
        return new IllegalStateException("The practice has no opening hours within three years after " + from
                + "; check its hours, holidays and closures.");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

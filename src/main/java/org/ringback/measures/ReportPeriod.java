package org.ringback.measures;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringback.shared.Refusal;

/**
 * A reporting period of whole local days [start, end), read in the practice's time zone: an ISO week
 * (Monday to Sunday, so a DST week has 167 or 169 hours), a calendar month, or a chosen baseline range of dates.
 */
public record ReportPeriod(LocalDate start, LocalDate end, String label) {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    /** A baseline longer than a year is not a "before" any more, and would make one report read a whole history. */
    private static final int MAX_RANGE_DAYS = 366;

    public ReportPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    /**
     * @param text an ISO week such as {@code 2026-W48}
     * @throws Refusal.InvalidInput for anything else, or a week the year does not have
     */
    public static ReportPeriod isoWeek(String field, String text) {
        Matcher m = text == null ? null : ISO_WEEK.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new Refusal.InvalidInput(field, "must be an ISO week such as 2026-W48");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate midYear = LocalDate.of(year, 6, 1);
        if (week < 1 || week > midYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new Refusal.InvalidInput(field, "the year " + year + " has no week " + week);
        }
        LocalDate monday = midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return week(monday);
    }

    /** The ISO week that starts on this Monday. */
    public static ReportPeriod week(LocalDate monday) {
        return new ReportPeriod(monday, monday.plusDays(7), "%d-W%02d".formatted(
                monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    /**
     * @param text a calendar month such as {@code 2026-10}
     * @throws Refusal.InvalidInput for anything else, or a month 13
     */
    public static ReportPeriod month(String field, String text) {
        Matcher m = text == null ? null : MONTH.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new Refusal.InvalidInput(field, "must be a month such as 2026-10");
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new Refusal.InvalidInput(field, "has no month " + month);
        }
        return month(YearMonth.of(Integer.parseInt(m.group(1)), month));
    }

    /** The whole calendar month, first day to last, in local days. */
    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.plusMonths(1).atDay(1), month.toString());
    }

    /**
     * @param text two dates, both included: {@code 2026-10-01..2026-10-31}
     * @throws Refusal.InvalidInput for anything else, a reversed range or one longer than a year
     */
    public static ReportPeriod range(String field, String text) {
        Matcher m = text == null ? null : RANGE.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new Refusal.InvalidInput(field, "must be two dates such as 2026-10-01..2026-10-31");
        }
        try {
            LocalDate first = LocalDate.parse(m.group(1));
            LocalDate last = LocalDate.parse(m.group(2));
            if (last.isBefore(first)) {
                throw new Refusal.InvalidInput(field, "the last date is before the first");
            }
            if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
                throw new Refusal.InvalidInput(field, "may span at most " + MAX_RANGE_DAYS + " days");
            }
            return new ReportPeriod(first, last.plusDays(1), first + ".." + last);
        } catch (DateTimeException e) {
            throw new Refusal.InvalidInput(field, "is not a real date");
        }
    }

    public boolean isWeek() {
        return label.contains("-W");
    }

    private boolean isMonth() {
        return MONTH.matcher(label).matches();
    }

    /** The week before this one (for a range: the range of the same length just before it). */
    public ReportPeriod previous() {
        long days = ChronoUnit.DAYS.between(start, end);
        if (isWeek()) {
            return week(start.minusDays(7));
        }
        if (isMonth()) {
            return month(YearMonth.from(start).minusMonths(1));
        }
        LocalDate first = start.minusDays(days);
        return new ReportPeriod(first, start, first + ".." + start.minusDays(1));
    }

    public Instant from(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant to(ZoneId zone) {
        return end.atStartOfDay(zone).toInstant();
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }
}

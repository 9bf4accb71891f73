package org.ringback.practice;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays from the jollyday library for a calendar code such as {@code US} or {@code US-NY}
 * (country, then optional subdivision), cached per year.
 *
 * <p>Only {@link HolidayType#PUBLIC_HOLIDAY} counts: observances (Lincoln's Birthday in New York) and days
 * jollyday types as bank holidays (some British and Canadian regional days) do not close a practice by
 * themselves; a practice that closes on them records them as closures. A holiday counts on its observed day off (Friday 2026-07-03 for Saturday
 * 2026-07-04) and on the actual date, so a practice open on Saturdays is closed on Independence Day too.
 */
public final class JollydayHolidays implements Holidays {

    private final String calendarCode;
    private final HolidayManager manager;
    private final String[] subdivisions;
    private final Map<Integer, Set<LocalDate>> byJollydayYear = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException for a code jollyday does not know */
    public JollydayHolidays(String calendarCode) {
        Objects.requireNonNull(calendarCode, "calendarCode");
        this.calendarCode = calendarCode;
        String[] parts = calendarCode.trim().split("-", -1);
        String country = parts[0].toUpperCase(Locale.ROOT);
        // jollyday throws an IllegalStateException for unknown countries and silently ignores unknown subdivisions.
        if (country.isEmpty() || !HolidayManager.getSupportedCalendarCodes().contains(country)) {
            throw unknown();
        }
        this.manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        this.subdivisions = new String[parts.length - 1];
        CalendarHierarchy level = manager.getCalendarHierarchy();
        for (int i = 1; i < parts.length; i++) {
            String id = parts[i].toLowerCase(Locale.ROOT);
            level = level.getChildren().get(id);
            if (level == null) {
                throw unknown();
            }
            subdivisions[i - 1] = id;
        }
    }

    private IllegalArgumentException unknown() {
        return new IllegalArgumentException("Unknown holiday calendar '" + calendarCode
                + "'; use a country code such as US, optionally with a region such as US-NY.");
    }

    /**
     * Looks in the date's own year and both neighbours, because jollyday files an observed day under the
     * holiday's year: New Year's Day 2022 (a Saturday) is observed on 2021-12-31 but listed in 2022.
     */
    @Override
    public boolean isHoliday(LocalDate date) {
        int year = date.getYear();
        return holidaysOf(year).contains(date)
                || holidaysOf(year + 1).contains(date)
                || holidaysOf(year - 1).contains(date);
    }

    private Set<LocalDate> holidaysOf(int year) {
        return byJollydayYear.computeIfAbsent(year, this::load);
    }

    private Set<LocalDate> load(int year) {
        Set<LocalDate> dates = new HashSet<>();
        for (Holiday holiday : manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, subdivisions)) {
            dates.add(holiday.getDate());
            dates.add(holiday.getActualDate());
        }
        return Set.copyOf(dates);
    }
}

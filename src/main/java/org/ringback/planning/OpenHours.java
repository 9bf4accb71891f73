package org.ringback.planning;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.function.BiPredicate;

/**
 * The weekday × local hours the practice is open. The response target counts in these hours only (DESIGN.md:
 * a response window is business time), and what arrives while closed waits for the next opening. Kept apart
 * from the {@link Roster} so that adding staff never moves the clock.
 */
public final class OpenHours {

    private final boolean[] open;

    private OpenHours(boolean[] open) {
        boolean any = false;
        for (boolean hour : open) {
            any |= hour;
        }
        if (!any) {
            throw new IllegalArgumentException("a desk that is never open cannot be planned");
        }
        this.open = open;
    }

    public static OpenHours of(BiPredicate<DayOfWeek, Integer> open) {
        boolean[] hours = new boolean[WeeklyDemand.HOURS_PER_WEEK];
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                hours[WeeklyDemand.index(day, hour)] = open.test(day, hour);
            }
        }
        return new OpenHours(hours);
    }

    public static OpenHours aroundTheClock() {
        boolean[] hours = new boolean[WeeklyDemand.HOURS_PER_WEEK];
        Arrays.fill(hours, true);
        return new OpenHours(hours);
    }

    /** Monday to Friday from {@code fromHour} up to (not including) {@code toHour}. */
    public static OpenHours weekdays(int fromHour, int toHour) {
        return of((day, hour) -> day.getValue() <= 5 && hour >= fromHour && hour < toHour);
    }

    public boolean isOpen(DayOfWeek day, int hour) {
        return open[WeeklyDemand.index(day, hour)];
    }

    boolean atHourOfWeek(int hourOfWeek) {
        return open[hourOfWeek];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenHours that && Arrays.equals(open, that.open);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(open);
    }

    @Override
    public String toString() {
        int hours = 0;
        for (boolean hour : open) {
            hours += hour ? 1 : 0;
        }
        return "OpenHours[" + hours + " hours/week]";
    }
}

package org.ringback.planning;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.function.ToIntBiFunction;

/**
 * How many people work the callback queue in each weekday × local hour: what the manager edits for a what-if
 * ("a dedicated Monday 9–11 block with 2 staff"). A class rather than a record because it wraps a private array.
 */
public final class Roster {

    private final int[] staff;

    private Roster(int[] staff) {
        for (int people : staff) {
            if (people < 0) {
                throw new IllegalArgumentException("staff cannot be negative, was " + people);
            }
        }
        this.staff = staff;
    }

    public static Roster of(ToIntBiFunction<DayOfWeek, Integer> staff) {
        int[] people = new int[WeeklyDemand.HOURS_PER_WEEK];
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                people[WeeklyDemand.index(day, hour)] = staff.applyAsInt(day, hour);
            }
        }
        return new Roster(people);
    }

    /** The same number of people around the clock, as Erlang C assumes. */
    public static Roster constant(int staff) {
        int[] people = new int[WeeklyDemand.HOURS_PER_WEEK];
        Arrays.fill(people, staff);
        return new Roster(people);
    }

    public static Roster nobody() {
        return constant(0);
    }

    public int staffAt(DayOfWeek day, int hour) {
        return staff[WeeklyDemand.index(day, hour)];
    }

    /** The roster with exactly {@code people} on {@code day} from {@code fromHour} up to (not including) {@code toHour}. */
    public Roster with(DayOfWeek day, int fromHour, int toHour, int people) {
        int[] changed = staff.clone();
        for (int hour : hours(fromHour, toHour)) {
            changed[WeeklyDemand.index(day, hour)] = people;
        }
        return new Roster(changed);
    }

    /** The roster with {@code extra} more people on {@code day} in [{@code fromHour}, {@code toHour}): a dedicated block. */
    public Roster plus(DayOfWeek day, int fromHour, int toHour, int extra) {
        int[] changed = staff.clone();
        for (int hour : hours(fromHour, toHour)) {
            changed[WeeklyDemand.index(day, hour)] += extra;
        }
        return new Roster(changed);
    }

    /** Person-hours per week: what the roster costs. */
    public int staffHoursPerWeek() {
        int total = 0;
        for (int people : staff) {
            total += people;
        }
        return total;
    }

    int atHourOfWeek(int hourOfWeek) {
        return staff[hourOfWeek];
    }

    private static int[] hours(int fromHour, int toHour) {
        if (fromHour < 0 || toHour > 24 || fromHour >= toHour) {
            throw new IllegalArgumentException("a block runs from an hour 0–23 to a later hour up to 24");
        }
        int[] hours = new int[toHour - fromHour];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = fromHour + i;
        }
        return hours;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Roster that && Arrays.equals(staff, that.staff);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(staff);
    }

    @Override
    public String toString() {
        return "Roster[" + staffHoursPerWeek() + " staff-hours/week]";
    }
}

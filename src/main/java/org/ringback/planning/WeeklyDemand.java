package org.ringback.planning;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleBiFunction;

/**
 * Expected arrivals per hour for each weekday × local hour of a typical week: the demand pattern that coverage
 * planning staffs to. A class rather than a record because it wraps an array that must stay private and immutable.
 */
public final class WeeklyDemand {

    static final int HOURS_PER_WEEK = 7 * 24;

    private final double[] arrivalsPerHour;

    private WeeklyDemand(double[] arrivalsPerHour) {
        for (double rate : arrivalsPerHour) {
            if (!(rate >= 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("arrivals per hour must be zero or positive, was " + rate);
            }
        }
        this.arrivalsPerHour = arrivalsPerHour;
    }

    /** @param arrivalsPerHour expected arrivals in the hour starting at {@code hour} (0–23) local time on {@code day} */
    public static WeeklyDemand of(ToDoubleBiFunction<DayOfWeek, Integer> arrivalsPerHour) {
        double[] rates = new double[HOURS_PER_WEEK];
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                rates[index(day, hour)] = arrivalsPerHour.applyAsDouble(day, hour);
            }
        }
        return new WeeklyDemand(rates);
    }

    /** The same rate every hour of the week, as Erlang C assumes. */
    public static WeeklyDemand constant(double arrivalsPerHour) {
        double[] rates = new double[HOURS_PER_WEEK];
        Arrays.fill(rates, arrivalsPerHour);
        return new WeeklyDemand(rates);
    }

    public double arrivalsPerHour(DayOfWeek day, int hour) {
        return arrivalsPerHour[index(day, hour)];
    }

    public double dayTotal(DayOfWeek day) {
        double total = 0;
        for (int hour = 0; hour < 24; hour++) {
            total += arrivalsPerHour[index(day, hour)];
        }
        return total;
    }

    public double weekTotal() {
        double total = 0;
        for (double rate : arrivalsPerHour) {
            total += rate;
        }
        return total;
    }

    /** What-if growth: every hour's demand times {@code factor}. */
    public WeeklyDemand scaled(double factor) {
        double[] rates = arrivalsPerHour.clone();
        for (int i = 0; i < rates.length; i++) {
            rates[i] *= factor;
        }
        return new WeeklyDemand(rates);
    }

    /** Hour of week 0..167, Monday 00:00 first. */
    double atHourOfWeek(int hourOfWeek) {
        return arrivalsPerHour[hourOfWeek];
    }

    static int index(DayOfWeek day, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0–23, was " + hour);
        }
        return (day.getValue() - 1) * 24 + hour;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WeeklyDemand that && Arrays.equals(arrivalsPerHour, that.arrivalsPerHour);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(arrivalsPerHour);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("WeeklyDemand[");
        for (DayOfWeek day : DayOfWeek.values()) {
            text.append(day).append(String.format(Locale.ROOT, "=%.1f", dayTotal(day))).append(day == DayOfWeek.SUNDAY ? "]" : ", ");
        }
        return text.toString();
    }
}

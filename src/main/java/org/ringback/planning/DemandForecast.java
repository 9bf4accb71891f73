package org.ringback.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Expected arrivals per weekday × local hour for a coming week, from the practice's last N weeks: what coverage
 * planning staffs to. Holidays and closures say nothing about a normal week, so their dates are left out; recent
 * weeks say more about next week than old ones, so week w back weighs {@code recencyWeight}^(w−1).
 *
 * <p>The result is a rate (arrivals per clock hour): a local hour's count is divided by how long that hour really
 * lasted. On the day daylight saving time ends the 01:00 hour happens twice (two hours of arrivals), on the day it
 * starts the 02:00 hour does not happen at all; counted as plain counts both would bend the pattern.
 */
public final class DemandForecast {

    private final ZoneId zone;
    private final Predicate<LocalDate> excluded;
    private final int weeks;
    private final double recencyWeight;

    /**
     * @param zone          the practice's time zone
     * @param excluded      dates to leave out: holidays and closures
     * @param weeks         how many past weeks to learn from
     * @param recencyWeight weight of each older week relative to the one after it, in (0, 1]; 1 weighs all equally
     */
    public DemandForecast(ZoneId zone, Predicate<LocalDate> excluded, int weeks, double recencyWeight) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.excluded = Objects.requireNonNull(excluded, "excluded");
        if (weeks < 1) {
            throw new IllegalArgumentException("learn from at least one week");
        }
        if (!(recencyWeight > 0 && recencyWeight <= 1)) {
            throw new IllegalArgumentException("recency weight must be in (0, 1], was " + recencyWeight);
        }
        this.weeks = weeks;
        this.recencyWeight = recencyWeight;
    }

    /**
     * The expected arrivals per hour for the seven days starting {@code weekStart}, learnt from the {@code weeks}
     * weeks before it. A weekday × hour with no usable history (every one of its dates excluded) expects none.
     */
    public WeeklyDemand forecast(Collection<Instant> arrivals, LocalDate weekStart) {
        LocalDate from = weekStart.minusWeeks(weeks);
        int[][] counts = countByDayAndHour(arrivals, from, weeks * 7);
        double[] weightedCounts = new double[WeeklyDemand.HOURS_PER_WEEK];
        double[] weightedHours = new double[WeeklyDemand.HOURS_PER_WEEK];
        for (int day = 0; day < weeks * 7; day++) {
            LocalDate date = from.plusDays(day);
            if (excluded.test(date)) {
                continue;
            }
            int weeksBack = weeks - day / 7;
            double weight = Math.pow(recencyWeight, weeksBack - 1);
            for (int hour = 0; hour < 24; hour++) {
                int index = WeeklyDemand.index(date.getDayOfWeek(), hour);
                weightedCounts[index] += weight * counts[day][hour];
                weightedHours[index] += weight * lengthInHours(date, hour);
            }
        }
        return WeeklyDemand.of((dayOfWeek, hour) -> {
            int index = WeeklyDemand.index(dayOfWeek, hour);
            return weightedHours[index] > 0 ? weightedCounts[index] / weightedHours[index] : 0;
        });
    }

    /** The forecast for {@code weekStart} made from the weeks before it, checked against what came that week. */
    public ForecastAccuracy backtest(Collection<Instant> arrivals, LocalDate weekStart) {
        return accuracy(forecast(arrivals, weekStart), arrivals, weekStart);
    }

    /**
     * Compares {@code forecast} with the arrivals of the seven days starting {@code weekStart}, hour by hour,
     * leaving out excluded dates and the local hour a DST change skips.
     */
    public ForecastAccuracy accuracy(WeeklyDemand forecast, Collection<Instant> arrivals, LocalDate weekStart) {
        int[][] counts = countByDayAndHour(arrivals, weekStart, 7);
        double forecastTotal = 0;
        long actualTotal = 0;
        double absoluteErrors = 0;
        double percentageErrors = 0;
        int hours = 0;
        int hoursWithArrivals = 0;
        for (int day = 0; day < 7; day++) {
            LocalDate date = weekStart.plusDays(day);
            if (excluded.test(date)) {
                continue;
            }
            DayOfWeek dayOfWeek = date.getDayOfWeek();
            for (int hour = 0; hour < 24; hour++) {
                double length = lengthInHours(date, hour);
                if (length == 0) {
                    continue;
                }
                double expected = forecast.arrivalsPerHour(dayOfWeek, hour) * length;
                int actual = counts[day][hour];
                forecastTotal += expected;
                actualTotal += actual;
                absoluteErrors += Math.abs(expected - actual);
                hours++;
                if (actual > 0) {
                    percentageErrors += Math.abs(expected - actual) / actual;
                    hoursWithArrivals++;
                }
            }
        }
        return new ForecastAccuracy(forecastTotal, actualTotal, hours == 0 ? 0 : absoluteErrors / hours,
                hoursWithArrivals == 0 ? OptionalDouble.empty() : OptionalDouble.of(percentageErrors / hoursWithArrivals),
                hours);
    }

    /** Arrivals per local day (from {@code from}) and local hour. */
    private int[][] countByDayAndHour(Collection<Instant> arrivals, LocalDate from, int days) {
        int[][] counts = new int[days][24];
        for (Instant arrival : arrivals) {
            ZonedDateTime local = arrival.atZone(zone);
            long day = ChronoUnit.DAYS.between(from, local.toLocalDate());
            if (day >= 0 && day < days) {
                counts[(int) day][local.getHour()]++;
            }
        }
        return counts;
    }

    /** How long local hour {@code hour} of {@code date} really lasts: 1, 2 when DST ends, 0 when DST skips it. */
    double lengthInHours(LocalDate date, int hour) {
        ZonedDateTime start = date.atTime(hour, 0).atZone(zone);
        ZonedDateTime end = hour == 23 ? date.plusDays(1).atStartOfDay(zone) : date.atTime(hour + 1, 0).atZone(zone);
        return Math.max(0, Duration.between(start, end).getSeconds() / 3600.0);
    }
}

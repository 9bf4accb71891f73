package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** Hand-built arrivals with answers worked out in the comments. New York leaves DST on Sunday 2026-11-01 at 02:00. */
class DemandForecastTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Predicate<LocalDate> NO_CLOSURES = date -> false;

    @Test
    void averagesTheSameHourOverTheWeeks() {
        // Mondays 1, 2 and 3 arrivals at 09:xx in the three weeks before 2026-06-22: (1 + 2 + 3) / 3 = 2 an hour
        List<Instant> arrivals = new ArrayList<>();
        arrivals.addAll(at("2026-06-01T09:05", 1));
        arrivals.addAll(at("2026-06-08T09:10", 2));
        arrivals.addAll(at("2026-06-15T09:20", 3));

        WeeklyDemand forecast = new DemandForecast(NEW_YORK, NO_CLOSURES, 3, 1.0).forecast(arrivals, LocalDate.of(2026, 6, 22));

        assertThat(forecast.arrivalsPerHour(DayOfWeek.MONDAY, 9)).isCloseTo(2.0, within(1e-12));
        assertThat(forecast.arrivalsPerHour(DayOfWeek.MONDAY, 10)).isZero();
        assertThat(forecast.weekTotal()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void recentWeeksWeighMore() {
        // oldest 1, then 2, most recent 4, weights 0.25, 0.5, 1: (0.25 + 1 + 4) / 1.75 = 3
        List<Instant> arrivals = new ArrayList<>();
        arrivals.addAll(at("2026-06-01T09:05", 1));
        arrivals.addAll(at("2026-06-08T09:10", 2));
        arrivals.addAll(at("2026-06-15T09:20", 4));

        WeeklyDemand forecast = new DemandForecast(NEW_YORK, NO_CLOSURES, 3, 0.5).forecast(arrivals, LocalDate.of(2026, 6, 22));

        assertThat(forecast.arrivalsPerHour(DayOfWeek.MONDAY, 9)).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void holidaysAndClosuresAreLeftOut() {
        // two arrivals every Monday at 10:xx and one every Tuesday at 14:xx, except Memorial Day (Monday
        // 2026-05-25), when the practice was closed: Monday stays 2 an hour instead of (2 + 0 + 2) / 3
        LocalDate memorialDay = LocalDate.of(2026, 5, 25);
        List<Instant> arrivals = new ArrayList<>();
        for (String monday : List.of("2026-05-18", "2026-06-01")) {
            arrivals.addAll(at(monday + "T10:30", 2));
        }
        for (String tuesday : List.of("2026-05-19", "2026-05-26", "2026-06-02")) {
            arrivals.addAll(at(tuesday + "T14:00", 1));
        }

        DemandForecast forecaster = new DemandForecast(NEW_YORK, memorialDay::equals, 3, 1.0);
        WeeklyDemand forecast = forecaster.forecast(arrivals, LocalDate.of(2026, 6, 8));

        assertThat(forecast.arrivalsPerHour(DayOfWeek.MONDAY, 10)).isCloseTo(2.0, within(1e-12));
        assertThat(forecast.arrivalsPerHour(DayOfWeek.TUESDAY, 14)).isCloseTo(1.0, within(1e-12));
        assertThat(new DemandForecast(NEW_YORK, NO_CLOSURES, 3, 1.0).forecast(arrivals, LocalDate.of(2026, 6, 8))
                .arrivalsPerHour(DayOfWeek.MONDAY, 10)).isCloseTo(4.0 / 3, within(1e-12));
    }

    @Test
    void theHourThatHappensTwiceWhenDstEndsIsStillOneHoursWorth() {
        // one arrival every real hour for the four weeks before 2026-11-09: on Sunday 2026-11-01 local 01:00
        // happens twice and gets two arrivals, but it also lasted two hours, so the rate is 5 / 5 = 1 an hour
        // (plain counting would say 5 / 4 = 1.25)
        List<Instant> arrivals = hourly(Instant.parse("2026-10-12T04:30:00Z"), Instant.parse("2026-11-09T05:00:00Z"));

        WeeklyDemand forecast = new DemandForecast(NEW_YORK, NO_CLOSURES, 4, 0.8).forecast(arrivals, LocalDate.of(2026, 11, 9));

        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                assertThat(forecast.arrivalsPerHour(day, hour)).as("%s %02d:00", day, hour).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void theDstWeekIsComparedHourForHour() {
        // the week of 2026-10-26 has 169 real hours: 169 arrivals came and a one-an-hour forecast expects 169
        List<Instant> arrivals = hourly(Instant.parse("2026-10-26T04:30:00Z"), Instant.parse("2026-11-02T05:00:00Z"));

        ForecastAccuracy accuracy = new DemandForecast(NEW_YORK, NO_CLOSURES, 4, 1.0)
                .accuracy(WeeklyDemand.constant(1), arrivals, LocalDate.of(2026, 10, 26));

        assertThat(accuracy.actualTotal()).isEqualTo(169);
        assertThat(accuracy.forecastTotal()).isCloseTo(169, within(1e-9));
        assertThat(accuracy.meanAbsoluteError()).isZero();
        assertThat(accuracy.meanAbsolutePercentageError()).hasValue(0.0);
        assertThat(accuracy.hoursCompared()).isEqualTo(168);
    }

    @Test
    void theHourDstSkipsIsNotCompared() {
        // Sunday 2026-03-08 has no 02:00: 167 local hours, 167 arrivals
        List<Instant> arrivals = hourly(Instant.parse("2026-03-02T05:30:00Z"), Instant.parse("2026-03-09T04:00:00Z"));

        ForecastAccuracy accuracy = new DemandForecast(NEW_YORK, NO_CLOSURES, 4, 1.0)
                .accuracy(WeeklyDemand.constant(1), arrivals, LocalDate.of(2026, 3, 2));

        assertThat(accuracy.hoursCompared()).isEqualTo(167);
        assertThat(accuracy.actualTotal()).isEqualTo(167);
        assertThat(accuracy.forecastTotal()).isCloseTo(167, within(1e-9));
    }

    @Test
    void accuracyReportsTotalsMeanAbsoluteAndPercentageError() {
        // forecast: 2 on Monday 09:00, nothing else. Actual: 3 on Monday 09:00 and 1 on Monday 10:00.
        // MAE = (|2 − 3| + |0 − 1|) / 168; MAPE over the two hours with arrivals = (1/3 + 1/1) / 2
        WeeklyDemand forecast = WeeklyDemand.of((day, hour) -> day == DayOfWeek.MONDAY && hour == 9 ? 2 : 0);
        List<Instant> actual = new ArrayList<>(at("2026-06-22T09:15", 3));
        actual.addAll(at("2026-06-22T10:45", 1));

        ForecastAccuracy accuracy = new DemandForecast(NEW_YORK, NO_CLOSURES, 3, 1.0)
                .accuracy(forecast, actual, LocalDate.of(2026, 6, 22));

        assertThat(accuracy.forecastTotal()).isCloseTo(2, within(1e-12));
        assertThat(accuracy.actualTotal()).isEqualTo(4);
        assertThat(accuracy.meanAbsoluteError()).isCloseTo(2.0 / 168, within(1e-12));
        assertThat(accuracy.meanAbsolutePercentageError().getAsDouble()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void theBacktestForecastsLastWeekFromTheWeeksBeforeIt() {
        // three Mondays with 2 arrivals at 09:xx, then a last week with 4: the forecast (2) missed by 2
        List<Instant> arrivals = new ArrayList<>();
        for (String monday : List.of("2026-06-01", "2026-06-08", "2026-06-15")) {
            arrivals.addAll(at(monday + "T09:30", 2));
        }
        arrivals.addAll(at("2026-06-22T09:30", 4));

        ForecastAccuracy lastWeek = new DemandForecast(NEW_YORK, NO_CLOSURES, 3, 1.0).backtest(arrivals, LocalDate.of(2026, 6, 22));

        assertThat(lastWeek.forecastTotal()).isCloseTo(2, within(1e-12));
        assertThat(lastWeek.actualTotal()).isEqualTo(4);
        assertThat(lastWeek.meanAbsolutePercentageError().getAsDouble()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aWeekWithoutArrivalsHasNoPercentageError() {
        ForecastAccuracy accuracy = new DemandForecast(NEW_YORK, NO_CLOSURES, 1, 1.0)
                .accuracy(WeeklyDemand.constant(0.5), List.of(), LocalDate.of(2026, 6, 22));

        assertThat(accuracy.meanAbsolutePercentageError()).isEmpty();
        assertThat(accuracy.meanAbsoluteError()).isCloseTo(0.5, within(1e-12));
    }

    /** {@code count} arrivals a minute apart from a New York local time. */
    static List<Instant> at(String localDateTime, int count) {
        Instant first = LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
        List<Instant> arrivals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arrivals.add(first.plusSeconds(60L * i));
        }
        return arrivals;
    }

    static List<Instant> hourly(Instant from, Instant until) {
        List<Instant> arrivals = new ArrayList<>();
        for (Instant t = from; t.isBefore(until); t = t.plusSeconds(3600)) {
            arrivals.add(t);
        }
        return arrivals;
    }
}

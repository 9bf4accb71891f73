package org.ringback.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answer to "how many people do we need on callbacks, and when?" for one practice and the coming week.
 *
 * @param handleTime      mean recorded attempt duration, or the configured assumption while fewer than
 *                        {@link Coverage#MIN_TIMED_ATTEMPTS} attempts were timed
 * @param weekStart       the Monday the forecast and staffing are for
 * @param demand          expected arrivals per weekday × hour
 * @param demandByQueue   the same forecast for each queue (category group) on its own
 * @param staffing        staff needed per weekday × hour for the target
 * @param blocks          the staffing as callback blocks ("MONDAY 08:00–11:00: 3 people")
 * @param accuracy        last week's forecast against what actually arrived
 * @param reachByWindow   share of phone attempts that reached the patient, per call window, from history
 * @param attemptsPerItem mean attempts per closed item, from history
 * @param handleTimeByCategory median and 90th percentile of recorded attempt durations per category
 */
public record CoverageReport(UUID practiceId, LocalDate weekStart, int weeks, double target, Duration handleTime,
                             Duration responseTarget, WeeklyDemand demand, Map<String, WeeklyDemand> demandByQueue, OpenHours openHours, Roster staffing,
                             List<StaffBlock> blocks, ForecastAccuracy accuracy, Map<String, Double> reachByWindow,
                             double attemptsPerItem, Map<String, HandleTimeStats> handleTimeByCategory) {

    /** Recorded attempt durations of one category. */
    public record HandleTimeStats(Duration median, Duration p90, long attempts) {
    }
}

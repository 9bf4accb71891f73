package org.ringback.planning.web;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringback.planning.Coverage;
import org.ringback.planning.CoverageReport;
import org.ringback.planning.ForecastAccuracy;
import org.ringback.planning.WeeklyDemand;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/practices/{id}/coverage?weeks=8&target=0.9}: forecast, staffing per weekday × hour, recommended blocks. */
@RestController
class CoverageController {

    record Block(DayOfWeek day, String start, String end, int staff, String label) {
    }

    record CoverageJson(String practiceId, LocalDate weekStart, int weeks, double target, Duration handleTime,
                        Duration responseTarget, Map<DayOfWeek, double[]> forecast, Map<String, Map<DayOfWeek, double[]>> forecastByQueue,
                        Map<DayOfWeek, int[]> staffing,
                        List<Block> blocks, ForecastAccuracy lastWeekAccuracy, Map<String, Double> reachByWindow,
                        double attemptsPerItem, Map<String, CoverageReport.HandleTimeStats> handleTimeByCategory) {
    }

    private final Coverage coverage;

    CoverageController(Coverage coverage) {
        this.coverage = coverage;
    }

    @GetMapping("/api/v1/practices/{practiceId}/coverage")
    CoverageJson coverage(@PathVariable UUID practiceId, @RequestParam(defaultValue = "8") int weeks,
                          @RequestParam(defaultValue = "0.9") double target) {
        return json(coverage.plan(practiceId, weeks, target));
    }

    static CoverageJson json(CoverageReport report) {
        Map<DayOfWeek, int[]> staffing = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            int[] staff = new int[24];
            for (int hour = 0; hour < 24; hour++) {
                staff[hour] = report.staffing().staffAt(day, hour);
            }
            staffing.put(day, staff);
        }
        Map<String, Map<DayOfWeek, double[]>> byQueue = new LinkedHashMap<>();
        report.demandByQueue().forEach((queue, demand) -> byQueue.put(queue, grid(demand)));
        var blocks = report.blocks().stream()
                .map(b -> new Block(b.day(), b.start().toString(), b.end().toString(), b.staff(), b.toString())).toList();
        return new CoverageJson(report.practiceId().toString(), report.weekStart(), report.weeks(), report.target(),
                report.handleTime(), report.responseTarget(), grid(report.demand()), byQueue, staffing, blocks, report.accuracy(),
                report.reachByWindow(), Math.round(report.attemptsPerItem() * 100) / 100.0, report.handleTimeByCategory());
    }

    /** Expected arrivals per weekday and hour, to two decimals. */
    private static Map<DayOfWeek, double[]> grid(WeeklyDemand demand) {
        Map<DayOfWeek, double[]> grid = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            double[] arrivals = new double[24];
            for (int hour = 0; hour < 24; hour++) {
                arrivals[hour] = Math.round(demand.arrivalsPerHour(day, hour) * 100) / 100.0;
            }
            grid.put(day, arrivals);
        }
        return grid;
    }
}

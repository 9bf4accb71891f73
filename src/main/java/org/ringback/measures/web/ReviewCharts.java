package org.ringback.measures.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ringback.measures.PeriodMeasures;
import org.ringback.measures.Share;
import org.ringback.measures.WeeklyReport;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the page's four charts as one JSON document. The page carries it in a
 * {@code <script type="application/json">} block that static/js/review-charts.js reads, so no inline script is needed.
 */
@Component
class ReviewCharts {

    private final JsonMapper json;
    private final MessageSource messages;

    ReviewCharts(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    String json(WeeklyReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trend", Map.of(
                "title", msg("review.chart.trend"),
                "series", msg("review.chart.onTime"),
                "labels", report.onTimeTrend().stream().map(WeeklyReport.TrendPoint::week).toList(),
                "values", report.onTimeTrend().stream().map(p -> percent(p.onTime())).toList()));
        List<String> ages = new ArrayList<>();
        List<Integer> thisWeek = new ArrayList<>();
        List<Integer> previous = new ArrayList<>();
        for (PeriodMeasures.BacklogAge age : PeriodMeasures.BacklogAge.values()) {
            ages.add(msg("review.age." + age.name()));
            thisWeek.add(report.week().backlogByAge().get(age));
            previous.add(report.previousWeek().backlogByAge().get(age));
        }
        data.put("backlog", Map.of("title", msg("review.chart.backlog"), "labels", ages,
                "thisWeek", thisWeek, "previousWeek", previous,
                "thisWeekName", msg("review.chart.thisWeek"), "previousWeekName", msg("review.chart.previousWeek")));
        List<int[]> cells = new ArrayList<>();
        int max = 0;
        int[][] arrivals = report.week().arrivals();
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                cells.add(new int[] {hour, day, arrivals[day][hour]});
                max = Math.max(max, arrivals[day][hour]);
            }
        }
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        data.put("heatmap", Map.of("title", msg("review.chart.heatmap"), "series", msg("review.chart.arrivals"),
                "days", days, "cells", cells, "max", max));
        data.put("reach", Map.of("title", msg("review.chart.reach"), "series", msg("review.chart.reachRate"),
                "labels", new ArrayList<>(report.week().reachByWindow().keySet()),
                "values", report.week().reachByWindow().values().stream().map(ReviewCharts::percent).toList()));
        // "</" could end the script block early; JSON allows the escaped form.
        return json.writeValueAsString(data).replace("</", "<\\/");
    }

    /** A percentage with one decimal, or null (a gap in the chart, not a zero). */
    private static Double percent(Share share) {
        return share.share() == null ? null : Math.round(share.share() * 1000) / 10.0;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }
}

package org.ringback.measures.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ringback.callback.web.StaffPage;
import org.ringback.measures.Measures;
import org.ringback.measures.MonthlyRollup;
import org.ringback.measures.ReportPeriod;
import org.ringback.measures.WeeklyReport;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The weekly review pack in the browser: one practice's week against the week before and a baseline, with charts,
 * tables, the second-call sample, the PDF and the CSV rows; all the caller's practices side by side for a week, and
 * the organisation's month with every practice a row. The page downloads live here too, because the API takes HTTP
 * Basic only and a browser session cannot call it.
 */
@Controller
@StaffPage
class WeeklyReviewPage {

    private final Measures measures;
    private final PracticeDirectory practices;
    private final ReviewCharts charts;
    private final ReviewPackPdf pdf;
    private final Clock clock;

    WeeklyReviewPage(Measures measures, PracticeDirectory practices, ReviewCharts charts, ReviewPackPdf pdf, Clock clock) {
        this.measures = measures;
        this.practices = practices;
        this.charts = charts;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** The navigation's entry: the last complete week in the practice's time zone. */
    @GetMapping("/practices/{practiceId}/reviews")
    String latest(@PathVariable UUID practiceId) {
        ZoneId zone = practices.get(practiceId).timeZone();
        return "redirect:/practices/" + practiceId + "/reviews/" + lastCompleteWeek(zone).label();
    }

    @GetMapping("/reviews")
    String latestForAll() {
        return "redirect:/reviews/" + lastCompleteWeek(clock.getZone()).label();
    }

    @GetMapping("/practices/{practiceId}/reviews/{week}")
    String show(@PathVariable UUID practiceId, @PathVariable String week, @RequestParam Optional<String> baseline, Model model) {
        ReportPeriod period = ReportPeriod.isoWeek("week", week);
        WeeklyReport report = measures.weekly(practiceId, period, ReportController.baseline(baseline), Measures.Export.PAGE);
        model.addAttribute("practice", practices.get(practiceId));
        model.addAttribute("report", report);
        model.addAttribute("headlines", Headlines.of(report));
        model.addAttribute("chartData", charts.json(report));
        model.addAttribute("baselineText", baseline.orElse(""));
        model.addAttribute("previousWeek", period.previous().label());
        model.addAttribute("nextWeek", ReportPeriod.week(period.start().plusWeeks(1)).label());
        model.addAttribute("tables", List.of("items", "attempts", "events", "backlog", "arrivals"));
        model.addAttribute("days", DayOfWeek.values());
        return "measures/review";
    }

    @GetMapping("/practices/{practiceId}/reviews/{week}/pack.pdf")
    ResponseEntity<byte[]> pack(@PathVariable UUID practiceId, @PathVariable String week, @RequestParam Optional<String> baseline) {
        WeeklyReport report = measures.weekly(practiceId, ReportPeriod.isoWeek("week", week), ReportController.baseline(baseline),
                Measures.Export.PDF);
        return ReportController.pdf(pdf.render(report), report.week().period());
    }

    @GetMapping("/practices/{practiceId}/reviews/{week}/rows.csv")
    ResponseEntity<String> rows(@PathVariable UUID practiceId, @PathVariable String week, @RequestParam String table) {
        return ReportController.csv(measures.rowsCsv(practiceId, ReportPeriod.isoWeek("week", week), table), week + "-" + table);
    }

    @GetMapping("/reviews/{week}")
    String all(@PathVariable String week, @RequestParam Optional<String> baseline, Model model) {
        ReportPeriod period = ReportPeriod.isoWeek("week", week);
        List<WeeklyReport> reports = measures.weeklyForAllPractices(period, ReportController.baseline(baseline), Measures.Export.PAGE);
        model.addAttribute("practice", null);
        model.addAttribute("period", period);
        model.addAttribute("reports", reports);
        model.addAttribute("columns", reports.stream().map(Headlines::of).toList());
        model.addAttribute("rowKeys", reports.isEmpty() ? List.of() : Headlines.of(reports.get(0)).stream().map(Headlines.Headline::key).toList());
        model.addAttribute("previousWeek", period.previous().label());
        model.addAttribute("nextWeek", ReportPeriod.week(period.start().plusWeeks(1)).label());
        return "measures/all";
    }

    /** The organisation's month: every practice of the caller as a row of headline measures. */
    @GetMapping("/reviews/months/{month}")
    String month(@PathVariable String month, Model model) {
        ReportPeriod period = ReportPeriod.month("month", month);
        MonthlyRollup rollup = measures.monthlyForAllPractices(period, Measures.Export.PAGE);
        model.addAttribute("practice", null);
        model.addAttribute("period", period);
        model.addAttribute("rollup", rollup);
        model.addAttribute("keys", Headlines.keys());
        model.addAttribute("rows", rollup.practices().stream().map(p -> Headlines.values(p.measures())).toList());
        model.addAttribute("previousMonth", period.previous().label());
        model.addAttribute("nextMonth", YearMonth.parse(period.label()).plusMonths(1).toString());
        return "measures/month";
    }


    private ReportPeriod lastCompleteWeek(ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return ReportPeriod.week(today.with(DayOfWeek.MONDAY).minusWeeks(1));
    }
}

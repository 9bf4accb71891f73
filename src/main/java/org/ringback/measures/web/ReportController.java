package org.ringback.measures.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ringback.measures.Measures;
import org.ringback.measures.MonthlyRollup;
import org.ringback.measures.ReportPeriod;
import org.ringback.measures.WeeklyReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/practices/{id}/reports/weekly?week=2026-W48[&baseline=2026-10-01..2026-10-31]}: the measures
 * as JSON, or the review pack with {@code Accept: application/pdf}; {@code .../reports/weekly/rows.csv?table=items}
 * the rows behind a table; {@code GET /api/v1/reports/weekly?week=} every practice of the caller side by side, and
 * {@code GET /api/v1/reports/monthly?month=2026-10} the organisation's month the same way.
 */
@RestController
class ReportController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Measures measures;
    private final ReviewPackPdf pdf;

    ReportController(Measures measures, ReviewPackPdf pdf) {
        this.measures = measures;
        this.pdf = pdf;
    }

    @GetMapping(path = "/api/v1/practices/{practiceId}/reports/weekly", produces = MediaType.APPLICATION_JSON_VALUE)
    WeeklyReport weekly(@PathVariable UUID practiceId, @RequestParam String week, @RequestParam Optional<String> baseline) {
        return measures.weekly(practiceId, ReportPeriod.isoWeek("week", week), baseline(baseline), Measures.Export.JSON);
    }

    @GetMapping(path = "/api/v1/practices/{practiceId}/reports/weekly", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> weeklyPdf(@PathVariable UUID practiceId, @RequestParam String week, @RequestParam Optional<String> baseline) {
        WeeklyReport report = measures.weekly(practiceId, ReportPeriod.isoWeek("week", week), baseline(baseline), Measures.Export.PDF);
        return pdf(pdf.render(report), report.week().period());
    }

    @GetMapping("/api/v1/practices/{practiceId}/reports/weekly/rows.csv")
    ResponseEntity<String> rows(@PathVariable UUID practiceId, @RequestParam String week, @RequestParam String table) {
        return csv(measures.rowsCsv(practiceId, ReportPeriod.isoWeek("week", week), table), week + "-" + table);
    }

    @GetMapping(path = "/api/v1/reports/weekly", produces = MediaType.APPLICATION_JSON_VALUE)
    List<WeeklyReport> allPractices(@RequestParam String week, @RequestParam Optional<String> baseline) {
        return measures.weeklyForAllPractices(ReportPeriod.isoWeek("week", week), baseline(baseline), Measures.Export.JSON);
    }

    @GetMapping(path = "/api/v1/reports/monthly", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthlyRollup monthly(@RequestParam String month) {
        return measures.monthlyForAllPractices(ReportPeriod.month("month", month), Measures.Export.JSON);
    }

    static Optional<ReportPeriod> baseline(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(t -> ReportPeriod.range("baseline", t));
    }

    static ResponseEntity<byte[]> pdf(byte[] body, String period) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("review-" + period + ".pdf").build().toString())
                .body(body);
    }

    static ResponseEntity<String> csv(String body, String name) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name.replaceAll("[^A-Za-z0-9-]", "_") + ".csv").build().toString())
                .body(body);
    }
}

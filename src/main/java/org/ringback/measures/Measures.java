package org.ringback.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.audit.AuditLog;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures module's facade: the weekly review pack of a practice (or of all the caller's practices) and the
 * rows behind its tables. Anyone who works a practice sees its aggregate measures (counts and times, no patient
 * data); the item-level sample and row exports are for its managers. Every report and export is audited.
 */
@Service
public class Measures {

    /** Weeks in the on-time trend, the reported week included: two months show a change and its settling. */
    static final int TREND_WEEKS = 8;

    /** How a report leaves the system, for the audit trail. */
    public enum Export { JSON, PDF, PAGE, CSV }

    private final MeasureRows rows;
    private final MonthlyMeasures monthly;
    private final SampleRows samples;
    private final ExportRows exports;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final AuditLog audit;
    private final Clock clock;

    Measures(MeasureRows rows, MonthlyMeasures monthly, SampleRows samples, ExportRows exports, PracticeDirectory practices,
             Identity identity, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.monthly = monthly;
        this.samples = samples;
        this.exports = exports;
        this.practices = practices;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws org.ringback.shared.Refusal.NotFound for a practice the caller does not work */
    @Transactional
    public WeeklyReport weekly(UUID practiceId, ReportPeriod week, Optional<ReportPeriod> baseline, Export export) {
        CurrentUser user = identity.requireAccess(practiceId);
        Practice practice = practices.find(practiceId);
        WeeklyReport report = report(practice, week, baseline, user.manages(practiceId));
        audit.record(practiceId, AuditLog.Action.READ, "weekly-report", week.label() + "/" + export.name());
        return report;
    }

    /** The same week for every practice the caller works, side by side (no item sample: that is per practice). */
    @Transactional
    public List<WeeklyReport> weeklyForAllPractices(ReportPeriod week, Optional<ReportPeriod> baseline, Export export) {
        List<WeeklyReport> reports = new ArrayList<>();
        for (Practice practice : practices.visibleToCaller()) {
            reports.add(report(practice, week, baseline, false));
            audit.record(practice.id(), AuditLog.Action.READ, "weekly-report", week.label() + "/" + export.name());
        }
        return reports;
    }

    /**
     * One calendar month for every practice the caller works, side by side: the weekly pack's measures, from each
     * practice's month summary while it is valid and computed otherwise (see {@link MonthlyMeasures}).
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public MonthlyRollup monthlyForAllPractices(ReportPeriod month, Export export) {
        List<Practice> visible = practices.visibleToCaller();
        Map<UUID, PeriodMeasures> measured = monthly.measure(visible, month);
        List<MonthlyRollup.PracticeMonth> months = new ArrayList<>();
        for (Practice practice : visible) {
            months.add(new MonthlyRollup.PracticeMonth(practice.id(), practice.name(), practice.timeZone().getId(),
                    measured.get(practice.id())));
        }
        audit.recordAll(visible.stream().map(Practice::id).toList(), AuditLog.Action.READ, "monthly-report",
                month.label() + "/" + export.name());
        return new MonthlyRollup(month.label(), months);
    }

    /**
     * The rows behind one table of the pack, as CSV.
     *
     * @throws org.ringback.shared.Refusal.NotPermitted when the caller does not manage the practice
     * @throws org.ringback.shared.Refusal.InvalidInput for an unknown table
     */
    @Transactional
    public String rowsCsv(UUID practiceId, ReportPeriod period, String table) {
        identity.requireManager(practiceId);
        ExportRows.Table which = ExportRows.Table.parse(table);
        Practice practice = practices.find(practiceId);
        String csv = exports.csv(which, practice, period, clock.instant());
        audit.record(practiceId, AuditLog.Action.READ, "report-rows", period.label() + "/" + which.name());
        return csv;
    }

    private WeeklyReport report(Practice practice, ReportPeriod week, Optional<ReportPeriod> baseline, boolean withSample) {
        Instant now = clock.instant();
        var calendar = practice.calendar();
        PeriodRows weekRows = rows.load(practice.id(), practice.timeZone(), week, now);
        PeriodMeasures current = MeasureCalculator.compute(weekRows, calendar);
        PeriodMeasures previous = MeasureCalculator.compute(rows.load(practice.id(), practice.timeZone(), week.previous(), now), calendar);
        Optional<PeriodMeasures> before = baseline.map(period ->
                MeasureCalculator.compute(rows.load(practice.id(), practice.timeZone(), period, now), calendar));
        Optional<List<WeeklyReport.SampleItem>> sample = Optional.empty();
        if (withSample) {
            List<UUID> candidates = weekRows.items().stream()
                    .filter(item -> item.secondCall() || item.attachedRepeats() > 0).map(PeriodRows.Item::id).toList();
            sample = Optional.of(samples.items(practice.id(), ReviewSample.draw(practice.id(), week.label(), candidates)));
        }
        return new WeeklyReport(practice.id(), practice.name(), practice.timeZone().getId(), current, previous, before,
                trend(practice, week, now), sample);
    }

    private List<WeeklyReport.TrendPoint> trend(Practice practice, ReportPeriod week, Instant now) {
        ReportPeriod first = ReportPeriod.week(week.start().minusWeeks(TREND_WEEKS - 1));
        Map<LocalDate, Share> byWeek = rows.onTimeByWeek(practice.id(), practice.timeZone(), first.from(practice.timeZone()),
                week.to(practice.timeZone()), now);
        List<WeeklyReport.TrendPoint> points = new ArrayList<>();
        for (ReportPeriod w = first; !w.start().isAfter(week.start()); w = ReportPeriod.week(w.start().plusWeeks(1))) {
            points.add(new WeeklyReport.TrendPoint(w.label(), w.start(), byWeek.getOrDefault(w.start(), Share.NONE)));
        }
        return points;
    }
}

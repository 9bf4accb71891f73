package org.ringback.measures.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.ringback.measures.PeriodMeasures;
import org.ringback.measures.Share;
import org.ringback.measures.WeeklyReport;

/**
 * The headline numbers of the pack, formatted once for the page and the PDF alike, so both show the same text.
 * Public only so that the page's templates can call the formatters.
 */
public final class Headlines {

    /** Shown where a measure has no data (nothing to count is not zero). */
    static final String NO_DATA = "n/a";

    /** One headline: its message key and the formatted value this week, the week before and in the baseline. */
    record Headline(String key, String week, String previousWeek, String baseline) {
    }

    private Headlines() {
    }

    static List<Headline> of(WeeklyReport report) {
        return List.of(
                row("review.h.volume", report, m -> Integer.toString(m.volume())),
                row("review.h.onTime", report, m -> percent(m.firstAttemptOnTime())),
                row("review.h.firstAttemptMedian", report, m -> minutes(m.firstAttempt().medianMinutes())),
                row("review.h.firstAttemptP90", report, m -> minutes(m.firstAttempt().p90Minutes())),
                row("review.h.reach", report, m -> percent(m.reach())),
                row("review.h.booking", report, m -> percent(m.bookingConversion())),
                row("review.h.resolved", report, m -> percent(m.resolved())),
                row("review.h.resolutionMedian", report, m -> minutes(m.resolution().medianMinutes())),
                row("review.h.secondCalls", report, m -> percent(m.secondCalls())),
                row("review.h.escalations", report, m -> Integer.toString(m.escalations().total())),
                row("review.h.backlog", report, m -> Integer.toString(m.backlogTotal())));
    }

    private static Headline row(String key, WeeklyReport report, Function<PeriodMeasures, String> value) {
        return new Headline(key, value.apply(report.week()), value.apply(report.previousWeek()),
                report.baseline().map(value).orElse(""));
    }

    public static String percent(Share share) {
        return share.share() == null ? NO_DATA : String.format(Locale.ROOT, "%.1f%%", share.share() * 100);
    }

    public static String minutes(Long minutes) {
        return Optional.ofNullable(minutes).map(m -> m + " min").orElse(NO_DATA);
    }
}

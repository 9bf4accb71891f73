package org.ringback.measures.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The headline measures in their order: message key and how each is formatted. */
    private static final List<Map.Entry<String, Function<PeriodMeasures, String>>> MEASURES = List.of(
            Map.entry("review.h.volume", m -> Integer.toString(m.volume())),
            Map.entry("review.h.onTime", m -> percent(m.firstAttemptOnTime())),
            Map.entry("review.h.firstAttemptMedian", m -> minutes(m.firstAttempt().medianMinutes())),
            Map.entry("review.h.firstAttemptP90", m -> minutes(m.firstAttempt().p90Minutes())),
            Map.entry("review.h.reach", m -> percent(m.reach())),
            Map.entry("review.h.booking", m -> percent(m.bookingConversion())),
            Map.entry("review.h.resolved", m -> percent(m.resolved())),
            Map.entry("review.h.resolutionMedian", m -> minutes(m.resolution().medianMinutes())),
            Map.entry("review.h.secondCalls", m -> percent(m.secondCalls())),
            Map.entry("review.h.escalations", m -> Integer.toString(m.escalations().total())),
            Map.entry("review.h.backlog", m -> Integer.toString(m.backlogTotal())));

    static List<Headline> of(WeeklyReport report) {
        return MEASURES.stream().map(measure -> row(measure.getKey(), report, measure.getValue())).toList();
    }

    static List<String> keys() {
        return MEASURES.stream().map(Map.Entry::getKey).toList();
    }

    /** One period's headline values alone, in the order of {@link #keys()} (the organisation's month). */
    static List<String> values(PeriodMeasures measures) {
        return MEASURES.stream().map(measure -> measure.getValue().apply(measures)).toList();
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

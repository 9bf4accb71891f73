package org.ringback.callback.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.ringback.callback.AttemptResult;
import org.ringback.callback.BoardRow;
import org.ringback.callback.Status;
import org.ringback.callback.Urgency;
import org.ringback.callback.WaitingOn;
import org.springframework.context.MessageSource;

/**
 * One board row with every cell already written as text (not yet escaped; {@link BoardRowsHtml} does that).
 * A board has up to 1,000 rows and refreshes every 15 seconds per open screen, so each label is resolved once
 * per render, not once per cell.
 */
record BoardLine(String href, String rowClass, String urgencyClass, String urgency, boolean redFlag, String patient,
                        String practiceName, String category, String owner, String age, String due, String aging,
                        String agingLabel, String tried, String status, String nextAction, String nextActionAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");
    /** Within this distance of now a weekday names the day unambiguously; further out the date is shown too. */
    private static final Duration THIS_WEEK = Duration.ofDays(6);

    /** Writes rows against one "now" and one locale; each label is resolved once per render, not once per row. */
    static final class Writer {

        private final Instant now;
        private final Map<Urgency, String> urgencies;
        private final Map<Status, String> statuses;
        private final Map<WaitingOn, String> waits;
        private final Map<AttemptResult, String> results;
        private final Map<BoardRow.Aging, String> agingLabels;
        private final MessageSource messages;
        private final Locale locale;
        /** "2 of 3" by attempts and maximum: a handful of distinct pairs per board, formatted once each. */
        private final Map<Long, String> tries = new HashMap<>();

        Writer(Instant now, MessageSource messages, Locale locale) {
            this.now = now;
            this.messages = messages;
            this.locale = locale;
            this.urgencies = labels(Urgency.class, u -> message("urgency." + u.name()));
            this.statuses = labels(Status.class, s -> message("status." + s.name()));
            this.waits = labels(WaitingOn.class, w -> message("board.waitingOn", message("waiting." + w.name())));
            this.results = labels(AttemptResult.class, r -> message("result." + r.name()));
            this.agingLabels = labels(BoardRow.Aging.class, a -> message("board.aging." + cssName(a)));
        }

        BoardLine write(BoardRow row) {
            BoardRow.Aging aging = row.aging(now);
            String tried = tries.computeIfAbsent(((long) row.attempts() << 32) | row.maxAttempts(),
                    pair -> message("board.tried", row.attempts(), row.maxAttempts()))
                    + row.lastResult().map(result -> " · " + results.get(result)).orElse("");
            String rowClass = row.urgency() == Urgency.EMERGENCY ? "emergency" : row.urgency().isClinical() ? "clinical" : "";
            return new BoardLine("/callbacks/" + row.id(), rowClass, "badge u-" + row.urgency().name().toLowerCase(Locale.ROOT),
                    urgencies.get(row.urgency()), row.redFlag(), row.patient(), row.practiceName(), row.categoryName(),
                    row.owner().orElse(row.queue()), age(Duration.between(row.receivedAt(), now)), when(row.dueAt(), row),
                    "due " + cssName(aging), agingLabels.get(aging), tried,
                    row.waitingOn().map(waits::get).orElseGet(() -> statuses.get(row.status())),
                    row.nextAction().orElse(""), row.nextActionAt().map(at -> when(at, row)).orElse(""));
        }

        private String when(Instant at, BoardRow row) {
            var format = Duration.between(at, now).abs().compareTo(THIS_WEEK) < 0 ? TIME : DATE_TIME;
            return format.format(at.atZone(row.zone()));
        }

        private String message(String code, Object... arguments) {
            return messages.getMessage(code, arguments, locale);
        }

        private static <E extends Enum<E>> Map<E, String> labels(Class<E> type, Function<E, String> label) {
            Map<E, String> labels = new EnumMap<>(type);
            for (E value : type.getEnumConstants()) {
                labels.put(value, label.apply(value));
            }
            return labels;
        }
    }

    static String cssName(BoardRow.Aging aging) {
        return aging.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String age(Duration age) {
        if (age.isNegative()) {
            return "0m";
        }
        long days = age.toDays();
        if (days > 0) {
            return days + "d " + age.toHoursPart() + "h";
        }
        return age.toHours() > 0 ? age.toHours() + "h " + age.toMinutesPart() + "m" : age.toMinutes() + "m";
    }
}

package org.ringback.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the dates and times phone systems write. A time without an offset is the practice's local time
 * (DST-correct: a time skipped by the spring change moves forward, a repeated autumn time takes the earlier
 * offset). Slashed dates are month first for North American practices, day first elsewhere.
 */
final class ReceivedAt {

    private static final Pattern OFFSET_AT_END = Pattern.compile("[+-]\\d\\d:?\\d\\d$");
    private static final Set<String> MONTH_FIRST_REGIONS = Set.of("US", "CA", "PR", "GU", "VI", "AS", "MP", "PH");
    private static final List<DateTimeFormatter> WITH_OFFSET = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS]XXX"),
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS] XXX"),
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS] 'UTC'").withZone(ZoneOffset.UTC));
    private static final List<String> TIMES = List.of("H:mm[:ss][.SSS]", "h:mm[:ss] a", "h:mm[:ss]a", "h a", "ha");

    private final ZoneId zone;
    private final List<DateTimeFormatter> dates;
    private final List<DateTimeFormatter> times;
    private final List<DateTimeFormatter> dateTimes;

    ReceivedAt(ZoneId zone, String region) {
        this.zone = zone;
        boolean monthFirst = MONTH_FIRST_REGIONS.contains(region);
        String slashed = monthFirst ? "M/d/" : "d/M/";
        List<String> datePatterns = List.of("yyyy-MM-dd", slashed + "yyyy", slashed + "yy", "EEE " + slashed + "yyyy",
                "EEE, " + slashed + "yyyy", "d MMM yyyy", "MMM d, yyyy", "yyyy/MM/dd", monthFirst ? "M-d-yyyy" : "d-M-yyyy",
                monthFirst ? "M.d.yyyy" : "d.M.yyyy");
        this.dates = datePatterns.stream().map(ReceivedAt::pattern).toList();
        this.times = TIMES.stream().map(ReceivedAt::pattern).toList();
        this.dateTimes = datePatterns.stream()
                .flatMap(date -> TIMES.stream().filter(time -> time.contains(":"))
                        .flatMap(time -> List.of(date + " " + time, date + "'T'" + time, date + ", " + time).stream()))
                .map(ReceivedAt::pattern).toList();
    }

    /** A date and time in one value, or a date with the time from another column. */
    Optional<Instant> parse(String dateOrDateTime, Optional<String> time) {
        String value = dateOrDateTime.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (hasOffset(value)) {
            Optional<ZonedDateTime> zoned = first(value, WITH_OFFSET, ZonedDateTime::parse);
            if (zoned.isPresent()) {
                return zoned.map(ZonedDateTime::toInstant);
            }
        }
        // A value with a colon carries its time; one without is a date whose time is in the time column.
        Optional<LocalDateTime> local;
        if (value.indexOf(':') >= 0) {
            local = first(value, dateTimes, LocalDateTime::parse);
        } else {
            Optional<LocalDate> date = first(value, dates, LocalDate::parse);
            Optional<LocalTime> at = time.map(String::trim).filter(t -> !t.isEmpty()).flatMap(t -> first(t, times, LocalTime::parse));
            local = date.isPresent() && at.isPresent() ? Optional.of(date.get().atTime(at.get())) : Optional.empty();
        }
        return local.map(dateTime -> ZonedDateTime.ofLocal(dateTime, zone, null).toInstant());
    }

    private interface Parser<T> {
        T parse(CharSequence text, DateTimeFormatter formatter);
    }

    /** The formatter that read the last value of each list is tried first: a file writes all its dates one way. */
    private final Map<List<DateTimeFormatter>, DateTimeFormatter> lastUsed = new IdentityHashMap<>();

    private <T> Optional<T> first(String value, List<DateTimeFormatter> formatters, Parser<T> parser) {
        DateTimeFormatter last = lastUsed.get(formatters);
        if (last != null) {
            try {
                return Optional.of(parser.parse(value, last));
            } catch (DateTimeParseException e) {
                // the file changed its format: try them all
            }
        }
        for (DateTimeFormatter formatter : formatters) {
            try {
                T parsed = parser.parse(value, formatter);
                lastUsed.put(formatters, formatter);
                return Optional.of(parsed);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** "Z", "UTC", "GMT", "+02:00" or "-0500" at the end: only then are the formats with an offset worth trying. */
    private static boolean hasOffset(String value) {
        return value.endsWith("Z") || value.endsWith("UTC") || value.endsWith("GMT") || OFFSET_AT_END.matcher(value).find();
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.US);
    }
}

package org.ringback.practice;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringback.shared.Refusal;

/**
 * The one text form of opening hours, shared by the API and the database:
 * {@code {"MONDAY": [{"start": "08:00", "end": "12:00"}, ...]}} with "24:00" for midnight at day end.
 */
public final class HoursFormat {

    private HoursFormat() {
    }

    public static Map<String, List<Map<String, String>>> format(Map<DayOfWeek, List<OpeningInterval>> hours) {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningInterval> intervals = hours.getOrDefault(day, List.of());
            if (!intervals.isEmpty()) {
                out.put(day.name(), intervals.stream()
                        .map(i -> Map.of("start", i.start().toString(), "end", i.endsAtMidnight() ? "24:00" : i.end().toString()))
                        .toList());
            }
        }
        return out;
    }

    /** @throws Refusal.InvalidInput naming the field that is wrong */
    public static Map<DayOfWeek, List<OpeningInterval>> parse(Map<String, List<Map<String, String>>> raw) {
        Map<DayOfWeek, List<OpeningInterval>> hours = new EnumMap<>(DayOfWeek.class);
        if (raw == null) {
            return hours;
        }
        raw.forEach((dayName, intervals) -> {
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(dayName);
            } catch (IllegalArgumentException e) {
                throw new Refusal.InvalidInput("businessHours", "'" + dayName + "' is not a weekday (MONDAY…SUNDAY)");
            }
            List<OpeningInterval> parsed = new ArrayList<>();
            for (Map<String, String> interval : intervals == null ? List.<Map<String, String>>of() : intervals) {
                String field = "businessHours." + dayName;
                LocalTime start = time(field, interval.get("start"));
                LocalTime end = "24:00".equals(interval.get("end")) ? LocalTime.MIDNIGHT : time(field, interval.get("end"));
                try {
                    parsed.add(new OpeningInterval(start, end));
                } catch (IllegalArgumentException e) {
                    throw new Refusal.InvalidInput(field, e.getMessage());
                }
            }
            hours.put(day, parsed);
        });
        return hours;
    }

    private static LocalTime time(String field, String value) {
        if (value == null) {
            throw new Refusal.InvalidInput(field, "each interval needs a start and an end (HH:mm)");
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refusal.InvalidInput(field, "'" + value + "' is not a time (HH:mm)");
        }
    }
}

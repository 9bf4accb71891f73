package org.ringback.practice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One jollyday calendar per code for the whole app: loading one parses XML, so it happens once. */
final class HolidayCalendars {

    private static final Map<String, JollydayHolidays> CALENDARS = new ConcurrentHashMap<>();

    private HolidayCalendars() {
    }

    /** @throws IllegalArgumentException for an unknown code */
    static Holidays forCode(String code) {
        return CALENDARS.computeIfAbsent(code, JollydayHolidays::new);
    }
}

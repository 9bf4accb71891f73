package org.ringback.practice;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A practice (the tenant) and the settings that define its business time. */
public record Practice(
        UUID id,
        String name,
        ZoneId timeZone,
        Optional<String> holidayCalendar,
        String phoneRegion,
        Map<DayOfWeek, List<OpeningInterval>> businessHours,
        Set<LocalDate> closures,
        List<CallWindow> callWindows,
        BoardIdentifier boardIdentifier) {

    public Practice {
        businessHours = Map.copyOf(businessHours);
        closures = Set.copyOf(closures);
        callWindows = List.copyOf(callWindows);
    }

    public BusinessCalendar calendar() {
        Holidays holidays = holidayCalendar.map(HolidayCalendars::forCode).orElse(Holidays.NONE);
        return new BusinessCalendar(timeZone, businessHours, holidays, closures);
    }
}

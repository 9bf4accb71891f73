package org.ringback.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** New York clinic: Mon–Fri 08:00–12:00 and 13:00–17:00, US holidays, closed 2026-12-24. EDT = UTC-4, EST = UTC-5. */
class ResponseWindowTest {

    static final BusinessCalendar CLINIC = clinic();

    static BusinessCalendar clinic() {
        List<OpeningInterval> hours = List.of(
                new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OpeningInterval(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        return new BusinessCalendar(ZoneId.of("America/New_York"), week, new JollydayHolidays("US"),
                Set.of(LocalDate.of(2026, 12, 24)));
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    final ResponseWindow withinAnHour = new ResponseWindow.Within(Duration.ofHours(1));
    final ResponseWindow sameDayBefore2pm = new ResponseWindow.SameDay(LocalTime.of(14, 0));

    @Test
    void withinCountsOpenTimeOnly() {
        // Wed 2026-06-10 11:30 EDT: 30 min before lunch, 30 min after → 13:30 EDT = 17:30Z.
        assertThat(withinAnHour.dueAt(utc("2026-06-10T15:30:00Z"), CLINIC)).isEqualTo(utc("2026-06-10T17:30:00Z"));
    }

    @Test
    void withinStartsAtTheNextOpeningWhenReceivedOnSaturday() {
        // Sat 2026-06-13 10:00 EDT → Mon 2026-06-15 08:00 + 1h = 09:00 EDT = 13:00Z.
        assertThat(withinAnHour.dueAt(utc("2026-06-13T14:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-15T13:00:00Z"));
    }

    @Test
    void withinAcrossSpringForward() {
        // Fri 2026-03-06 16:30 EST (21:30Z): 30 min Friday, then Mon 2026-03-09 08:30 EDT = 12:30Z.
        assertThat(withinAnHour.dueAt(utc("2026-03-06T21:30:00Z"), CLINIC)).isEqualTo(utc("2026-03-09T12:30:00Z"));
    }

    @Test
    void sameDayBeforeTheCutoffIsDueAtTodaysClose() {
        // Wed 2026-06-10 10:00 EDT → 17:00 EDT = 21:00Z.
        assertThat(sameDayBefore2pm.dueAt(utc("2026-06-10T14:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-10T21:00:00Z"));
    }

    @Test
    void sameDayBeforeOpeningIsStillDueToday() {
        // Wed 2026-06-10 07:00 EDT → 17:00 EDT = 21:00Z.
        assertThat(sameDayBefore2pm.dueAt(utc("2026-06-10T11:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-10T21:00:00Z"));
    }

    @Test
    void sameDayAfterTheCutoffIsDueAtTomorrowsClose() {
        // Wed 2026-06-10 15:00 EDT → Thu 17:00 EDT = 2026-06-11T21:00Z.
        assertThat(sameDayBefore2pm.dueAt(utc("2026-06-10T19:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-11T21:00:00Z"));
    }

    @Test
    void sameDayExactlyAtTheCutoffIsTooLate() {
        // Wed 14:00 EDT is not before 14:00 → Thu 17:00 EDT.
        assertThat(sameDayBefore2pm.dueAt(utc("2026-06-10T18:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-11T21:00:00Z"));
    }

    @Test
    void sameDayAfterCloseIsTooLateEvenBeforeALateCutoff() {
        var before6pm = new ResponseWindow.SameDay(LocalTime.of(18, 0));
        // Wed 17:30 EDT: before the cutoff but after close → Thu 17:00 EDT.
        assertThat(before6pm.dueAt(utc("2026-06-10T21:30:00Z"), CLINIC)).isEqualTo(utc("2026-06-11T21:00:00Z"));
    }

    @Test
    void sameDayReceivedOnSaturdayIsDueAtMondaysClose() {
        // Sat 2026-06-13 09:00 EDT → Mon 2026-06-15 17:00 EDT = 21:00Z.
        assertThat(sameDayBefore2pm.dueAt(utc("2026-06-13T13:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-15T21:00:00Z"));
    }

    @Test
    void sameDayReceivedOnThanksgivingIsDueAtFridaysClose() {
        // Thu 2026-11-26 10:00 EST → Fri 2026-11-27 17:00 EST = 22:00Z.
        assertThat(sameDayBefore2pm.dueAt(utc("2026-11-26T15:00:00Z"), CLINIC)).isEqualTo(utc("2026-11-27T22:00:00Z"));
    }

    @Test
    void nextBusinessDayByNoonSkipsClosureChristmasAndWeekend() {
        var byNoon = new ResponseWindow.NextBusinessDay(LocalTime.NOON);
        // Wed 2026-12-23 10:00 EST → 24 closure, 25 Christmas, weekend → Mon 2026-12-28 12:00 EST = 17:00Z.
        assertThat(byNoon.dueAt(utc("2026-12-23T15:00:00Z"), CLINIC)).isEqualTo(utc("2026-12-28T17:00:00Z"));
    }

    @Test
    void nextBusinessDayWithoutATimeIsDueAtThatDaysClose() {
        var byClose = new ResponseWindow.NextBusinessDay(null);
        // Thu 2026-07-02 10:00 EDT → Fri 07-03 observed Independence Day, weekend → Mon 07-06 17:00 EDT = 21:00Z.
        assertThat(byClose.dueAt(utc("2026-07-02T14:00:00Z"), CLINIC)).isEqualTo(utc("2026-07-06T21:00:00Z"));
    }

    @Test
    void nextBusinessDayFromSaturdayIsMonday() {
        var byTen = new ResponseWindow.NextBusinessDay(LocalTime.of(10, 0));
        // Sat 2026-06-13 09:00 EDT → Mon 2026-06-15 10:00 EDT = 14:00Z.
        assertThat(byTen.dueAt(utc("2026-06-13T13:00:00Z"), CLINIC)).isEqualTo(utc("2026-06-15T14:00:00Z"));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new ResponseWindow.Within(Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ResponseWindow.SameDay(null)).isInstanceOf(NullPointerException.class);
    }
}

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
import org.ringback.practice.BusinessCalendar.OpenPeriod;

/**
 * Expected instants are worked out by hand in the comments. New York is UTC-4 (EDT) from 2026-03-08 to
 * 2026-11-01 and UTC-5 (EST) outside it; Berlin is UTC+1 (CET) and UTC+2 (CEST) from 2026-03-29 to 2026-10-25.
 */
class BusinessCalendarTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final OpeningInterval MORNING = interval("08:00", "12:00");
    static final OpeningInterval AFTERNOON = interval("13:00", "17:00");

    /** Mon–Fri 08:00–12:00 and 13:00–17:00, US public holidays, closed on Christmas Eve 2026. */
    static final BusinessCalendar CLINIC = weekdays(NEW_YORK, List.of(AFTERNOON, MORNING),
            new JollydayHolidays("US"), Set.of(LocalDate.of(2026, 12, 24)));

    static final BusinessCalendar AROUND_THE_CLOCK = everyDay(NEW_YORK, interval("00:00", "00:00"));

    static OpeningInterval interval(String start, String end) {
        return new OpeningInterval(LocalTime.parse(start), LocalTime.parse(end));
    }

    static BusinessCalendar weekdays(ZoneId zone, List<OpeningInterval> hours, Holidays holidays, Set<LocalDate> closures) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        return new BusinessCalendar(zone, week, holidays, closures);
    }

    static BusinessCalendar everyDay(ZoneId zone, OpeningInterval... hours) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(hours));
        }
        return new BusinessCalendar(zone, week, Holidays.NONE, Set.of());
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    // ---- construction

    @Test
    void sortsTheIntervalsOfADay() {
        // Given as 13:00–17:00 then 08:00–12:00; Wed 2026-06-10 is EDT: 08:00 = 12:00Z, 12:00 = 16:00Z …
        assertThat(CLINIC.openPeriods(LocalDate.of(2026, 6, 10))).containsExactly(
                new OpenPeriod(utc("2026-06-10T12:00:00Z"), utc("2026-06-10T16:00:00Z")),
                new OpenPeriod(utc("2026-06-10T17:00:00Z"), utc("2026-06-10T21:00:00Z")));
    }

    @Test
    void refusesOverlappingIntervals() {
        assertThatThrownBy(() -> weekdays(NEW_YORK, List.of(MORNING, interval("11:00", "14:00")), Holidays.NONE, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MONDAY")
                .hasMessageContaining("overlap")
                .hasMessageContaining("08:00–12:00")
                .hasMessageContaining("11:00–14:00");
    }

    @Test
    void refusesAnIntervalAfterOneRunningToMidnight() {
        assertThatThrownBy(() -> everyDay(NEW_YORK, interval("00:00", "00:00"), interval("08:00", "09:00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("00:00–24:00");
    }

    @Test
    void refusesACalendarWithoutOpeningHours() {
        assertThatThrownBy(() -> new BusinessCalendar(NEW_YORK, Map.of(DayOfWeek.MONDAY, List.of()), Holidays.NONE, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A practice needs opening hours on at least one weekday.");
    }

    @Test
    void joinsIntervalsThatTouch() {
        var calendar = weekdays(NEW_YORK, List.of(interval("12:00", "17:00"), MORNING), Holidays.NONE, Set.of());
        // Wed 2026-06-10 08:00 EDT = 12:00Z to 17:00 EDT = 21:00Z, no zero-length break at noon.
        assertThat(calendar.openPeriods(LocalDate.of(2026, 6, 10))).containsExactly(
                new OpenPeriod(utc("2026-06-10T12:00:00Z"), utc("2026-06-10T21:00:00Z")));
    }

    // ---- business days

    @Test
    void weekdayIsABusinessDay() {
        assertThat(CLINIC.isBusinessDay(LocalDate.of(2026, 6, 10))).isTrue();
        // The day after Thanksgiving is no federal holiday.
        assertThat(CLINIC.isBusinessDay(LocalDate.of(2026, 11, 27))).isTrue();
    }

    @Test
    void weekendHolidayAndClosureAreNot() {
        assertThat(CLINIC.isBusinessDay(LocalDate.of(2026, 6, 13))).as("Saturday").isFalse();
        assertThat(CLINIC.isBusinessDay(LocalDate.of(2026, 11, 26))).as("Thanksgiving").isFalse();
        assertThat(CLINIC.isBusinessDay(LocalDate.of(2026, 12, 24))).as("closure").isFalse();
        assertThat(CLINIC.openPeriods(LocalDate.of(2026, 12, 24))).isEmpty();
        assertThat(CLINIC.endOfBusinessDay(LocalDate.of(2026, 11, 26))).isEmpty();
    }

    @Test
    void endOfBusinessDayIsTheLastClose() {
        // Wed 2026-06-10 17:00 EDT = 21:00Z; Fri 2026-11-27 17:00 EST = 22:00Z.
        assertThat(CLINIC.endOfBusinessDay(LocalDate.of(2026, 6, 10))).contains(utc("2026-06-10T21:00:00Z"));
        assertThat(CLINIC.endOfBusinessDay(LocalDate.of(2026, 11, 27))).contains(utc("2026-11-27T22:00:00Z"));
    }

    @Test
    void nextBusinessDaySkipsHolidaysClosuresAndWeekends() {
        assertThat(CLINIC.nextBusinessDay(LocalDate.of(2026, 6, 10))).isEqualTo(LocalDate.of(2026, 6, 11));
        // Wed before Thanksgiving → Fri.
        assertThat(CLINIC.nextBusinessDay(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 27));
        // Wed 12-23 → Thu 12-24 closure, Fri 12-25 Christmas, weekend → Mon 12-28.
        assertThat(CLINIC.nextBusinessDay(LocalDate.of(2026, 12, 23))).isEqualTo(LocalDate.of(2026, 12, 28));
        // Thu 07-02 → Fri 07-03 is the observed Independence Day → Mon 07-06.
        assertThat(CLINIC.nextBusinessDay(LocalDate.of(2026, 7, 2))).isEqualTo(LocalDate.of(2026, 7, 6));
        // Strictly after: from a Saturday it is the Monday.
        assertThat(CLINIC.nextBusinessDay(LocalDate.of(2026, 6, 13))).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void berlinClosesOverEaster() {
        var berlin = weekdays(BERLIN, List.of(MORNING, AFTERNOON), new JollydayHolidays("DE-BE"), Set.of());
        // Thu 2026-04-02 → Good Friday 04-03, weekend, Easter Monday 04-06 → Tue 04-07.
        assertThat(berlin.nextBusinessDay(LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    // ---- open or closed

    @Test
    void closedOverLunchAndAfterHours() {
        // Wed 2026-06-10, EDT: local = UTC - 4h.
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T12:00:00Z"))).as("08:00").isTrue();
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T15:59:59Z"))).as("11:59:59").isTrue();
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T16:00:00Z"))).as("12:00").isFalse();
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T16:30:00Z"))).as("12:30").isFalse();
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T17:00:00Z"))).as("13:00").isTrue();
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T21:00:00Z"))).as("17:00").isFalse();
        assertThat(CLINIC.isOpenAt(utc("2026-06-10T11:59:59Z"))).as("07:59:59").isFalse();
    }

    @Test
    void nextOpenAtIsTheMomentItselfWhenOpen() {
        assertThat(CLINIC.nextOpenAt(utc("2026-06-10T14:00:00Z"))).isEqualTo(utc("2026-06-10T14:00:00Z"));
    }

    @Test
    void nextOpenAtWaitsForTheEndOfLunch() {
        // 12:30 EDT → 13:00 EDT = 17:00Z.
        assertThat(CLINIC.nextOpenAt(utc("2026-06-10T16:30:00Z"))).isEqualTo(utc("2026-06-10T17:00:00Z"));
    }

    @Test
    void nextOpenAtSkipsTheWeekend() {
        // Fri 2026-06-12 17:30 EDT → Mon 2026-06-15 08:00 EDT = 12:00Z.
        assertThat(CLINIC.nextOpenAt(utc("2026-06-12T21:30:00Z"))).isEqualTo(utc("2026-06-15T12:00:00Z"));
    }

    @Test
    void nextOpenAtSkipsThanksgiving() {
        // Wed 2026-11-25 17:00 EST (22:00Z) → Fri 2026-11-27 08:00 EST = 13:00Z.
        assertThat(CLINIC.nextOpenAt(utc("2026-11-25T22:00:00Z"))).isEqualTo(utc("2026-11-27T13:00:00Z"));
    }

    @Test
    void localDateIsInThePracticeZone() {
        // 2026-06-11T02:00Z is still Wed 2026-06-10 22:00 in New York.
        assertThat(CLINIC.localDate(utc("2026-06-11T02:00:00Z"))).isEqualTo(LocalDate.of(2026, 6, 10));
    }

    // ---- adding business time

    @Test
    void skipsLunch() {
        // Wed 11:00 EDT + 2h: 11:00–12:00, then 13:00–14:00 → 14:00 EDT = 18:00Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-10T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(utc("2026-06-10T18:00:00Z"));
    }

    @Test
    void endingExactlyAtLunchGivesTheStartOfLunch() {
        // Wed 11:00 EDT + 1h → 12:00 EDT = 16:00Z, not 13:00.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-10T15:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-06-10T16:00:00Z"));
    }

    @Test
    void endingExactlyAtCloseGivesTheClose() {
        // Wed 16:00 EDT + 1h → 17:00 EDT = 21:00Z, not Thursday 08:00.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-10T20:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-06-10T21:00:00Z"));
    }

    @Test
    void carriesOverTheWeekend() {
        // Fri 2026-06-12 16:00 EDT + 2h: 1h Friday, 1h from Mon 08:00 → Mon 2026-06-15 09:00 EDT = 13:00Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-12T20:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(utc("2026-06-15T13:00:00Z"));
    }

    @Test
    void carriesOverThanksgiving() {
        // Wed 2026-11-25 16:30 EST + 1h: 30 min Wed, Thanksgiving, Fri 08:00 + 30 min = 08:30 EST = 13:30Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-11-25T21:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-11-27T13:30:00Z"));
    }

    @Test
    void carriesOverAClosureAndChristmas() {
        // Wed 2026-12-23 16:00 EST + 2h: 1h Wed; 24 closure, 25 Christmas, weekend; Mon 28 09:00 EST = 14:00Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-12-23T21:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(utc("2026-12-28T14:00:00Z"));
    }

    @Test
    void startsCountingAtTheNextOpening() {
        // Tue 2026-06-09 20:00 EDT + 30 min → Wed 08:30 EDT = 12:30Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-10T00:00:00Z"), Duration.ofMinutes(30)))
                .isEqualTo(utc("2026-06-10T12:30:00Z"));
    }

    @Test
    void tenBusinessDaysSkipJuneteenth() {
        // Mon 2026-06-08 08:00 EDT + 80h = ten 8-hour days: Jun 8–12, Jun 15–18 (Fri 19 is Juneteenth), Mon Jun 22
        // → Mon 2026-06-22 17:00 EDT = 21:00Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-08T12:00:00Z"), Duration.ofHours(80)))
                .isEqualTo(utc("2026-06-22T21:00:00Z"));
    }

    @Test
    void zeroIsTheNextOpenMoment() {
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-10T14:00:00Z"), Duration.ZERO)).isEqualTo(utc("2026-06-10T14:00:00Z"));
        // 12:30 EDT (lunch) → 13:00 EDT = 17:00Z.
        assertThat(CLINIC.plusBusinessTime(utc("2026-06-10T16:30:00Z"), Duration.ZERO)).isEqualTo(utc("2026-06-10T17:00:00Z"));
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> CLINIC.plusBusinessTime(utc("2026-06-10T14:00:00Z"), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crossesBerlinSpringForwardByOpenTimeNotWallTime() {
        var berlin = weekdays(BERLIN, List.of(MORNING, AFTERNOON), new JollydayHolidays("DE-BE"), Set.of());
        // Fri 2026-03-27 16:00 CET (15:00Z) + 2h: 1h Friday, Mon 2026-03-30 09:00 CEST = 07:00Z.
        assertThat(berlin.plusBusinessTime(utc("2026-03-27T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(utc("2026-03-30T07:00:00Z"));
    }

    // ---- measuring business time

    @Test
    void sumsOpenTimeOnly() {
        // Wed 2026-06-10 10:00 EDT → Mon 2026-06-15 10:00 EDT: Wed 2h + 4h, Thu 8h, Fri 8h, Mon 2h = 24h.
        assertThat(CLINIC.businessTimeBetween(utc("2026-06-10T14:00:00Z"), utc("2026-06-15T14:00:00Z")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void goingBackSkipsNightsWeekendsAndLunch() {
        // Mon 2026-06-15 09:00 EDT back 3h: Mon 1h (08:00–09:00), Fri 17:00 back 2h → Fri 15:00 EDT = 19:00Z.
        assertThat(CLINIC.minusBusinessTime(utc("2026-06-15T13:00:00Z"), Duration.ofHours(3))).isEqualTo(utc("2026-06-12T19:00:00Z"));
        // Wed 2026-06-10 14:00 EDT back 3h: 13:00–14:00, then 10:00–12:00 → 10:00 EDT = 14:00Z.
        assertThat(CLINIC.minusBusinessTime(utc("2026-06-10T18:00:00Z"), Duration.ofHours(3))).isEqualTo(utc("2026-06-10T14:00:00Z"));
        assertThat(AROUND_THE_CLOCK.minusBusinessTime(utc("2026-06-10T18:00:00Z"), Duration.ofHours(3))).isEqualTo(utc("2026-06-10T15:00:00Z"));
    }

    @Test
    void isZeroWhenToIsNotAfterFrom() {
        assertThat(CLINIC.businessTimeBetween(utc("2026-06-10T15:00:00Z"), utc("2026-06-10T14:00:00Z"))).isZero();
        assertThat(CLINIC.businessTimeBetween(utc("2026-06-10T15:00:00Z"), utc("2026-06-10T15:00:00Z"))).isZero();
    }

    @Test
    void isZeroOverLunch() {
        // 12:00–13:00 EDT.
        assertThat(CLINIC.businessTimeBetween(utc("2026-06-10T16:00:00Z"), utc("2026-06-10T17:00:00Z"))).isZero();
    }

    // ---- daylight saving

    @Test
    void atShiftsAGapForwardAndTakesTheEarlierOffsetInAnOverlap() {
        // 2026-03-08 02:30 does not exist in New York → 03:30 EDT = 07:30Z.
        assertThat(CLINIC.at(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30))).isEqualTo(utc("2026-03-08T07:30:00Z"));
        // 2026-11-01 01:30 happens twice → the first, 01:30 EDT = 05:30Z.
        assertThat(CLINIC.at(LocalDate.of(2026, 11, 1), LocalTime.of(1, 30))).isEqualTo(utc("2026-11-01T05:30:00Z"));
    }

    @Test
    void aroundTheClockIsOneUnbrokenStretchAcrossMidnight() {
        // Wed 2026-06-10 23:30 EDT (03:30Z) + 1h → Thu 00:30 EDT = 04:30Z; open at midnight itself.
        assertThat(AROUND_THE_CLOCK.plusBusinessTime(utc("2026-06-11T03:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-06-11T04:30:00Z"));
        assertThat(AROUND_THE_CLOCK.isOpenAt(utc("2026-06-11T04:00:00Z"))).isTrue();
        assertThat(AROUND_THE_CLOCK.nextOpenAt(utc("2026-06-11T04:00:00Z"))).isEqualTo(utc("2026-06-11T04:00:00Z"));
    }

    @Test
    void aroundTheClockAddsRealTimeOverSpringForward() {
        // Sat 2026-03-07 22:00 EST = 03:00Z + 6h = 09:00Z = Sun 2026-03-08 05:00 EDT (wall clock moved 7h).
        assertThat(AROUND_THE_CLOCK.plusBusinessTime(utc("2026-03-08T03:00:00Z"), Duration.ofHours(6)))
                .isEqualTo(utc("2026-03-08T09:00:00Z"));
        // The local day 2026-03-08 is 23 hours long: 05:00Z to 04:00Z next day.
        assertThat(AROUND_THE_CLOCK.openPeriods(LocalDate.of(2026, 3, 8))).containsExactly(
                new OpenPeriod(utc("2026-03-08T05:00:00Z"), utc("2026-03-09T04:00:00Z")));
    }

    @Test
    void aroundTheClockAddsRealTimeOverFallBack() {
        // Sat 2026-10-31 22:00 EDT = 02:00Z + 6h = 08:00Z = Sun 2026-11-01 03:00 EST (wall clock moved 5h).
        assertThat(AROUND_THE_CLOCK.plusBusinessTime(utc("2026-11-01T02:00:00Z"), Duration.ofHours(6)))
                .isEqualTo(utc("2026-11-01T08:00:00Z"));
        // The local day 2026-11-01 is 25 hours long.
        assertThat(AROUND_THE_CLOCK.businessTimeBetween(utc("2026-11-01T04:00:00Z"), utc("2026-11-02T05:00:00Z")))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void berlinAroundTheClockDayOfFallBackIs25Hours() {
        var berlin = everyDay(BERLIN, interval("00:00", "00:00"));
        // 2026-10-25 00:00 CEST = 10-24 22:00Z; 2026-10-26 00:00 CET = 10-25 23:00Z.
        assertThat(berlin.openPeriods(LocalDate.of(2026, 10, 25))).containsExactly(
                new OpenPeriod(utc("2026-10-24T22:00:00Z"), utc("2026-10-25T23:00:00Z")));
    }

    @Test
    void nightLineIsOneHourOnSpringForward() {
        var nightLine = everyDay(NEW_YORK, interval("01:00", "03:00"));
        // 01:00 EST = 06:00Z; 03:00 EDT = 07:00Z: the clock skips 02:00–03:00.
        assertThat(nightLine.openPeriods(LocalDate.of(2026, 3, 8))).containsExactly(
                new OpenPeriod(utc("2026-03-08T06:00:00Z"), utc("2026-03-08T07:00:00Z")));
        // 01:30 EST (06:30Z) + 1h: 30 min left that night, then Mon 01:00 EDT (05:00Z) + 30 min = 05:30Z.
        assertThat(nightLine.plusBusinessTime(utc("2026-03-08T06:30:00Z"), Duration.ofHours(1)))
                .isEqualTo(utc("2026-03-09T05:30:00Z"));
    }

    @Test
    void nightLineIsThreeHoursOnFallBack() {
        var nightLine = everyDay(NEW_YORK, interval("01:00", "03:00"));
        // 01:00 EDT = 05:00Z; 03:00 EST = 08:00Z: 01:00–02:00 is lived twice.
        assertThat(nightLine.openPeriods(LocalDate.of(2026, 11, 1))).containsExactly(
                new OpenPeriod(utc("2026-11-01T05:00:00Z"), utc("2026-11-01T08:00:00Z")));
        // The second 01:30 (EST) = 06:30Z is open.
        assertThat(nightLine.isOpenAt(utc("2026-11-01T06:30:00Z"))).isTrue();
        // 01:30 EDT (05:30Z) + 2h = 07:30Z (02:30 EST), still the same night.
        assertThat(nightLine.plusBusinessTime(utc("2026-11-01T05:30:00Z"), Duration.ofHours(2)))
                .isEqualTo(utc("2026-11-01T07:30:00Z"));
    }

    @Test
    void hoursThatFallEntirelyIntoTheGapDoNotOpenTheDay() {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of(interval("02:30", "03:00")));
        var calendar = new BusinessCalendar(NEW_YORK, week, Holidays.NONE, Set.of());
        // 02:30 → 03:30 EDT (07:30Z) but 03:00 EDT = 07:00Z: nothing is open on 2026-03-08.
        assertThat(calendar.openPeriods(LocalDate.of(2026, 3, 8))).isEmpty();
        assertThat(calendar.isBusinessDay(LocalDate.of(2026, 3, 8))).isFalse();
        // The following Sunday: 02:30 EDT = 06:30Z to 03:00 EDT = 07:00Z.
        assertThat(calendar.nextBusinessDay(LocalDate.of(2026, 3, 7))).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(calendar.nextOpenAt(utc("2026-03-08T06:00:00Z"))).isEqualTo(utc("2026-03-15T06:30:00Z"));
    }

    // ---- bounded search

    static final BusinessCalendar CLOSED_FOR_GOOD = weekdays(NEW_YORK, List.of(MORNING), date -> true, Set.of());

    @Test
    void givesUpInsteadOfLoopingForever() {
        Instant t = utc("2026-06-10T14:00:00Z");
        assertThatThrownBy(() -> CLOSED_FOR_GOOD.nextOpenAt(t)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("three years");
        assertThatThrownBy(() -> CLOSED_FOR_GOOD.plusBusinessTime(t, Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CLOSED_FOR_GOOD.nextBusinessDay(LocalDate.of(2026, 6, 10)))
                .isInstanceOf(IllegalStateException.class);
    }
}

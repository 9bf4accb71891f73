package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Holidays;
import org.ringback.practice.JollydayHolidays;
import org.ringback.practice.Ladder;
import org.ringback.practice.OpeningInterval;

/**
 * New York clinic: Mon–Fri 08:00–12:00 and 13:00–17:00, US holidays, closed 2026-12-24; default call windows
 * MORNING 08–11, MIDDAY 11–14, AFTERNOON 14–17, EVENING 17–19 (never open here). EDT = UTC-4, EST = UTC-5.
 */
class ResponseLadderTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BusinessCalendar CLINIC = calendar(NEW_YORK, List.of(
                    new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new OpeningInterval(LocalTime.of(13, 0), LocalTime.of(17, 0))),
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            new JollydayHolidays("US"), Set.of(LocalDate.of(2026, 12, 24)));

    static BusinessCalendar calendar(ZoneId zone, List<OpeningInterval> hours, List<DayOfWeek> days, Holidays holidays,
                                     Set<LocalDate> closures) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> week.put(day, hours));
        return new BusinessCalendar(zone, week, holidays, closures);
    }

    static Instant utc(String instant) {
        return Instant.parse(instant);
    }

    final ResponseLadder ladder = new ResponseLadder(Ladder.DEFAULT, CallWindow.DEFAULTS, CLINIC);

    @Test
    void namesTheWindowOfAMoment() {
        // Wed 2026-06-10: 09:30 EDT, 12:30 EDT (lunch, but still the MIDDAY window), 20:00 EDT.
        assertThat(ladder.windowAt(utc("2026-06-10T13:30:00Z"))).contains("MORNING");
        assertThat(ladder.windowAt(utc("2026-06-10T16:30:00Z"))).contains("MIDDAY");
        assertThat(ladder.windowAt(utc("2026-06-10T18:00:00Z"))).contains("AFTERNOON");
        assertThat(ladder.windowAt(utc("2026-06-11T00:00:00Z"))).isEmpty();
    }

    @Test
    void isExhaustedAfterMaxAttempts() {
        assertThat(ladder.isExhausted(2)).isFalse();
        assertThat(ladder.isExhausted(3)).isTrue();
        assertThat(ladder.isExhausted(4)).isTrue();
    }

    @Test
    void movesToAnUntriedWindow() {
        // Wed 09:00 EDT in MORNING + 2h = 11:00 EDT, MIDDAY, untried and open → 15:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T13:00:00Z"), Set.of("MORNING"), Set.of()))
                .isEqualTo(utc("2026-06-10T15:00:00Z"));
    }

    @Test
    void skipsTriedWindowsAndLunch() {
        // Wed 10:30 EDT + 2h = 12:30 (lunch, MIDDAY tried) → AFTERNOON from 14:00 EDT = 18:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T14:30:00Z"), Set.of("MORNING", "MIDDAY"), Set.of()))
                .isEqualTo(utc("2026-06-10T18:00:00Z"));
    }

    @Test
    void waitsForTheEndOfLunchInsideAnUntriedWindow() {
        // Wed 10:15 EDT + 2h = 12:15 (lunch) → MIDDAY reopens at 13:00 EDT = 17:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T14:15:00Z"), Set.of("MORNING"), Set.of()))
                .isEqualTo(utc("2026-06-10T17:00:00Z"));
    }

    @Test
    void withoutTheDifferentWindowRuleTheNextOpenMomentAfterLunchWins() {
        var sameWindowAllowed = new ResponseLadder(new Ladder(3, Duration.ofHours(2), false), CallWindow.DEFAULTS, CLINIC);
        // Wed 10:15 EDT + 2h = 12:15 (lunch) → 13:00 EDT = 17:00Z.
        assertThat(sameWindowAllowed.nextAttemptAt(utc("2026-06-10T14:15:00Z"), Set.of("MIDDAY"), Set.of()))
                .isEqualTo(utc("2026-06-10T17:00:00Z"));
    }

    @Test
    void prefersThePatientsUntriedPreferredWindow() {
        // Wed 09:00 EDT + 2h = 11:00, but the patient prefers afternoons → 14:00 EDT = 18:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T13:00:00Z"), Set.of("MORNING"), Set.of("AFTERNOON")))
                .isEqualTo(utc("2026-06-10T18:00:00Z"));
    }

    @Test
    void preferredWindowsAloneApplyWhenTheSameWindowMayBeRetried() {
        var sameWindowAllowed = new ResponseLadder(new Ladder(3, Duration.ofHours(2), false), CallWindow.DEFAULTS, CLINIC);
        // Wed 09:00 EDT + 2h = 11:00; AFTERNOON was tried but is preferred and allowed again → 14:00 EDT = 18:00Z.
        assertThat(sameWindowAllowed.nextAttemptAt(utc("2026-06-10T13:00:00Z"), Set.of("AFTERNOON"), Set.of("AFTERNOON")))
                .isEqualTo(utc("2026-06-10T18:00:00Z"));
    }

    @Test
    void aTriedPreferredWindowGivesWayToAnUntriedOne() {
        // Wed 15:00 EDT + 2h = 17:00, closed. Untried: MIDDAY and EVENING (never open) → Thu 11:00 EDT = 15:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T19:00:00Z"), Set.of("MORNING", "AFTERNOON"), Set.of("AFTERNOON")))
                .isEqualTo(utc("2026-06-11T15:00:00Z"));
    }

    @Test
    void rollsToTheNextBusinessDay() {
        // Wed 16:00 EDT in AFTERNOON + 2h = 18:00, closed → Thu 08:00 EDT (MORNING) = 12:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T20:00:00Z"), Set.of("AFTERNOON"), Set.of()))
                .isEqualTo(utc("2026-06-11T12:00:00Z"));
    }

    @Test
    void rollsOverThanksgiving() {
        // Wed 2026-11-25 16:00 EST + 2h = 18:00; Thu is Thanksgiving; MORNING was tried, so the first untried
        // window that is open is Fri 11-27 MIDDAY at 11:00 EST = 16:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-11-25T21:00:00Z"), Set.of("MORNING"), Set.of()))
                .isEqualTo(utc("2026-11-27T16:00:00Z"));
    }

    @Test
    void rollsOverAClosureChristmasAndTheWeekend() {
        // Wed 2026-12-23 15:00 EST + 2h = 17:00 → 24 closure, 25 Christmas, weekend → Mon 12-28 08:00 EST = 13:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-12-23T20:00:00Z"), Set.of("AFTERNOON"), Set.of()))
                .isEqualTo(utc("2026-12-28T13:00:00Z"));
    }

    @Test
    void whenEveryUsableWindowWasTriedAnyWindowWillDo() {
        // Untried is only EVENING, which this practice never opens → any window: Wed 09:00 + 2h = 11:00 EDT = 15:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-06-10T13:00:00Z"), Set.of("MORNING", "MIDDAY", "AFTERNOON"), Set.of()))
                .isEqualTo(utc("2026-06-10T15:00:00Z"));
    }

    @Test
    void withoutCallWindowsItIsTheNextOpenMoment() {
        var noWindows = new ResponseLadder(Ladder.DEFAULT, List.of(), CLINIC);
        // Wed 16:00 EDT + 2h = 18:00 → Thu 08:00 EDT = 12:00Z.
        assertThat(noWindows.nextAttemptAt(utc("2026-06-10T20:00:00Z"), Set.of(), Set.of("MORNING")))
                .isEqualTo(utc("2026-06-11T12:00:00Z"));
        assertThat(noWindows.windowAt(utc("2026-06-10T14:00:00Z"))).isEmpty();
    }

    @Test
    void windowsThatNeverOpenFallBackToTheNextOpenMoment() {
        var eveningOnly = new ResponseLadder(Ladder.DEFAULT, List.of(new CallWindow("EVENING", LocalTime.of(17, 0),
                LocalTime.of(19, 0))), CLINIC);
        // Wed 10:00 EDT + 2h = 12:00 (lunch) → 13:00 EDT = 17:00Z.
        assertThat(eveningOnly.nextAttemptAt(utc("2026-06-10T14:00:00Z"), Set.of(), Set.of()))
                .isEqualTo(utc("2026-06-10T17:00:00Z"));
    }

    @Test
    void aWindowEnteredByTheSpringForwardJumpStartsAtTheJump() {
        var aroundTheClock = calendar(NEW_YORK, List.of(new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
                List.of(DayOfWeek.values()), Holidays.NONE, Set.of());
        var windows = List.of(new CallWindow("NIGHT", LocalTime.of(0, 0), LocalTime.of(2, 30)),
                new CallWindow("EARLY", LocalTime.of(2, 30), LocalTime.of(4, 0)));
        var ladder = new ResponseLadder(new Ladder(3, Duration.ofMinutes(30), true), windows, aroundTheClock);
        // 2026-03-08 01:00 EST (06:00Z) + 30 min = 01:30 EST, NIGHT tried. At 07:00Z the clock jumps from 02:00 EST
        // to 03:00 EDT, which is inside EARLY; 02:30 itself never happens (resolving it would give 03:30 = 07:30Z).
        assertThat(ladder.nextAttemptAt(utc("2026-03-08T06:00:00Z"), Set.of("NIGHT"), Set.of()))
                .isEqualTo(utc("2026-03-08T07:00:00Z"));
    }

    @Test
    void theRepeatedHourOfFallBackIsStillItsWindow() {
        var aroundTheClock = calendar(NEW_YORK, List.of(new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
                List.of(DayOfWeek.values()), Holidays.NONE, Set.of());
        var windows = List.of(new CallWindow("LATE", LocalTime.of(0, 0), LocalTime.of(1, 0)),
                new CallWindow("NIGHT", LocalTime.of(1, 0), LocalTime.of(2, 0)));
        var ladder = new ResponseLadder(new Ladder(3, Duration.ofHours(1), true), windows, aroundTheClock);
        // 2026-11-01 00:30 EDT (04:30Z), LATE tried, + 1h = 05:30Z = 01:30 EDT, inside NIGHT.
        assertThat(ladder.nextAttemptAt(utc("2026-11-01T04:30:00Z"), Set.of("LATE"), Set.of()))
                .isEqualTo(utc("2026-11-01T05:30:00Z"));
        // 01:30 EDT (05:30Z), NIGHT tried, + 1h = 06:30Z = 01:30 EST: still NIGHT, so the next untried window
        // is LATE on the following night, 2026-11-02 00:00 EST = 05:00Z.
        assertThat(ladder.nextAttemptAt(utc("2026-11-01T05:30:00Z"), Set.of("NIGHT"), Set.of()))
                .isEqualTo(utc("2026-11-02T05:00:00Z"));
    }
}

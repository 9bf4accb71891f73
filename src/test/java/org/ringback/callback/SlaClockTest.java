package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ringback.callback.CallbackFixtures.CLINIC;
import static org.ringback.callback.CallbackFixtures.NEW_YORK;
import static org.ringback.callback.CallbackFixtures.ny;
import static org.ringback.callback.CallbackFixtures.utc;
import static org.ringback.callback.SlaEvent.Clock.FIRST_ATTEMPT;
import static org.ringback.callback.SlaEvent.Clock.RESOLUTION;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.Holidays;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.ResponseWindow;

/**
 * The clock derived from its events, in the clinic's calendar of {@link CallbackFixtures} (New York, Mon–Fri
 * 08–12 and 13–17, Thanksgiving Thu 11-26 a holiday, Thu 12-24 a closure) and in an always-open New York line
 * written the way people write it, 00:00–23:59.
 */
class SlaClockTest {

    /** An always-open clinical line, entered as 00:00–23:59 every day. */
    static final BusinessCalendar ALWAYS_OPEN = alwaysOpen();

    static BusinessCalendar alwaysOpen() {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.of(23, 59))));
        }
        return new BusinessCalendar(NEW_YORK, week, Holidays.NONE, Set.of());
    }

    private final List<SlaEvent> events = new ArrayList<>();

    private SlaEventsBuilder resolution(Instant start, Duration target) {
        events.add(SlaEvent.started(events.size() + 1, RESOLUTION, start, new SlaTarget.BusinessTime(target), "category"));
        return new SlaEventsBuilder(RESOLUTION);
    }

    private final class SlaEventsBuilder {
        private final SlaEvent.Clock clock;

        SlaEventsBuilder(SlaEvent.Clock clock) {
            this.clock = clock;
        }

        SlaEventsBuilder then(SlaEvent.Type type, Instant at) {
            events.add(SlaEvent.of(events.size() + 1, clock, type, at, null));
            return this;
        }

        SlaClock in(BusinessCalendar calendar) {
            return SlaClock.of(clock, events, calendar);
        }
    }

    @Test
    void dueIsTheStartPlusTheTargetInBusinessTime() {
        // Mon 09:00 + 16 business hours: Mon 7h, Tue 8h, Wed 08:00 + 1h = Wed 09:00 EST = 14:00Z.
        var clock = resolution(ny("2026-11-23T09:00"), Duration.ofHours(16)).in(CLINIC);

        assertThat(clock.dueAt(ny("2026-11-23T09:00"))).isEqualTo(utc("2026-11-25T14:00:00Z"));
        assertThat(clock.pausedTime(ny("2026-11-24T09:00"))).isZero();
        assertThat(clock.elapsed(ny("2026-11-24T09:00"))).isEqualTo(Duration.ofHours(8));
        assertThat(clock.minutesOverTarget(ny("2026-11-24T09:00"))).isEqualTo(-8 * 60);
        assertThat(clock.breached(ny("2026-11-24T09:00"))).isFalse();
    }

    @Test
    void aPauseMovesTheDueTimeByThePausedBusinessTimeAndIsNotCountedAsElapsed() {
        // Paused Mon 10:00 → Tue 10:00: Mon 10–12 + 13–17 + Tue 08–10 = 8 business hours.
        var clock = resolution(ny("2026-11-23T09:00"), Duration.ofHours(16))
                .then(SlaEvent.Type.PAUSED, ny("2026-11-23T10:00"))
                .then(SlaEvent.Type.RESUMED, ny("2026-11-24T10:00"))
                .in(CLINIC);

        assertThat(clock.settledPause()).isEqualTo(Duration.ofHours(8));
        // Wed 09:00 + 8h: Wed 09–12 + 13–17 (7h), Thu Thanksgiving, Fri 08:00 + 1h = Fri 09:00 EST = 14:00Z.
        assertThat(clock.settledDue()).isEqualTo(utc("2026-11-27T14:00:00Z"));
        // At Tue 12:00: 1h before the pause and 2h after it have run.
        assertThat(clock.elapsed(ny("2026-11-24T12:00"))).isEqualTo(Duration.ofHours(3));
        assertThat(clock.pausedTime(ny("2026-11-24T12:00"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aRunningPauseHoldsTheClockStill() {
        var clock = resolution(ny("2026-11-23T09:00"), Duration.ofHours(16))
                .then(SlaEvent.Type.PAUSED, ny("2026-11-23T10:00"))
                .in(CLINIC);

        assertThat(clock.isPaused()).isTrue();
        assertThat(clock.pausedSince()).contains(ny("2026-11-23T10:00"));
        // The board's cache keeps the due time until the pause ends.
        assertThat(clock.settledDue()).isEqualTo(utc("2026-11-25T14:00:00Z"));
        // Read later, the elapsed time and the minutes left have not moved.
        assertThat(clock.elapsed(ny("2026-11-24T15:00"))).isEqualTo(Duration.ofHours(1));
        assertThat(clock.minutesOverTarget(ny("2026-11-24T15:00"))).isEqualTo(-15 * 60);
        assertThat(clock.breached(ny("2026-11-30T15:00"))).isFalse();
        assertThat(clock.breachDue(ny("2026-11-30T15:00"))).isFalse();
    }

    @Test
    void aPauseWhileClosedCostsNothing() {
        // Fri 17:30 → Mon 07:30: nothing open in between.
        var clock = resolution(ny("2026-11-20T09:00"), Duration.ofHours(16))
                .then(SlaEvent.Type.PAUSED, ny("2026-11-20T17:30"))
                .then(SlaEvent.Type.RESUMED, ny("2026-11-23T07:30"))
                .in(CLINIC);

        assertThat(clock.settledPause()).isZero();
        // Fri 09:00 + 16h: Fri 7h, Mon 8h, Tue 08:00 + 1h = Tue 09:00 EST.
        assertThat(clock.settledDue()).isEqualTo(ny("2026-11-24T09:00"));
    }

    @Test
    void aDueTimeCarriesOverTheWeekend() {
        // Fri 16:00 + 2h: Fri 16–17, Mon 08:00 + 1h.
        var clock = resolution(ny("2026-11-20T16:00"), Duration.ofHours(2)).in(CLINIC);

        assertThat(clock.settledDue()).isEqualTo(ny("2026-11-23T09:00"));
    }

    @Test
    void aDueTimeCarriesOverAHolidayAndAClosure() {
        assertThat(resolution(ny("2026-11-25T16:00"), Duration.ofHours(2)).in(CLINIC).settledDue())
                .as("Thanksgiving").isEqualTo(ny("2026-11-27T09:00"));
        events.clear();
        assertThat(resolution(ny("2026-12-23T16:00"), Duration.ofHours(2)).in(CLINIC).settledDue())
                .as("the practice's own closure on 12-24, then Christmas is a Friday but not a holiday in this calendar")
                .isEqualTo(ny("2026-12-25T09:00"));
    }

    @Test
    void fulfilledLateIsOverTargetAndBreached() {
        // Due Mon 10:00; fulfilled Mon 14:00 = 3 business hours late (lunch not counted).
        var clock = resolution(ny("2026-11-23T08:00"), Duration.ofHours(2))
                .then(SlaEvent.Type.FULFILLED, ny("2026-11-23T14:00"))
                .in(CLINIC);

        assertThat(clock.minutesOverTarget(ny("2026-12-01T00:00"))).isEqualTo(3 * 60);
        assertThat(clock.breached(ny("2026-12-01T00:00"))).isTrue();
        assertThat(clock.elapsed(ny("2026-12-01T00:00"))).isEqualTo(Duration.ofHours(5));
        assertThat(clock.breachDue(ny("2026-12-01T00:00"))).as("a fulfilled clock is not recorded as breached later").isFalse();
    }

    @Test
    void fulfilmentEndsARunningPause() {
        var clock = resolution(ny("2026-11-23T08:00"), Duration.ofHours(4))
                .then(SlaEvent.Type.PAUSED, ny("2026-11-23T09:00"))
                .then(SlaEvent.Type.FULFILLED, ny("2026-11-23T11:00"))
                .in(CLINIC);

        assertThat(clock.isPaused()).isFalse();
        assertThat(clock.pausedTime(ny("2026-11-30T11:00"))).isEqualTo(Duration.ofHours(2));
        // Due 12:00 + 2h paused = 15:00; fulfilled at 11:00: 3 business hours (11–12, 13–15) under target.
        assertThat(clock.minutesOverTarget(ny("2026-11-30T11:00"))).isEqualTo(-3 * 60);
    }

    @Test
    void aNewCategoryTargetCountsFromTheSameStartAndKeepsThePause() {
        resolution(ny("2026-11-23T09:00"), Duration.ofHours(16))
                .then(SlaEvent.Type.PAUSED, ny("2026-11-23T10:00"))
                .then(SlaEvent.Type.RESUMED, ny("2026-11-24T10:00"));
        events.add(SlaEvent.started(events.size() + 1, RESOLUTION, ny("2026-11-24T11:00"),
                new SlaTarget.BusinessTime(Duration.ofHours(8)), "category changed"));

        var clock = SlaClock.of(RESOLUTION, events, CLINIC);

        assertThat(clock.start()).contains(ny("2026-11-23T09:00"));
        // Mon 09:00 + 8h + 8h paused = Wed 09:00.
        assertThat(clock.settledDue()).isEqualTo(ny("2026-11-25T09:00"));
    }

    @Test
    void aCalendarChangeKeepsThePausedTimeAndCountsItInTheNewHours() {
        var clock = resolution(ny("2026-11-23T09:00"), Duration.ofHours(16))
                .then(SlaEvent.Type.PAUSED, ny("2026-11-23T10:00"))
                .then(SlaEvent.Type.RESUMED, ny("2026-11-24T10:00"));
        // Open 08:00–18:00 without lunch, Mon–Fri: the same pause is Mon 10–18 + Tue 08–10 = 10 business hours.
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(18, 0))));
        }
        var longer = new BusinessCalendar(NEW_YORK, week, Holidays.NONE, Set.of());

        var recomputed = clock.in(longer);

        assertThat(recomputed.settledPause()).isEqualTo(Duration.ofHours(10));
        // Mon 09:00 + 26h: Mon 9h, Tue 10h, Wed 08:00 + 7h = Wed 15:00.
        assertThat(recomputed.settledDue()).isEqualTo(ny("2026-11-25T15:00"));
    }

    @Test
    void anUrgencyCapOnlyShortens() {
        events.add(SlaEvent.started(1, FIRST_ATTEMPT, ny("2026-11-23T09:00"),
                new SlaTarget.Window(new ResponseWindow.NextBusinessDay(null)), "category"));
        events.add(SlaEvent.capped(2, FIRST_ATTEMPT, ny("2026-11-23T11:30"),
                new SlaTarget.Window(new ResponseWindow.Within(Duration.ofHours(1))), "urgency CLINICAL"));
        events.add(SlaEvent.capped(3, FIRST_ATTEMPT, ny("2026-11-23T11:40"),
                new SlaTarget.Window(new ResponseWindow.Within(Duration.ofHours(4))), "urgency TIME_SENSITIVE"));

        var clock = SlaClock.of(FIRST_ATTEMPT, events, CLINIC);

        // 11:30 + 1 business hour: 11:30–12:00, 13:00–13:30.
        assertThat(clock.settledDue()).isEqualTo(ny("2026-11-23T13:30"));
    }

    @Test
    void anEmergencyIsDueInWallClockMinutesAtNightToo() {
        events.add(SlaEvent.capped(1, FIRST_ATTEMPT, ny("2026-11-23T22:00"), new SlaTarget.WallClock(Duration.ofMinutes(15)), "urgency"));

        assertThat(SlaClock.of(FIRST_ATTEMPT, events, CLINIC).settledDue()).isEqualTo(ny("2026-11-23T22:15"));
    }

    @Test
    void aClockNeverStartedHasNoDueTime() {
        var clock = SlaClock.of(RESOLUTION, List.of(), CLINIC);

        assertThat(clock.isStarted()).isFalse();
        assertThatThrownBy(() -> clock.dueAt(ny("2026-11-23T09:00"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void targetsReadBackFromTheirText() {
        for (SlaTarget target : List.of(new SlaTarget.BusinessTime(Duration.ofHours(16)),
                new SlaTarget.Window(new ResponseWindow.Within(Duration.ofMinutes(90))),
                new SlaTarget.Window(new ResponseWindow.SameDay(LocalTime.of(15, 0))),
                new SlaTarget.Window(new ResponseWindow.NextBusinessDay(LocalTime.NOON)),
                new SlaTarget.Window(new ResponseWindow.NextBusinessDay(null)),
                new SlaTarget.WallClock(Duration.ofMinutes(15)),
                new SlaTarget.Until(utc("2026-11-23T15:00:00Z")))) {
            assertThat(SlaTarget.parse(target.text())).isEqualTo(target);
        }
        assertThatThrownBy(() -> SlaTarget.parse("SOON")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ around the clock, midnight and DST

    @Test
    void anAlwaysOpenLineCountsStraightThroughMidnight() {
        var clock = resolution(ny("2026-11-23T23:30"), Duration.ofHours(1)).in(ALWAYS_OPEN);

        assertThat(clock.settledDue()).isEqualTo(ny("2026-11-24T00:30"));
        // 23:59:30 is open: not "closed for a minute at midnight".
        assertThat(clock.elapsed(ny("2026-11-24T00:00"))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anAlwaysOpenLineCountsRealTimeAcrossSpringForward() {
        // Sat 2026-03-07 23:30 EST = 04:30Z; 4 real hours later is 08:30Z = Sun 04:30 EDT (02:00–03:00 never happens).
        var clock = resolution(ny("2026-03-07T23:30"), Duration.ofHours(4)).in(ALWAYS_OPEN);

        assertThat(clock.settledDue()).isEqualTo(utc("2026-03-08T08:30:00Z"));
    }

    @Test
    void anAlwaysOpenLineCountsRealTimeAcrossFallBack() {
        // Sat 2026-10-31 23:30 EDT = 03:30Z; 4 real hours later is 07:30Z = Sun 02:30 EST (01:00–02:00 happens twice).
        var clock = resolution(utc("2026-11-01T03:30:00Z"), Duration.ofHours(4)).in(ALWAYS_OPEN);

        assertThat(clock.settledDue()).isEqualTo(utc("2026-11-01T07:30:00Z"));
    }

    @Test
    void aPauseOverTheFallBackNightCountsItsRealLength() {
        // Paused Sat 22:00 EDT (02:00Z) → Sun 03:00 EST (08:00Z): 6 real hours, all open on an always-open line.
        var clock = resolution(utc("2026-11-01T01:00:00Z"), Duration.ofHours(2))
                .then(SlaEvent.Type.PAUSED, utc("2026-11-01T02:00:00Z"))
                .then(SlaEvent.Type.RESUMED, utc("2026-11-01T08:00:00Z"))
                .in(ALWAYS_OPEN);

        assertThat(clock.settledPause()).isEqualTo(Duration.ofHours(6));
        assertThat(clock.settledDue()).isEqualTo(utc("2026-11-01T09:00:00Z"));
        assertThat(LocalDate.ofInstant(clock.settledDue(), NEW_YORK)).isEqualTo(LocalDate.of(2026, 11, 1));
    }
}

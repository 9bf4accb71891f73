package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.Holidays;
import org.ringback.practice.OpeningInterval;

/**
 * Laws of a clock under random pause/resume sequences, over calendars with weekends, lunch, holidays, a closure,
 * the always-open 00:00–23:59 line across both New York DST changes, and a Berlin practice. Starts cover 2026
 * (whole minutes, so they land on openings, closes and the DST hours too).
 */
class SlaClockProperties {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final BusinessCalendar BERLIN = berlin();

    /** A start, a target, and pauses as (gap before, length) in minutes. */
    record Scenario(BusinessCalendar calendar, Instant start, Duration target, List<long[]> pauses, boolean endsPaused) {

        List<SlaEvent> events() {
            var events = new ArrayList<SlaEvent>();
            events.add(SlaEvent.started(1, RESOLUTION, start, new SlaTarget.BusinessTime(target), "category"));
            Instant at = start;
            for (int i = 0; i < pauses.size(); i++) {
                at = at.plus(Duration.ofMinutes(pauses.get(i)[0]));
                events.add(SlaEvent.of(events.size() + 1, RESOLUTION, SlaEvent.Type.PAUSED, at, null));
                if (i == pauses.size() - 1 && endsPaused) {
                    break;
                }
                at = at.plus(Duration.ofMinutes(pauses.get(i)[1]));
                events.add(SlaEvent.of(events.size() + 1, RESOLUTION, SlaEvent.Type.RESUMED, at, null));
            }
            return events;
        }

        /** The finished pauses' business time, measured in {@code in}. */
        Duration finishedPauses(BusinessCalendar in) {
            Duration total = Duration.ZERO;
            List<SlaEvent> events = events();
            for (int i = 1; i + 1 < events.size(); i += 2) {
                total = total.plus(in.businessTimeBetween(events.get(i).at(), events.get(i + 1).at()));
            }
            return total;
        }

        Instant lastEvent() {
            List<SlaEvent> events = events();
            return events.get(events.size() - 1).at();
        }
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(CallbackFixtures.CLINIC, SlaClockTest.ALWAYS_OPEN, BERLIN);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Instant> starts = Arbitraries.longs().between(0, Duration.ofDays(364).toMinutes()).map(m -> FROM.plus(Duration.ofMinutes(m)));
        Arbitrary<Duration> targets = Arbitraries.longs().between(1, 5_000).map(Duration::ofMinutes);
        Arbitrary<long[]> pause = Combinators.combine(Arbitraries.longs().between(0, 3_000), Arbitraries.longs().between(0, 4_000))
                .as((gap, length) -> new long[]{gap, length});
        return Combinators.combine(calendars(), starts, targets, pause.list().ofMaxSize(6), Arbitraries.of(true, false))
                .as(Scenario::new);
    }

    @Property(tries = 300)
    void dueIsStartPlusTargetPlusPausedBusinessTime(@ForAll("scenarios") Scenario s) {
        var clock = SlaClock.of(RESOLUTION, s.events(), s.calendar());

        assertThat(clock.settledPause()).isEqualTo(s.finishedPauses(s.calendar()));
        assertThat(clock.settledDue()).isEqualTo(s.calendar().plusBusinessTime(s.start(), s.target().plus(s.finishedPauses(s.calendar()))));
    }

    @Property(tries = 300)
    void pausedTimeIsNeverCountedAsElapsed(@ForAll("scenarios") Scenario s, @ForAll("later") Duration after) {
        var clock = SlaClock.of(RESOLUTION, s.events(), s.calendar());
        Instant now = s.lastEvent().plus(after);

        assertThat(clock.elapsed(now).plus(clock.pausedTime(now))).isEqualTo(s.calendar().businessTimeBetween(s.start(), now));
        if (s.endsPaused() && !s.pauses().isEmpty()) {
            // A running pause holds the clock: later still, nothing more has elapsed.
            assertThat(clock.elapsed(now.plus(Duration.ofDays(3)))).isEqualTo(clock.elapsed(now));
        }
    }

    @Property(tries = 300)
    void theTargetIsReachedExactlyAtTheDueTimeWhenPausesCameFirst(@ForAll("scenarios") Scenario s) {
        var clock = SlaClock.of(RESOLUTION, s.events(), s.calendar());
        Instant due = clock.settledDue();
        if (!s.endsPaused() && !due.isBefore(s.lastEvent())) {
            assertThat(clock.elapsed(due)).isEqualTo(s.target());
            assertThat(clock.minutesOverTarget(due)).isZero();
            assertThat(clock.breached(due)).isFalse();
            assertThat(clock.breached(due.plusSeconds(1))).isTrue();
        }
    }

    @Property(tries = 200)
    void aCalendarChangeKeepsThePausesAndCountsThemInTheNewCalendar(@ForAll("scenarios") Scenario s,
                                                                     @ForAll("calendars") BusinessCalendar changed) {
        var recomputed = SlaClock.of(RESOLUTION, s.events(), changed);

        assertThat(recomputed.settledPause()).isEqualTo(s.finishedPauses(changed));
        assertThat(recomputed.settledDue()).isEqualTo(changed.plusBusinessTime(s.start(), s.target().plus(s.finishedPauses(changed))));
    }

    @Property(tries = 200)
    void aPauseNeverBringsTheDueTimeForward(@ForAll("scenarios") Scenario s) {
        var withPauses = SlaClock.of(RESOLUTION, s.events(), s.calendar());
        var without = SlaClock.of(RESOLUTION, s.events().subList(0, 1), s.calendar());

        assertThat(withPauses.settledDue()).isAfterOrEqualTo(without.settledDue());
    }

    @Property(tries = 200)
    void overAndUnderAgreeWithTheBreachFlag(@ForAll("scenarios") Scenario s, @ForAll("later") Duration after) {
        var clock = SlaClock.of(RESOLUTION, s.events(), s.calendar());
        Instant now = s.lastEvent().plus(after);

        if (clock.minutesOverTarget(now) > 0) {
            assertThat(clock.breached(now)).isTrue();
        }
        if (!clock.breached(now)) {
            assertThat(clock.minutesOverTarget(now)).isLessThanOrEqualTo(0);
        }
    }

    @Provide
    Arbitrary<Duration> later() {
        return Arbitraries.longs().between(0, Duration.ofDays(20).toMinutes()).map(Duration::ofMinutes);
    }

    private static BusinessCalendar berlin() {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new OpeningInterval(LocalTime.of(14, 0), LocalTime.of(18, 0))));
        }
        week.put(DayOfWeek.SATURDAY, List.of(new OpeningInterval(LocalTime.of(9, 0), LocalTime.of(12, 0))));
        return new BusinessCalendar(java.time.ZoneId.of("Europe/Berlin"), week, date -> date.equals(LocalDate.of(2026, 12, 25)),
                Set.of(LocalDate.of(2026, 12, 24)));
    }
}

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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.JollydayHolidays;
import org.ringback.practice.Ladder;
import org.ringback.practice.OpeningInterval;

/**
 * The next attempt is never early, never in closed time, and moves to an untried window whenever one that
 * opens exists. Both calendars open 08:00–12:00 and 13:00–17:00 on weekdays, so MORNING, MIDDAY and
 * AFTERNOON can always be reached and EVENING never.
 */
class ResponseLadderProperties {

    static final Set<String> USABLE = Set.of("MORNING", "MIDDAY", "AFTERNOON");
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    static final BusinessCalendar NEW_YORK = clinic(ZoneId.of("America/New_York"), new JollydayHolidays("US"));
    static final BusinessCalendar BERLIN = clinic(ZoneId.of("Europe/Berlin"), new JollydayHolidays("DE-BE"));

    static BusinessCalendar clinic(ZoneId zone, JollydayHolidays holidays) {
        List<OpeningInterval> hours = List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new OpeningInterval(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        return new BusinessCalendar(zone, week, holidays, Set.of(LocalDate.of(2026, 12, 24)));
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(NEW_YORK, BERLIN);
    }

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(0, Duration.ofDays(365).toMinutes()).map(m -> FROM.plusSeconds(m * 60));
    }

    @Provide
    Arbitrary<Ladder> ladders() {
        Arbitrary<Duration> gaps = Arbitraries.longs().between(0, 8 * 60).map(Duration::ofMinutes);
        return Arbitraries.lazy(() -> gaps.flatMap(gap -> Arbitraries.of(true, false).map(different -> new Ladder(3, gap, different))));
    }

    @Provide
    Arbitrary<Set<String>> windowNames() {
        return Arbitraries.of("MORNING", "MIDDAY", "AFTERNOON", "EVENING").set().ofMaxSize(4);
    }

    @Property
    void neverEarlyAndNeverClosed(@ForAll("calendars") BusinessCalendar calendar, @ForAll("ladders") Ladder settings,
                                  @ForAll("moments") Instant last, @ForAll("windowNames") Set<String> tried,
                                  @ForAll("windowNames") Set<String> preferred) {
        Instant next = new ResponseLadder(settings, CallWindow.DEFAULTS, calendar).nextAttemptAt(last, tried, preferred);
        assertThat(next).isAfterOrEqualTo(last.plus(settings.minGap()));
        assertThat(calendar.isOpenAt(next)).isTrue();
    }

    @Property
    void movesToAnUntriedWindowWhileOneIsLeft(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant last,
                                              @ForAll("windowNames") Set<String> tried,
                                              @ForAll("windowNames") Set<String> preferred) {
        if (tried.containsAll(USABLE)) {
            return;
        }
        var ladder = new ResponseLadder(Ladder.DEFAULT, CallWindow.DEFAULTS, calendar);
        assertThat(ladder.windowAt(ladder.nextAttemptAt(last, tried, preferred)))
                .hasValueSatisfying(window -> assertThat(tried).doesNotContain(window));
    }

    @Property
    void withoutWindowRulesItIsTheNextOpenMoment(@ForAll("calendars") BusinessCalendar calendar,
                                                 @ForAll("moments") Instant last, @ForAll("windowNames") Set<String> tried) {
        var ladder = new ResponseLadder(new Ladder(3, Duration.ofHours(2), false), CallWindow.DEFAULTS, calendar);
        assertThat(ladder.nextAttemptAt(last, tried, Set.of()))
                .isEqualTo(calendar.nextOpenAt(last.plus(Duration.ofHours(2))));
    }
}

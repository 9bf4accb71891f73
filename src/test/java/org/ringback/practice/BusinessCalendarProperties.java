package org.ringback.practice;

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

/**
 * Laws of business time over calendars with lunch breaks, weekends, holidays, a closure, night hours that
 * cross the DST changes, and a 24/7 practice. Moments cover 2026 in whole seconds and in whole hours (the
 * latter land exactly on openings and closes); amounts are whole seconds up to 60 hours.
 */
class BusinessCalendarProperties {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

    static final BusinessCalendar NEW_YORK_CLINIC = calendar(ZoneId.of("America/New_York"),
            weekdays(interval(13, 17), interval(8, 12)), new JollydayHolidays("US"), Set.of(LocalDate.of(2026, 12, 24)));

    static final BusinessCalendar BERLIN_PRACTICE = calendar(ZoneId.of("Europe/Berlin"),
            withSaturday(weekdays(interval(8, 12), interval(14, 18)), interval(9, 12)), new JollydayHolidays("DE-BE"),
            Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)));

    /** Open 01:00–03:00 (touching both DST changes) and 20:00–24:00, every day. */
    static final BusinessCalendar NIGHT_LINE = calendar(ZoneId.of("America/New_York"),
            everyDay(interval(1, 3), new OpeningInterval(LocalTime.of(20, 0), LocalTime.MIDNIGHT)), Holidays.NONE, Set.of());

    static final BusinessCalendar AROUND_THE_CLOCK = calendar(ZoneId.of("America/New_York"),
            everyDay(new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)), Holidays.NONE, Set.of());

    static OpeningInterval interval(int fromHour, int toHour) {
        return new OpeningInterval(LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0));
    }

    static Map<DayOfWeek, List<OpeningInterval>> weekdays(OpeningInterval... hours) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(hours));
            }
        }
        return week;
    }

    static Map<DayOfWeek, List<OpeningInterval>> withSaturday(Map<DayOfWeek, List<OpeningInterval>> week, OpeningInterval hours) {
        week.put(DayOfWeek.SATURDAY, List.of(hours));
        return week;
    }

    static Map<DayOfWeek, List<OpeningInterval>> everyDay(OpeningInterval... hours) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(hours));
        }
        return week;
    }

    static BusinessCalendar calendar(ZoneId zone, Map<DayOfWeek, List<OpeningInterval>> week, Holidays holidays,
                                     Set<LocalDate> closures) {
        return new BusinessCalendar(zone, week, holidays, closures);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        return Arbitraries.of(NEW_YORK_CLINIC, BERLIN_PRACTICE, NIGHT_LINE, AROUND_THE_CLOCK);
    }

    @Provide
    Arbitrary<Instant> moments() {
        Arbitrary<Instant> anySecond = Arbitraries.longs().between(0, YEAR_SECONDS).map(FROM::plusSeconds);
        Arbitrary<Instant> wholeHour = Arbitraries.longs().between(0, YEAR_SECONDS / 3600).map(h -> FROM.plusSeconds(h * 3600));
        return Arbitraries.oneOf(anySecond, wholeHour);
    }

    @Provide
    Arbitrary<Duration> amounts() {
        Arbitrary<Duration> anySeconds = Arbitraries.longs().between(0, 60 * 3600).map(Duration::ofSeconds);
        Arbitrary<Duration> wholeHours = Arbitraries.longs().between(0, 60).map(Duration::ofHours);
        return Arbitraries.oneOf(anySeconds, wholeHours);
    }

    /** The idle-owner sweep's cut-off: exactly the instants at least {@code amount} of open time before the end. */
    @Property
    void goingBackIsTheLatestStartThatMeasuresTheAmount(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant end,
                                                         @ForAll("amounts") Duration amount) {
        Instant latest = calendar.minusBusinessTime(end, amount);
        assertThat(latest).isBeforeOrEqualTo(end);
        assertThat(calendar.businessTimeBetween(latest, end)).isEqualTo(amount);
        assertThat(calendar.businessTimeBetween(latest.plusSeconds(1), end)).isLessThan(amount.isZero() ? Duration.ofSeconds(1) : amount);
    }

    @Property
    void neverEndsBeforeItStarts(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                 @ForAll("amounts") Duration amount) {
        assertThat(calendar.plusBusinessTime(start, amount)).isAfterOrEqualTo(start);
    }

    @Property
    void isMonotonicInTheAmount(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                @ForAll("amounts") Duration a, @ForAll("amounts") Duration b) {
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;
        assertThat(calendar.plusBusinessTime(start, shorter)).isBeforeOrEqualTo(calendar.plusBusinessTime(start, longer));
    }

    @Property
    void measuringGivesBackTheAmountAdded(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                          @ForAll("amounts") Duration amount) {
        assertThat(calendar.businessTimeBetween(start, calendar.plusBusinessTime(start, amount))).isEqualTo(amount);
    }

    @Property
    void theLastSecondBeforeTheResultIsOpen(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                            @ForAll("amounts") Duration amount) {
        if (amount.isZero()) {
            return;
        }
        assertThat(calendar.isOpenAt(calendar.plusBusinessTime(start, amount).minusSeconds(1))).isTrue();
    }

    @Property
    void addingInTwoStepsIsAddingOnce(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant start,
                                      @ForAll("amounts") Duration first, @ForAll("amounts") Duration second) {
        if (second.isZero()) {
            return; // a zero step from a close moves on to the next opening, by design
        }
        assertThat(calendar.plusBusinessTime(calendar.plusBusinessTime(start, first), second))
                .isEqualTo(calendar.plusBusinessTime(start, first.plus(second)));
    }

    @Property
    void nextOpenAtIsOpenAndNothingOpenIsSkipped(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant t) {
        Instant next = calendar.nextOpenAt(t);
        assertThat(next).isAfterOrEqualTo(t);
        assertThat(calendar.isOpenAt(next)).isTrue();
        assertThat(calendar.businessTimeBetween(t, next)).isZero();
        assertThat(calendar.plusBusinessTime(t, Duration.ZERO)).isEqualTo(next);
    }

    @Property
    void measuringIsAdditive(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant from,
                             @ForAll("amounts") Duration firstSpan, @ForAll("amounts") Duration secondSpan) {
        // Spans in real time, up to 60 hours each; whole hours make the cut land on openings and closes.
        Instant middle = from.plus(firstSpan);
        Instant to = middle.plus(secondSpan);
        assertThat(calendar.businessTimeBetween(from, middle).plus(calendar.businessTimeBetween(middle, to)))
                .isEqualTo(calendar.businessTimeBetween(from, to));
    }

    @Property
    void aroundTheClockBusinessTimeIsRealTime(@ForAll("moments") Instant start, @ForAll("amounts") Duration amount) {
        assertThat(AROUND_THE_CLOCK.plusBusinessTime(start, amount)).isEqualTo(start.plus(amount));
    }

    @Property
    void openPeriodsBelongToTheirDayInOrder(@ForAll("calendars") BusinessCalendar calendar, @ForAll("moments") Instant t) {
        LocalDate date = calendar.localDate(t);
        List<BusinessCalendar.OpenPeriod> periods = calendar.openPeriods(date);
        Instant previousEnd = date.atStartOfDay(calendar.zone()).toInstant();
        for (BusinessCalendar.OpenPeriod period : periods) {
            assertThat(period.start()).isAfterOrEqualTo(previousEnd);
            assertThat(period.end()).isAfter(period.start());
            previousEnd = period.end();
        }
        assertThat(previousEnd).isBeforeOrEqualTo(date.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
        assertThat(calendar.isBusinessDay(date)).isEqualTo(!periods.isEmpty());
    }
}

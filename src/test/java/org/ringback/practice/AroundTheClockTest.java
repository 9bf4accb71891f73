package org.ringback.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A 24/7 line entered as 00:00–23:59 (as people and other helpdesks write it) is open around the clock: not
 * "closed for a minute at midnight", across midnight and both New York DST changes.
 */
class AroundTheClockTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final BusinessCalendar UNTIL_2359 = everyDay(new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));

    static BusinessCalendar everyDay(OpeningInterval interval) {
        Map<DayOfWeek, List<OpeningInterval>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(interval));
        }
        return new BusinessCalendar(NEW_YORK, week, Holidays.NONE, Set.of());
    }

    static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(NEW_YORK).toInstant();
    }

    @Test
    void anIntervalEndingAt2359RunsToMidnight() {
        var interval = new OpeningInterval(LocalTime.MIDNIGHT, LocalTime.of(23, 59));

        assertThat(interval.endsAtMidnight()).isTrue();
        assertThat(HoursFormat.format(Map.of(DayOfWeek.MONDAY, List.of(interval))).get("MONDAY").get(0)).containsEntry("end", "24:00");
        assertThat(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(23, 59, 59)).endsAtMidnight()).isTrue();
        assertThat(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(23, 58)).endsAtMidnight()).isFalse();
    }

    @Test
    void theLastMinuteBeforeMidnightIsOpen() {
        assertThat(UNTIL_2359.isOpenAt(ny("2026-11-23T23:59:30"))).isTrue();
        assertThat(UNTIL_2359.nextOpenAt(ny("2026-11-23T23:59:30"))).isEqualTo(ny("2026-11-23T23:59:30"));
    }

    @Test
    void businessTimeAcrossMidnightIsWallTime() {
        assertThat(UNTIL_2359.businessTimeBetween(ny("2026-11-23T22:00"), ny("2026-11-24T02:00"))).isEqualTo(Duration.ofHours(4));
        assertThat(UNTIL_2359.plusBusinessTime(ny("2026-11-23T23:30"), Duration.ofHours(1))).isEqualTo(ny("2026-11-24T00:30"));
        assertThat(UNTIL_2359.businessTimeBetween(ny("2026-11-20T00:00"), ny("2026-11-27T00:00"))).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void springForwardNightHasOneHourLess() {
        // Sat 03-07 22:00 EST → Sun 03-08 04:00 EDT: 5 real hours (02:00–03:00 does not exist).
        Instant from = ny("2026-03-07T22:00");
        Instant to = ny("2026-03-08T04:00");

        assertThat(UNTIL_2359.businessTimeBetween(from, to)).isEqualTo(Duration.ofHours(5)).isEqualTo(Duration.between(from, to));
        assertThat(UNTIL_2359.plusBusinessTime(from, Duration.ofHours(5))).isEqualTo(to);
    }

    @Test
    void fallBackNightHasOneHourMore() {
        // Sat 10-31 22:00 EDT → Sun 11-01 04:00 EST: 7 real hours (01:00–02:00 happens twice).
        Instant from = ny("2026-10-31T22:00");
        Instant to = ny("2026-11-01T04:00");

        assertThat(UNTIL_2359.businessTimeBetween(from, to)).isEqualTo(Duration.ofHours(7)).isEqualTo(Duration.between(from, to));
        assertThat(UNTIL_2359.plusBusinessTime(from, Duration.ofHours(7))).isEqualTo(to);
    }

    @Test
    void aWholeDstWeekIsItsRealLength() {
        Instant springFrom = ny("2026-03-05T00:00");
        Instant springTo = ny("2026-03-12T00:00");
        Instant fallFrom = ny("2026-10-29T00:00");
        Instant fallTo = ny("2026-11-05T00:00");

        assertThat(UNTIL_2359.businessTimeBetween(springFrom, springTo)).isEqualTo(Duration.ofHours(7 * 24 - 1));
        assertThat(UNTIL_2359.businessTimeBetween(fallFrom, fallTo)).isEqualTo(Duration.ofHours(7 * 24 + 1));
    }
}

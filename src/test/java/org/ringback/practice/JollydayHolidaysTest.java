package org.ringback.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class JollydayHolidaysTest {

    static final JollydayHolidays US = new JollydayHolidays("US");

    @Test
    void federalHolidays2026() {
        assertThat(US.isHoliday(LocalDate.of(2026, 11, 26))).as("Thanksgiving").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 12, 25))).as("Christmas").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 6, 19))).as("Juneteenth").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 11, 27))).as("day after Thanksgiving").isFalse();
        assertThat(US.isHoliday(LocalDate.of(2026, 12, 24))).as("Christmas Eve").isFalse();
    }

    @Test
    void independenceDayOnASaturdayCountsOnTheObservedFridayAndOnTheDayItself() {
        // jollyday models the observed day: Holiday.getDate() = 2026-07-03, getActualDate() = 2026-07-04.
        assertThat(US.isHoliday(LocalDate.of(2026, 7, 3))).isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 7, 4))).isTrue();
    }

    @Test
    void anObservedDayInTheYearBeforeIsFound() {
        // New Year's Day 2022 was a Saturday; jollyday lists its observed day 2021-12-31 under 2022.
        assertThat(US.isHoliday(LocalDate.of(2021, 12, 31))).isTrue();
    }

    @Test
    void elevenHolidayDatesIn2026() {
        // Ten federal holidays, plus Saturday 07-04 next to its observed Friday; checked from many threads at once.
        long count = IntStream.range(0, 365).parallel()
                .mapToObj(day -> LocalDate.of(2026, 1, 1).plusDays(day))
                .filter(new JollydayHolidays("US")::isHoliday)
                .count();
        assertThat(count).isEqualTo(11);
    }

    @Test
    void subdivisionAddsItsPublicHolidaysButNotObservances() {
        var newYork = new JollydayHolidays("US-NY");
        assertThat(newYork.isHoliday(LocalDate.of(2026, 10, 12))).as("Columbus Day in NY").isTrue();
        assertThat(US.isHoliday(LocalDate.of(2026, 10, 12))).as("Columbus Day federally (not in jollyday's US)").isFalse();
        assertThat(newYork.isHoliday(LocalDate.of(2026, 2, 12))).as("Lincoln's Birthday is an observance").isFalse();
        assertThat(newYork.isHoliday(LocalDate.of(2026, 11, 26))).as("inherits Thanksgiving").isTrue();
    }

    @Test
    void codesAreCaseInsensitiveAndMayNestDeeper() {
        var newYorkCity = new JollydayHolidays("us-ny-nyc");
        assertThat(newYorkCity.isHoliday(LocalDate.of(2026, 6, 4))).as("Brooklyn-Queens Day").isTrue();
        assertThat(new JollydayHolidays("US-NY").isHoliday(LocalDate.of(2026, 6, 4))).isFalse();
    }

    @Test
    void berlinHasInternationalWomensDay() {
        assertThat(new JollydayHolidays("DE-BE").isHoliday(LocalDate.of(2026, 3, 8))).isTrue();
        assertThat(new JollydayHolidays("DE").isHoliday(LocalDate.of(2026, 3, 8))).isFalse();
        assertThat(new JollydayHolidays("DE").isHoliday(LocalDate.of(2026, 4, 3))).as("Good Friday").isTrue();
    }

    @Test
    void unknownCodesAreRefusedByName() {
        assertThatThrownBy(() -> new JollydayHolidays("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'XX'");
        // jollyday itself would silently ignore an unknown subdivision and give the country's holidays.
        assertThatThrownBy(() -> new JollydayHolidays("US-ZZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'US-ZZ'");
        assertThatThrownBy(() -> new JollydayHolidays("US-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JollydayHolidays("")).isInstanceOf(IllegalArgumentException.class);
    }
}

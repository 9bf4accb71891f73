package org.ringback.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.ringback.shared.Refusal;

class RetentionPeriodTest {

    @Test
    void periodsAreWholeMonthsFromOneMonthToAHundredYears() {
        assertThat(RetentionPeriod.parse("P7Y").months()).isEqualTo(84);
        assertThat(RetentionPeriod.parse("P18M")).hasToString("P1Y6M");
        assertThat(RetentionPeriod.parse("P100Y").months()).isEqualTo(1200);
        for (String refused : new String[] {"P10D", "P1Y2D", "P0M", "P101Y", "-P1Y", "seven years", "PT1H"}) {
            assertThatThrownBy(() -> RetentionPeriod.parse(refused)).as(refused).isInstanceOf(Refusal.InvalidInput.class);
        }
    }

    @Test
    void itemsClosedBeforeTheCutoffAreDue() {
        assertThat(RetentionPeriod.parse("P7Y").cutoff(Instant.parse("2033-11-25T12:00:00Z"))).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(RetentionPeriod.parse("P1M").cutoff(Instant.parse("2026-03-31T00:00:00Z"))).isEqualTo(Instant.parse("2026-02-28T00:00:00Z"));
    }
}

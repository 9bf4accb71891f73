package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** With patients who give up, more people still never hurt and results stay probabilities. */
class ErlangAProperties {

    @Property(tries = 200)
    void moreStaffNeverRaisesAbandonmentNorLowersTheServiceLevel(
            @ForAll @DoubleRange(min = 0.5, max = 200) double arrivalsPerHour,
            @ForAll @IntRange(min = 1, max = 30) int handleMinutes,
            @ForAll @IntRange(min = 1, max = 24 * 60) int patienceMinutes,
            @ForAll @IntRange(min = 0, max = 40) int agents,
            @ForAll @IntRange(min = 0, max = 7_200) int targetSeconds) {
        ErlangA desk = new ErlangA(arrivalsPerHour, Duration.ofMinutes(handleMinutes), Duration.ofMinutes(patienceMinutes));
        Duration target = Duration.ofSeconds(targetSeconds);

        assertThat(desk.probabilityOfAbandoning(agents + 1)).isLessThanOrEqualTo(desk.probabilityOfAbandoning(agents) + 1e-12);
        assertThat(desk.serviceLevel(agents + 1, target)).isGreaterThanOrEqualTo(desk.serviceLevel(agents, target) - 1e-9);
        assertThat(desk.serviceLevel(agents, target)).isBetween(0.0, 1.0);
        assertThat(desk.probabilityOfAbandoning(agents)).isBetween(0.0, 1.0);
    }
}

package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Staffing must move the right way: more people never hurt, more demand never needs fewer people. */
class ErlangCProperties {

    @Property(tries = 300)
    void moreStaffNeverLowersTheServiceLevel(@ForAll @DoubleRange(min = 0, max = 300) double arrivalsPerHour,
                                             @ForAll @IntRange(min = 1, max = 60) int handleMinutes,
                                             @ForAll @IntRange(min = 0, max = 200) int agents,
                                             @ForAll @IntRange(min = 0, max = 7_200) int targetSeconds) {
        ErlangC desk = new ErlangC(arrivalsPerHour, Duration.ofMinutes(handleMinutes));
        Duration target = Duration.ofSeconds(targetSeconds);

        assertThat(desk.serviceLevel(agents + 1, target)).isGreaterThanOrEqualTo(desk.serviceLevel(agents, target));
        assertThat(desk.probabilityOfWaiting(agents + 1)).isLessThanOrEqualTo(desk.probabilityOfWaiting(agents));
        assertThat(desk.serviceLevel(agents, target)).isBetween(0.0, 1.0);
    }

    @Property(tries = 300)
    void moreArrivalsNeverLowerTheStaffNeeded(@ForAll @DoubleRange(min = 0, max = 200) double arrivalsPerHour,
                                              @ForAll @DoubleRange(min = 0, max = 50) double more,
                                              @ForAll @IntRange(min = 1, max = 30) int handleMinutes,
                                              @ForAll @IntRange(min = 0, max = 7_200) int targetSeconds,
                                              @ForAll @DoubleRange(min = 0, max = 0.99) double share) {
        Duration handle = Duration.ofMinutes(handleMinutes);
        Duration target = Duration.ofSeconds(targetSeconds);

        assertThat(new ErlangC(arrivalsPerHour + more, handle).agentsNeeded(target, share))
                .isGreaterThanOrEqualTo(new ErlangC(arrivalsPerHour, handle).agentsNeeded(target, share));
    }

    @Property(tries = 300)
    void agentsNeededIsTheFewestThatMeetTheTarget(@ForAll @DoubleRange(min = 0.1, max = 200) double arrivalsPerHour,
                                                  @ForAll @IntRange(min = 1, max = 30) int handleMinutes,
                                                  @ForAll @IntRange(min = 0, max = 7_200) int targetSeconds,
                                                  @ForAll @DoubleRange(min = 0, max = 0.99) double share) {
        ErlangC desk = new ErlangC(arrivalsPerHour, Duration.ofMinutes(handleMinutes));
        Duration target = Duration.ofSeconds(targetSeconds);

        int needed = desk.agentsNeeded(target, share);

        assertThat(needed).isGreaterThan((int) Math.floor(desk.load()));
        assertThat(desk.serviceLevel(needed, target)).isGreaterThanOrEqualTo(share);
        if (needed - 1 > desk.load()) {
            assertThat(desk.serviceLevel(needed - 1, target)).isLessThan(share);
        }
    }
}

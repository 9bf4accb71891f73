package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A dedicated block added to the demo roster never lowers the on-time share: the same seed gives both rosters
 * the same patients, so the comparison is between rosters and not between random draws.
 */
class CallbackDeskSimulationProperties {

    @Property(tries = 25)
    void anExtraBlockNeverLowersTheOnTimeShare(@ForAll DayOfWeek day, @ForAll @IntRange(min = 8, max = 16) int from,
                                               @ForAll @IntRange(min = 1, max = 4) int hours,
                                               @ForAll @IntRange(min = 1, max = 2) int extra,
                                               @ForAll @IntRange(min = 0, max = 1_000) int seed) {
        DeskScenario demo = DemoDesk.scenario();
        Roster more = demo.roster().plus(day, from, Math.min(from + hours, 17), extra);
        Horizon horizon = Horizon.weeks(2).afterWarmUpDays(7);

        double before = new CallbackDeskSimulation(demo).run(horizon, 20, seed).onTimeShare().mean();
        double after = new CallbackDeskSimulation(demo.withRoster(more)).run(horizon, 20, seed).onTimeShare().mean();

        assertThat(after).isGreaterThanOrEqualTo(before);
    }
}

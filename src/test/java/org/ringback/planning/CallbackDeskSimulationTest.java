package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Ladder;

class CallbackDeskSimulationTest {

    static final Duration SIX_MINUTES = Duration.ofMinutes(6);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    static final Duration FOREVER = Duration.ofDays(1_000_000);

    /**
     * Erlang C's assumptions: Poisson arrivals at 20 an hour around the clock, exponential 6-minute handle
     * times, 3 people always, one attempt that always reaches the patient, first come first served. The share
     * attempted within 5 minutes must match Erlang C (0.8068) within the simulation's 95 % interval.
     */
    @Test
    void agreesWithErlangCUnderItsAssumptions() {
        DeskScenario erlang = new DeskScenario(WeeklyDemand.constant(20), Roster.constant(3), OpenHours.aroundTheClock(),
                HandleTime.exponential(SIX_MINUTES), List.of(), 1.0, new Ladder(1, Duration.ZERO, false), FIVE_MINUTES, FOREVER);

        SimulationReport report = new CallbackDeskSimulation(erlang).run(Horizon.weeks(4).afterWarmUpDays(1), 40, 2026);

        double expected = new ErlangC(20, SIX_MINUTES).serviceLevel(3, FIVE_MINUTES);
        assertThat(report.onTimeShare().contains(expected)).as("%s contains %s", report.onTimeShare(), expected).isTrue();
        assertThat(report.onTimeShare().halfWidth()).isLessThan(0.01);
        assertThat(report.arrivals().mean()).isCloseTo(20 * 24 * 28, within(100.0));
        assertThat(report.secondCalls().mean()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameAnswer() {
        CallbackDeskSimulation simulation = new CallbackDeskSimulation(DemoDesk.scenario());

        SimulationReport first = simulation.run(Horizon.weeks(2), 30, 99);
        SimulationReport second = new CallbackDeskSimulation(DemoDesk.scenario()).run(Horizon.weeks(2), 30, 99);

        assertThat(second).isEqualTo(first);
        assertThat(simulation.run(Horizon.weeks(2), 30, 100)).isNotEqualTo(first);
    }

    @Test
    void moreStaffNeverLowersTheOnTimeShare() {
        DeskScenario demo = DemoDesk.scenario();
        Horizon horizon = Horizon.weeks(4).afterWarmUpDays(7);
        double base = new CallbackDeskSimulation(demo).run(horizon, 100, 5).onTimeShare().mean();

        Roster mondayBlock = demo.roster().plus(DayOfWeek.MONDAY, 9, 11, 2);
        Roster everyOpenHour = Roster.of((day, hour) -> demo.roster().staffAt(day, hour) + (DemoDesk.OPEN.isOpen(day, hour) ? 1 : 0));
        double withMondayBlock = new CallbackDeskSimulation(demo.withRoster(mondayBlock)).run(horizon, 100, 5).onTimeShare().mean();
        double withOneMore = new CallbackDeskSimulation(demo.withRoster(everyOpenHour)).run(horizon, 100, 5).onTimeShare().mean();

        assertThat(withMondayBlock).isGreaterThanOrEqualTo(base);
        assertThat(withOneMore).isGreaterThanOrEqualTo(withMondayBlock);
    }

    /**
     * Only the EVENING window reaches anyone. Retrying in untried windows walks MORNING → MIDDAY → AFTERNOON →
     * EVENING and reaches every patient on the fourth attempt; retrying in the same window never does.
     */
    @Test
    void theLadderMovesToWindowsNotYetTried() {
        List<WindowReach> eveningOnly = List.of(new WindowReach(CallWindow.DEFAULTS.get(0), 0), new WindowReach(CallWindow.DEFAULTS.get(1), 0),
                new WindowReach(CallWindow.DEFAULTS.get(2), 0), new WindowReach(CallWindow.DEFAULTS.get(3), 1));
        WeeklyDemand mondayMornings = WeeklyDemand.of((day, hour) -> day == DayOfWeek.MONDAY && hour == 8 ? 5 : 0);
        OpenHours eightToSeven = OpenHours.weekdays(8, 19);
        DeskScenario differentWindows = new DeskScenario(mondayMornings, Roster.of((day, hour) -> eightToSeven.isOpen(day, hour) ? 2 : 0),
                eightToSeven, HandleTime.exponential(SIX_MINUTES), eveningOnly, 0, new Ladder(4, Duration.ofMinutes(30), true),
                Duration.ofHours(2), FOREVER);
        DeskScenario sameWindow = differentWindows.withLadder(new Ladder(4, Duration.ofMinutes(30), false));

        ReplicationResult moving = new CallbackDeskSimulation(differentWindows).replicate(Horizon.weeks(2), 1);
        ReplicationResult staying = new CallbackDeskSimulation(sameWindow).replicate(Horizon.weeks(2), 1);

        assertThat(moving.arrivals()).isPositive();
        assertThat(moving.reachedShare()).isEqualTo(1);
        assertThat(staying.reachedShare()).isZero();
    }

    @Test
    void withNobodyOnTheQueueEverythingIsLateCarriedAndCalledAgain() {
        DeskScenario nobody = DemoDesk.scenario().withRoster(Roster.nobody());

        ReplicationResult result = new CallbackDeskSimulation(nobody).replicate(Horizon.weeks(2), 3);

        assertThat(result.onTimeShare()).isZero();
        assertThat(result.reachedShare()).isZero();
        assertThat(result.backlogAtClose()).isPositive();
        assertThat(result.carriedOvernight()).isGreaterThan(result.arrivals() * 8 / 10);
        assertThat(result.secondCalls()).isGreaterThan(result.arrivals() * 8 / 10);
    }

    @Test
    void aWellStaffedDeskCarriesLittleOvernight() {
        DeskScenario generous = DemoDesk.scenario().withRoster(Roster.of((day, hour) -> DemoDesk.OPEN.isOpen(day, hour) ? 6 : 0));

        SimulationReport report = new CallbackDeskSimulation(generous).run(Horizon.weeks(4), 20, 11);
        SimulationReport demo = new CallbackDeskSimulation(DemoDesk.scenario()).run(Horizon.weeks(4), 20, 11);

        assertThat(report.onTimeShare().mean()).isGreaterThan(0.9);
        assertThat(report.backlogAtClose().mean()).isLessThan(demo.backlogAtClose().mean());
        assertThat(report.secondCalls().mean()).isLessThanOrEqualTo(demo.secondCalls().mean());
    }

    @Test
    void confidenceIntervalsUseStudentT() {
        assertThat(Estimate.tQuantile975(1)).isEqualTo(12.706);
        assertThat(Estimate.tQuantile975(30)).isEqualTo(2.042);
        assertThat(Estimate.tQuantile975(31)).isCloseTo(2.040, within(0.001));
        assertThat(Estimate.tQuantile975(60)).isCloseTo(2.000, within(0.001));
        assertThat(Estimate.tQuantile975(120)).isCloseTo(1.980, within(0.001));
        assertThat(Estimate.tQuantile975(999)).isCloseTo(1.962, within(0.001));
        Estimate estimate = Estimate.of(new double[] {1, 2, 3});
        assertThat(estimate.mean()).isEqualTo(2);
        assertThat(estimate.halfWidth()).isCloseTo(4.303 / Math.sqrt(3), within(1e-12));
    }
}

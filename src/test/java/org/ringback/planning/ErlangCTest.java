package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Erlang C against published values. Each source states its inputs; the expected values are the published
 * figures at the precision they were published with.
 */
class ErlangCTest {

    /**
     * The classic worked example of call-centre texts (e.g. Call Centre Helper, "Erlang C formula – made simple"):
     * 100 calls per half hour, 3-minute handle time (A = 10 Erlangs), 20-second target; P(wait) 0.6821, 0.4494,
     * 0.2853, 0.1741 for 11–14 agents, ASA 122.8 s with 11. The service levels are what the example's formula
     * 1 − C·e^{−(N−A)·t/AHT} gives from those C values (39.0, 64.0, 79.6, 88.8 %), so 80/20 needs 14 agents.
     */
    @Test
    void tenErlangsWithATwentySecondTarget() {
        ErlangC desk = new ErlangC(200, Duration.ofMinutes(3));
        Duration target = Duration.ofSeconds(20);

        assertThat(desk.load()).isCloseTo(10, within(1e-12));
        assertThat(desk.probabilityOfWaiting(11)).isCloseTo(0.6821, within(0.00005));
        assertThat(desk.probabilityOfWaiting(12)).isCloseTo(0.4494, within(0.00005));
        assertThat(desk.probabilityOfWaiting(13)).isCloseTo(0.2853, within(0.00005));
        assertThat(desk.probabilityOfWaiting(14)).isCloseTo(0.1741, within(0.00005));
        assertThat(desk.serviceLevel(11, target)).isCloseTo(0.390, within(0.0005));
        assertThat(desk.serviceLevel(12, target)).isCloseTo(0.640, within(0.0005));
        assertThat(desk.serviceLevel(13, target)).isCloseTo(0.796, within(0.0005));
        assertThat(desk.serviceLevel(14, target)).isCloseTo(0.888, within(0.0005));
        assertThat(desk.averageSpeedOfAnswer(11)).hasValueSatisfying(asa -> assertThat(seconds(asa)).isCloseTo(122.8, within(0.05)));
        assertThat(desk.averageSpeedOfAnswer(14)).hasValueSatisfying(asa -> assertThat(seconds(asa)).isCloseTo(7.8, within(0.05)));
        assertThat(desk.occupancy(14)).isCloseTo(10.0 / 14, within(1e-12));
        assertThat(desk.agentsNeeded(target, 0.80)).isEqualTo(14);
    }

    /** M/M/3 at two Erlangs (ρ = 2/3): P0 = 1/9 and C = (2³/3!)·(3/(3−2))·P0 = 4/9 exactly, as in queueing textbooks. */
    @Test
    void twoErlangsOnThreeAgentsWaitFourNinthsOfTheTime() {
        assertThat(new ErlangC(20, Duration.ofMinutes(6)).probabilityOfWaiting(3)).isCloseTo(4.0 / 9, within(1e-12));
    }

    /**
     * jonesthenet.com, "Erlang uplift": 250 calls an hour with a 330-second AHT need 28 advisors to answer 80 % of
     * calls in 30 seconds; "24-hour Erlang overstated": 20,000 calls a week spread over all 168 hours need 2,520
     * call-taking hours, i.e. 15 advisors an hour.
     */
    @Test
    void publishedAgentsNeeded() {
        Duration handle = Duration.ofSeconds(330);
        Duration target = Duration.ofSeconds(30);

        assertThat(new ErlangC(250, handle).agentsNeeded(target, 0.80)).isEqualTo(28);
        assertThat(new ErlangC(20_000.0 / 168, handle).agentsNeeded(target, 0.80) * 168).isEqualTo(2_520);
    }

    /**
     * al911.org, "Erlang C Call Calc" application note: 2 call takers, 60-second calls at 30 an hour: "fewer than
     * 8 percent of callers will wait more than 10 seconds"; with 80-second calls "the QOS falls to 14 percent".
     */
    @Test
    void publishedShareWaitingLongerThanTenSeconds() {
        Duration tenSeconds = Duration.ofSeconds(10);

        double sixtySeconds = 1 - new ErlangC(30, Duration.ofSeconds(60)).serviceLevel(2, tenSeconds);
        double eightySeconds = 1 - new ErlangC(30, Duration.ofSeconds(80)).serviceLevel(2, tenSeconds);

        assertThat(sixtySeconds).isLessThan(0.08).isCloseTo(0.078, within(0.0005));
        assertThat(eightySeconds).isCloseTo(0.14, within(0.005));
    }

    /** Published Erlang B tables: ten circuits carry 4.461 Erlangs at a 1 % grade of service. */
    @Test
    void erlangBMatchesTheGradeOfServiceTable() {
        assertThat(ErlangC.erlangB(4.461, 10)).isCloseTo(0.01, within(0.00005));
        assertThat(ErlangC.erlangB(1, 1)).isEqualTo(0.5);
    }

    @Test
    void largeLoadsDoNotOverflow() {
        ErlangC busyPractice = new ErlangC(200, Duration.ofMinutes(6));
        ErlangC callCentre = new ErlangC(20_000, Duration.ofMinutes(6));

        assertThat(busyPractice.agentsNeeded(Duration.ofMinutes(5), 0.8)).isBetween(21, 30);
        assertThat(callCentre.load()).isCloseTo(2_000, within(1e-9));
        assertThat(callCentre.probabilityOfWaiting(2_050)).isBetween(0.0, 1.0);
        assertThat(callCentre.agentsNeeded(Duration.ofSeconds(20), 0.9)).isBetween(2_001, 2_100);
    }

    @Test
    void anOverloadedDeskNeverCatchesUp() {
        ErlangC desk = new ErlangC(200, Duration.ofMinutes(3));

        assertThat(desk.probabilityOfWaiting(10)).isEqualTo(1);
        assertThat(desk.serviceLevel(10, Duration.ofHours(1))).isZero();
        assertThat(desk.averageSpeedOfAnswer(9)).isEmpty();
        assertThat(desk.occupancy(9)).isEqualTo(1);
    }

    @Test
    void nothingArrivingNeedsNobody() {
        ErlangC quiet = new ErlangC(0, Duration.ofMinutes(6));

        assertThat(quiet.agentsNeeded(Duration.ofHours(1), 0.9)).isZero();
        assertThat(quiet.serviceLevel(0, Duration.ZERO)).isEqualTo(1);
        assertThat(quiet.averageSpeedOfAnswer(0)).contains(Duration.ZERO);
    }

    @Test
    void refusesImpossibleTargets() {
        ErlangC desk = new ErlangC(20, Duration.ofMinutes(6));

        assertThatThrownBy(() -> desk.agentsNeeded(Duration.ofHours(1), 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErlangC(-1, Duration.ofMinutes(6))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErlangC(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlanningTableRow() {
        ErlangC.Performance row = new ErlangC(200, Duration.ofMinutes(3)).performance(13, Duration.ofSeconds(20));

        assertThat(row.agents()).isEqualTo(13);
        assertThat(row.probabilityOfWaiting()).isCloseTo(0.2853, within(0.00005));
        assertThat(row.averageSpeedOfAnswer()).hasValueSatisfying(asa -> assertThat(seconds(asa)).isCloseTo(17.1, within(0.05)));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ErlangATest {

    static final Duration SIX_MINUTES = Duration.ofMinutes(6);
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void withEndlessPatienceItIsErlangC() {
        ErlangC erlangC = new ErlangC(20, SIX_MINUTES);
        ErlangA patient = new ErlangA(20, SIX_MINUTES, Duration.ofHours(100_000));

        assertThat(patient.probabilityOfWaiting(3)).isCloseTo(erlangC.probabilityOfWaiting(3), within(1e-5));
        assertThat(patient.serviceLevel(3, FIVE_MINUTES)).isCloseTo(erlangC.serviceLevel(3, FIVE_MINUTES), within(1e-5));
        assertThat(patient.probabilityOfAbandoning(3)).isLessThan(1e-5);
    }

    @Test
    void approachesErlangCAsPatienceGrows() {
        double erlangC = new ErlangC(20, SIX_MINUTES).serviceLevel(3, FIVE_MINUTES);
        double previousGap = Double.MAX_VALUE;
        for (long hours : new long[] {1, 10, 100, 1_000, 10_000}) {
            double gap = Math.abs(new ErlangA(20, SIX_MINUTES, Duration.ofHours(hours)).serviceLevel(3, FIVE_MINUTES) - erlangC);
            assertThat(gap).isLessThan(previousGap);
            previousGap = gap;
        }
        assertThat(previousGap).isLessThan(1e-4);
    }

    @Test
    void fewerPeopleMeanMorePatientsGoElsewhere() {
        ErlangA desk = new ErlangA(20, SIX_MINUTES, Duration.ofMinutes(30));
        double previous = 0;
        for (int agents = 6; agents >= 0; agents--) {
            double abandoning = desk.probabilityOfAbandoning(agents);
            assertThat(abandoning).isGreaterThan(previous);
            previous = abandoning;
        }
        assertThat(desk.probabilityOfAbandoning(0)).isCloseTo(1, within(1e-9));
    }

    /**
     * When patience and handle time have the same mean every item leaves at the same rate wherever it is, so the
     * number in the system is Poisson(A) as in M/M/∞: P(wait) = P(K ≥ N) and P(abandon) = E[(K − N)⁺]/A.
     */
    @Test
    void equalPatienceAndHandleTimeIsTheInfiniteServerQueue() {
        double load = 3;
        ErlangA desk = new ErlangA(30, SIX_MINUTES, SIX_MINUTES);
        double p0 = Math.exp(-load);
        double p1 = p0 * load;
        double atLeastTwo = 1 - p0 - p1;
        double expectedExcess = load - 2 + 2 * p0 + p1; // E[(K−2)⁺] = E[K] − 2 + E[(2 − K)⁺]

        assertThat(desk.probabilityOfWaiting(2)).isCloseTo(atLeastTwo, within(1e-12));
        assertThat(desk.probabilityOfAbandoning(2)).isCloseTo(expectedExcess / load, within(1e-12));
    }

    /** Served eventually (service level with an endless target) and abandoned are two computations that must add up to everyone. */
    @Test
    void everyoneIsEitherServedOrGivesUp() {
        for (double arrivals : new double[] {5, 20, 60, 200}) {
            ErlangA desk = new ErlangA(arrivals, SIX_MINUTES, Duration.ofMinutes(20));
            for (int agents = 1; agents <= 25; agents += 4) {
                assertThat(desk.serviceLevel(agents, Duration.ofDays(3650)) + desk.probabilityOfAbandoning(agents))
                        .isCloseTo(1, within(1e-9));
            }
        }
    }

    /** Overloaded but stable: at 200 an hour on 10 people who can serve 100 an hour, at least half must give up. */
    @Test
    void anOverloadedDeskLosesTheOverflow() {
        ErlangA desk = new ErlangA(200, SIX_MINUTES, Duration.ofMinutes(10));

        assertThat(desk.probabilityOfAbandoning(10)).isGreaterThanOrEqualTo(0.5).isLessThan(0.51);
        assertThat(desk.serviceLevel(10, FIVE_MINUTES)).isBetween(0.0, 0.5);
        assertThat(desk.agentsNeeded(FIVE_MINUTES, 0.8)).isBetween(11, 25);
    }

    @Test
    void nothingArrivingNeedsNobody() {
        ErlangA quiet = new ErlangA(0, SIX_MINUTES, Duration.ofMinutes(10));

        assertThat(quiet.agentsNeeded(FIVE_MINUTES, 0.9)).isZero();
        assertThat(quiet.serviceLevel(0, FIVE_MINUTES)).isEqualTo(1);
        assertThat(quiet.probabilityOfAbandoning(0)).isZero();
    }
}

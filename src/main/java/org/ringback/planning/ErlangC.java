package org.ringback.planning;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Erlang C (M/M/N): the share of callback items whose first attempt starts within a target, for a given number
 * of people, when items arrive at random and wait in one queue. Coverage planning staffs each hour with it.
 *
 * <p>The probability of waiting is computed from the Erlang B recursion B(0) = 1, B(n) = A·B(n−1)/(n + A·B(n−1))
 * and C = N·B/(N − A(1 − B)): no powers or factorials, so nothing overflows at any realistic load (200 items an
 * hour, thousands of Erlangs).
 *
 * @param arrivalsPerHour λ, items per hour
 * @param handleTime      mean time one attempt keeps a person busy
 */
public record ErlangC(double arrivalsPerHour, Duration handleTime) {

    public ErlangC {
        Objects.requireNonNull(handleTime, "handleTime");
        if (!(arrivalsPerHour >= 0) || Double.isInfinite(arrivalsPerHour)) {
            throw new IllegalArgumentException("arrivals per hour must be zero or positive, was " + arrivalsPerHour);
        }
        if (handleTime.isNegative() || handleTime.isZero()) {
            throw new IllegalArgumentException("handle time must be positive");
        }
    }

    /** Offered load A = λ·AHT in Erlangs: the people kept busy on average. */
    public double load() {
        return arrivalsPerHour * hours(handleTime);
    }

    /** Erlang B, the blocking probability of {@code agents} servers under {@code load} Erlangs without a queue. */
    public static double erlangB(double load, int agents) {
        requireAgents(agents);
        double b = 1;
        for (int n = 1; n <= agents; n++) {
            b = load * b / (n + load * b);
        }
        return b;
    }

    /** C(N, A) = P(W &gt; 0): the share of items that must wait; 1 when the desk cannot keep up (N ≤ A). */
    public double probabilityOfWaiting(int agents) {
        requireAgents(agents);
        double load = load();
        if (load == 0) {
            return 0;
        }
        if (agents <= load) {
            return 1;
        }
        return waiting(load, agents, erlangB(load, agents));
    }

    /** Service level P(W ≤ t) = 1 − C·e^{−(N−A)·t/AHT}; 0 when the queue grows without bound. */
    public double serviceLevel(int agents, Duration target) {
        requireAgents(agents);
        double load = load();
        if (load == 0) {
            return 1;
        }
        if (agents <= load) {
            return 0;
        }
        return serviceLevel(load, agents, probabilityOfWaiting(agents), hours(target) / hours(handleTime));
    }

    /** Average speed of answer ASA = C·AHT/(N − A); empty when the queue grows without bound. */
    public Optional<Duration> averageSpeedOfAnswer(int agents) {
        requireAgents(agents);
        double load = load();
        if (load == 0) {
            return Optional.of(Duration.ZERO);
        }
        if (agents <= load) {
            return Optional.empty();
        }
        return Optional.of(duration(probabilityOfWaiting(agents) * hours(handleTime) / (agents - load)));
    }

    /** Occupancy A/N: the share of paid time spent on attempts (1 when overloaded). */
    public double occupancy(int agents) {
        requireAgents(agents);
        double load = load();
        if (load == 0) {
            return 0;
        }
        return agents <= load ? 1 : load / agents;
    }

    /**
     * The fewest people (more than A) for which at least {@code targetServiceLevel} of items wait no longer than
     * {@code target}; 0 when nothing arrives.
     */
    public int agentsNeeded(Duration target, double targetServiceLevel) {
        Objects.requireNonNull(target, "target");
        if (target.isNegative()) {
            throw new IllegalArgumentException("target cannot be negative");
        }
        if (!(targetServiceLevel >= 0 && targetServiceLevel < 1)) {
            throw new IllegalArgumentException("target service level must be in [0, 1), was " + targetServiceLevel);
        }
        double load = load();
        if (load == 0) {
            return 0;
        }
        double targetInHandleTimes = hours(target) / hours(handleTime);
        int agents = (int) Math.floor(load) + 1;
        double b = erlangB(load, agents);
        int limit = agents + 100 + (int) (50 * Math.sqrt(load));
        while (serviceLevel(load, agents, waiting(load, agents, b), targetInHandleTimes) < targetServiceLevel) {
            if (agents >= limit) {
                throw new IllegalStateException("no staffing up to " + limit + " people reaches " + targetServiceLevel);
            }
            agents++;
            b = load * b / (agents + load * b);
        }
        return agents;
    }

    /** All measures for one staffing level, for a planning table. */
    public Performance performance(int agents, Duration target) {
        return new Performance(agents, probabilityOfWaiting(agents), serviceLevel(agents, target),
                averageSpeedOfAnswer(agents), occupancy(agents));
    }

    /** One row of an Erlang C table. */
    public record Performance(int agents, double probabilityOfWaiting, double serviceLevel,
                              Optional<Duration> averageSpeedOfAnswer, double occupancy) {
    }

    private static double waiting(double load, int agents, double erlangB) {
        return agents * erlangB / (agents - load * (1 - erlangB));
    }

    private static double serviceLevel(double load, int agents, double waiting, double targetInHandleTimes) {
        return 1 - waiting * Math.exp(-(agents - load) * targetInHandleTimes);
    }

    private static void requireAgents(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents cannot be negative, was " + agents);
        }
    }

    static double hours(Duration duration) {
        return duration.getSeconds() / 3600.0 + duration.getNano() / 3.6e12;
    }

    static Duration duration(double hours) {
        return Duration.ofNanos(Math.round(hours * 3.6e12));
    }
}

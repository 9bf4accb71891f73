package org.ringback.planning;

/**
 * How long a simulated run lasts. It starts on a Monday at 00:00 with an empty queue; the warm-up days are
 * simulated but not measured, so the measured days start with a realistic backlog.
 */
public record Horizon(int warmUpDays, int measuredDays) {

    public Horizon {
        if (warmUpDays < 0 || measuredDays < 1) {
            throw new IllegalArgumentException("measure at least one day; the warm-up cannot be negative");
        }
    }

    public static Horizon weeks(int weeks) {
        return new Horizon(0, weeks * 7);
    }

    public Horizon afterWarmUpDays(int days) {
        return new Horizon(days, measuredDays);
    }

    int totalDays() {
        return warmUpDays + measuredDays;
    }
}

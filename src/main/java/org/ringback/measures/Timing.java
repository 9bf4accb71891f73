package org.ringback.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Durations in whole business minutes over a set of items: how many, the median and the 90th percentile by
 * the nearest-rank method (the value at rank ceil(p·n) of the sorted list), null when there are none.
 */
public record Timing(int count, Long medianMinutes, Long p90Minutes) {

    public static Timing of(List<Long> minutes) {
        if (minutes.isEmpty()) {
            return new Timing(0, null, null);
        }
        List<Long> sorted = new ArrayList<>(minutes);
        Collections.sort(sorted);
        return new Timing(sorted.size(), nearestRank(sorted, 50), nearestRank(sorted, 90));
    }

    /** Integer arithmetic, so a manager's count by hand and the code agree exactly: rank = ceil(p·n / 100). */
    static long nearestRank(List<Long> sorted, int percent) {
        int rank = (percent * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }
}

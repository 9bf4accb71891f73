package org.ringback.measures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The second-call review sample: a few repeat-call items drawn at random, but the same draw for the same practice
 * and week every time, so a manager and a colleague looking at the pack discuss the same items.
 */
final class ReviewSample {

    static final int SIZE = 5;

    private ReviewSample() {
    }

    static List<UUID> draw(UUID practiceId, String periodLabel, List<UUID> candidates) {
        List<UUID> ordered = new ArrayList<>(candidates);
        // A stable order first: the draw must not depend on the order the database returns rows in.
        ordered.sort(Comparator.naturalOrder());
        Collections.shuffle(ordered, new Random(seed(practiceId, periodLabel)));
        return List.copyOf(ordered.subList(0, Math.min(SIZE, ordered.size())));
    }

    static long seed(UUID practiceId, String periodLabel) {
        return practiceId.getMostSignificantBits() * 31 + practiceId.getLeastSignificantBits() * 17 + periodLabel.hashCode();
    }
}

package org.ringback.planning;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.ringback.practice.Ladder;

/**
 * Everything a what-if run of the callback desk needs: the demand, the roster the manager edits, the practice's
 * hours, measured handle times and reach rates, the response ladder, the first-attempt target and how long a
 * patient waits before calling again.
 *
 * @param demand              expected arrivals per weekday × hour
 * @param roster              people on the queue per weekday × hour
 * @param openHours           when the practice is open; the first-attempt target counts in these hours
 * @param handleTime          time one attempt keeps a person busy
 * @param reach               reach probability per call window; the ladder moves between these windows
 * @param reachOutsideWindows reach probability of an attempt outside every window
 * @param ladder              attempts, minimum gap and whether each retry moves to an untried window
 * @param firstAttemptTarget  the response target for the first attempt, in open hours
 * @param patience            mean elapsed time (exponential) a patient waits to be reached before calling again
 */
public record DeskScenario(WeeklyDemand demand, Roster roster, OpenHours openHours, HandleTime handleTime,
                           List<WindowReach> reach, double reachOutsideWindows, Ladder ladder,
                           Duration firstAttemptTarget, Duration patience) {

    /** The ladder tracks tried windows in a bit set small enough to precompute every combination. */
    static final int MAX_WINDOWS = 6;

    public DeskScenario {
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(openHours, "openHours");
        Objects.requireNonNull(handleTime, "handleTime");
        Objects.requireNonNull(ladder, "ladder");
        Objects.requireNonNull(firstAttemptTarget, "firstAttemptTarget");
        Objects.requireNonNull(patience, "patience");
        reach = List.copyOf(reach);
        if (reach.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException("at most " + MAX_WINDOWS + " call windows");
        }
        Set<String> names = new HashSet<>();
        for (WindowReach window : reach) {
            if (!names.add(window.window().name())) {
                throw new IllegalArgumentException("call window " + window.window().name() + " appears twice");
            }
        }
        if (!(reachOutsideWindows >= 0 && reachOutsideWindows <= 1)) {
            throw new IllegalArgumentException("a reach probability is in [0, 1], was " + reachOutsideWindows);
        }
        if (firstAttemptTarget.isNegative()) {
            throw new IllegalArgumentException("the first-attempt target cannot be negative");
        }
        if (patience.isNegative() || patience.isZero()) {
            throw new IllegalArgumentException("patience must be positive");
        }
    }

    public DeskScenario withRoster(Roster changed) {
        return new DeskScenario(demand, changed, openHours, handleTime, reach, reachOutsideWindows, ladder,
                firstAttemptTarget, patience);
    }

    public DeskScenario withDemand(WeeklyDemand changed) {
        return new DeskScenario(changed, roster, openHours, handleTime, reach, reachOutsideWindows, ladder,
                firstAttemptTarget, patience);
    }

    public DeskScenario withLadder(Ladder changed) {
        return new DeskScenario(demand, roster, openHours, handleTime, reach, reachOutsideWindows, changed,
                firstAttemptTarget, patience);
    }

    public DeskScenario withFirstAttemptTarget(Duration changed) {
        return new DeskScenario(demand, roster, openHours, handleTime, reach, reachOutsideWindows, ladder,
                changed, patience);
    }
}

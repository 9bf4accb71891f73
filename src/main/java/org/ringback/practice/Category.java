package org.ringback.practice;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** How a practice handles one kind of request: who owns it, how fast, how hard we try, and how it may close. */
public record Category(
        String code,
        String name,
        String queue,
        ResponseWindow responseWindow,
        Duration resolutionTarget,
        Ladder ladder,
        List<String> requiredFields,
        Set<ClosureOutcome> closureOutcomes,
        boolean clinical,
        boolean referralSensitive) {

    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(responseWindow, "responseWindow");
        Objects.requireNonNull(ladder, "ladder");
        requiredFields = List.copyOf(requiredFields);
        // The outcomes DESIGN.md allows for all categories cannot be configured away: the ladder closes with one.
        var outcomes = EnumSet.copyOf(ClosureOutcome.FOR_ALL);
        outcomes.addAll(closureOutcomes);
        closureOutcomes = Set.copyOf(outcomes);
    }

    public boolean allows(ClosureOutcome outcome) {
        return closureOutcomes.contains(outcome);
    }
}

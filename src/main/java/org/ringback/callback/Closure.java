package org.ringback.callback;

import java.time.Instant;
import java.util.Optional;

import org.ringback.practice.ClosureOutcome;

/** How and by whom an item was closed. */
public record Closure(ClosureOutcome outcome, Optional<String> note, Instant closedAt, String closedBy) {
}

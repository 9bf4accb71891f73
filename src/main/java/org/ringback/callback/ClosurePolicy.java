package org.ringback.callback;

import java.util.List;
import java.util.Map;

import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.shared.Refusal;

/**
 * Closure only with a real outcome the category allows; clinical items only by clinical staff; an outcome
 * that completes the category's work needs the category's required note fields.
 */
public final class ClosurePolicy {

    private ClosurePolicy() {
    }

    /** @throws Refusal when the closure is not allowed, saying why */
    public static void check(Category category, Urgency urgency, ClosureOutcome outcome, Actor actor, Map<String, String> details) {
        if (!category.allows(outcome)) {
            throw new Refusal.RuleViolation("The outcome " + outcome + " is not allowed for " + category.code()
                    + "; allowed: " + category.closureOutcomes().stream().map(Enum::name).sorted().toList(),
                    List.of(new Refusal.FieldError("outcome", "is not allowed for this category")));
        }
        if ((category.clinical() || urgency.isClinical()) && !actor.clinical()) {
            throw new Refusal.NotPermitted("Only clinical staff may close a clinical item");
        }
        if (!outcome.endsWithoutDetails()) {
            var missing = category.requiredFields().stream()
                    .filter(field -> details.getOrDefault(field, "").isBlank())
                    .map(field -> new Refusal.FieldError("details." + field, "is required to close as " + outcome))
                    .toList();
            if (!missing.isEmpty()) {
                throw new Refusal.RuleViolation("Fill in the category's required notes before closing", missing);
            }
        }
    }
}

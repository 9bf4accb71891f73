package org.ringback.shared;

import java.util.List;

/**
 * A domain refusal: the request was understood and is refused, with a message a user can read.
 * Messages never carry patient data. The web layer maps each kind to one HTTP status.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.Conflict, Refusal.RuleViolation, Refusal.NotPermitted, Refusal.InvalidInput {

    /** One refused field and why. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    private Refusal(String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Unknown id, or an id of a practice the caller may not see (indistinguishable on purpose). */
    public static final class NotFound extends Refusal {
        public NotFound(String what) {
            super(what + " not found", List.of());
        }
    }

    /** The item's state or version changed: reload and try again. */
    public static final class Conflict extends Refusal {
        public Conflict(String message) {
            super(message, List.of());
        }
    }

    /** A business rule refuses the change (e.g. an outcome the category does not allow). */
    public static final class RuleViolation extends Refusal {
        public RuleViolation(String message) {
            super(message, List.of());
        }

        public RuleViolation(String message, List<FieldError> errors) {
            super(message, errors);
        }
    }

    /** The caller's role may not do this. */
    public static final class NotPermitted extends Refusal {
        public NotPermitted(String message) {
            super(message, List.of());
        }
    }

    /** Input that cannot be understood (beyond what Bean Validation catches). */
    public static final class InvalidInput extends Refusal {
        public InvalidInput(String field, String message) {
            super("Invalid " + field + ": " + message, List.of(new FieldError(field, message)));
        }

        /** Several refused fields at once, so a form can mark them all. */
        public InvalidInput(String message, List<FieldError> errors) {
            super(message, errors);
        }
    }
}

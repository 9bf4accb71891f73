package org.ringback.callback;

import java.util.EnumSet;
import java.util.Set;

import org.ringback.shared.Refusal;

/**
 * A callback's status, and the one place its allowed transitions live:
 * NEW → IN_PROGRESS → (WAITING_ON_PATIENT | WAITING_ON_INTERNAL)* → CLOSED.
 */
public enum Status {
    NEW, IN_PROGRESS, WAITING_ON_PATIENT, WAITING_ON_INTERNAL, CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }

    public boolean isWaiting() {
        return this == WAITING_ON_PATIENT || this == WAITING_ON_INTERNAL;
    }

    private Set<Status> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, WAITING_ON_PATIENT, WAITING_ON_INTERNAL, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_ON_PATIENT, WAITING_ON_INTERNAL, CLOSED);
            case WAITING_ON_PATIENT -> EnumSet.of(NEW, IN_PROGRESS, WAITING_ON_INTERNAL, CLOSED);
            case WAITING_ON_INTERNAL -> EnumSet.of(NEW, IN_PROGRESS, WAITING_ON_PATIENT, CLOSED);
            case CLOSED -> EnumSet.noneOf(Status.class);
        };
    }

    /** @throws Refusal.Conflict with a sentence a user can act on */
    Status moveTo(Status target) {
        requireOpen();
        if (target == this || next().contains(target)) {
            return target;
        }
        throw new Refusal.Conflict("A callback that is " + name() + " cannot become " + target.name());
    }

    /** @throws Refusal.Conflict when the item is closed */
    void requireOpen() {
        if (this == CLOSED) {
            throw new Refusal.Conflict("This callback is already closed");
        }
    }
}

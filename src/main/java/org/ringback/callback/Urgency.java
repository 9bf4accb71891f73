package org.ringback.callback;

/** How urgent a callback is, lowest first: the declaration order is the board's order. */
public enum Urgency {
    ROUTINE, TIME_SENSITIVE, DEADLINE, SAME_DAY, CLINICAL, EMERGENCY;

    public boolean isClinical() {
        return this == CLINICAL || this == EMERGENCY;
    }

    public Urgency atLeast(Urgency other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

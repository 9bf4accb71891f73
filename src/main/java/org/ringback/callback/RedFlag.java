package org.ringback.callback;

/** A red-flag phrase that matched the intake text, shown to staff as the reason for the routing. */
public record RedFlag(String phrase, String language, Urgency urgency) {
}

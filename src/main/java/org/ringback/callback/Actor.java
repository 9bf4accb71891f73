package org.ringback.callback;

/** Who makes a change: a user by name, with whether they are clinical staff; or the system itself. */
public record Actor(String username, boolean clinical) {

    public static final Actor SYSTEM = new Actor("system", false);
}

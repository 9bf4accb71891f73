package org.ringback.web;

import java.time.Instant;

import org.ringback.demo.DemoPractice;
import org.ringback.practice.Practice;
import org.ringback.support.TestClock;

/**
 * The demo practice for browser tests, created once per JVM (its usernames are unique) at a fixed instant, so
 * every browser test class sees the same Lakeside Family Medicine with the same history.
 */
final class DemoPracticeOnce {

    /** Monday 2026-11-23 11:00 in New York: the demo's history ends here and the browser tests work here. */
    static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");
    static final String PASSWORD = "browser-test-pass";

    private static Practice practice;

    private DemoPracticeOnce() {
    }

    static synchronized Practice ensure(DemoPractice demo, TestClock clock) {
        clock.set(NOW);
        if (practice == null) {
            practice = demo.create(PASSWORD);
        }
        return practice;
    }
}

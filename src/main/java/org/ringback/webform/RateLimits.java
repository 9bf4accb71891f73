package org.ringback.webform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Fixed-window counts of form posts per client and practice. One upsert counts and answers atomically, so
 * several app instances behind a load balancer share one limit.
 */
@Repository
class RateLimits {

    private final JdbcClient jdbc;

    RateLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one post in the window that holds {@code at}; answers the count so far, this one included. */
    int hit(UUID practiceId, String client, Instant at, Duration window) {
        Instant windowStart = windowStart(at, window);
        jdbc.sql("delete from webform_rate_limit where practice_id = :practiceId and client = :client and window_start < :start")
                .param("practiceId", practiceId).param("client", client).param("start", windowStart.atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("""
                        insert into webform_rate_limit (practice_id, client, window_start, hits) values (:practiceId, :client, :start, 1)
                        on conflict (practice_id, client, window_start) do update set hits = webform_rate_limit.hits + 1
                        returning hits""")
                .param("practiceId", practiceId).param("client", client).param("start", windowStart.atOffset(ZoneOffset.UTC))
                .query(Integer.class).single();
    }

    /**
     * Drops the counts of windows that ended before the one holding {@code at}, for every client: a client's own
     * old windows go at its next post, but an address that never posts again would otherwise stay for good.
     */
    int forgetEnded(Instant at, Duration window) {
        return jdbc.sql("delete from webform_rate_limit where window_start < :start")
                .param("start", windowStart(at, window).atOffset(ZoneOffset.UTC))
                .update();
    }

    private static Instant windowStart(Instant at, Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
    }
}

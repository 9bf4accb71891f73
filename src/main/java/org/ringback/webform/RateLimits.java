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
        long size = window.toMillis();
        Instant windowStart = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), size) * size);
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
}

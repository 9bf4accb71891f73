package org.ringback.intake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys seen per practice, and the per-caller lock that serialises intake for one person. */
@Repository
class IntakeKeys {

    private final JdbcClient jdbc;

    IntakeKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds, until the transaction ends, a lock for one caller of a practice, so that two requests from the same
     * person (or two retries of one request) never both create an item. Different callers never wait on each other.
     */
    void lockCaller(UUID practiceId, String callerKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", practiceId + "/" + callerKey)
                .query(Object.class).optional();
    }

    Optional<UUID> find(UUID practiceId, String key) {
        return jdbc.sql("select callback_id from intake_key where practice_id = :practiceId and idempotency_key = :key")
                .param("practiceId", practiceId).param("key", key)
                .query(UUID.class).optional();
    }

    void remember(UUID practiceId, String key, UUID callbackId, Instant at) {
        jdbc.sql("insert into intake_key (practice_id, idempotency_key, callback_id, created_at) values (:practiceId, :key, :callbackId, :at)")
                .param("practiceId", practiceId).param("key", key).param("callbackId", callbackId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }
}

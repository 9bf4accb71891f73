package org.ringback.intake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /** {@link #lockCaller} for many callers at once, in one order so that two batches never deadlock on each other. */
    void lockCallers(UUID practiceId, Collection<String> callerKeys) {
        if (callerKeys.isEmpty()) {
            return;
        }
        String[] keys = callerKeys.stream().map(caller -> practiceId + "/" + caller).distinct().sorted().toArray(String[]::new);
        jdbc.sql("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (select unnest(:keys) as k order by 1) callers")
                .param("keys", keys)
                .query(Long.class).single();
    }

    Map<String, UUID> findAll(UUID practiceId, Collection<String> keys) {
        Map<String, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("select idempotency_key, callback_id from intake_key where practice_id = :practiceId and idempotency_key = any(:keys)")
                .param("practiceId", practiceId).param("keys", keys.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getObject(2, UUID.class)))
                .list();
        return found;
    }

    void rememberAll(UUID practiceId, Map<String, UUID> callbackIdsByKey, Instant at) {
        if (callbackIdsByKey.isEmpty()) {
            return;
        }
        String[] keys = callbackIdsByKey.keySet().toArray(String[]::new);
        UUID[] ids = Arrays.stream(keys).map(callbackIdsByKey::get).toArray(UUID[]::new);
        jdbc.sql("""
                        insert into intake_key (practice_id, idempotency_key, callback_id, created_at)
                        select :practiceId, k, c, :at from unnest(:keys, :ids) as t(k, c)""")
                .param("practiceId", practiceId).param("keys", keys).param("ids", ids)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
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

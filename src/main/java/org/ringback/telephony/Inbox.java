package org.ringback.telephony;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code telephony_inbox} table: verified webhooks waiting for the worker. A row is unique per practice, call
 * and kind, so Twilio's retries of one webhook store it once. Once handled its parameters (caller, transcript) are
 * cleared: the callback holds what was needed, the row stays only to recognise a late retry.
 */
@Repository
class Inbox {

    enum Status { PENDING, DONE, IGNORED, FAILED }

    /** A stored webhook, as the worker claims it. */
    record Row(UUID practiceId, String callSid, WebhookKind kind, Map<String, String> params, Instant receivedAt, int attempts) {
    }

    private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Inbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a webhook unless the same one (practice, call, kind) is already there; true when stored now. */
    boolean store(UUID practiceId, String callSid, WebhookKind kind, Map<String, String> params, Instant at) {
        return jdbc.sql("""
                        insert into telephony_inbox (practice_id, call_sid, kind, params, received_at, next_attempt_at)
                        values (:practiceId, :callSid, :kind, cast(:params as jsonb), :at, :at)
                        on conflict (practice_id, call_sid, kind) do nothing""")
                .param("practiceId", practiceId).param("callSid", callSid).param("kind", kind.name())
                .param("params", json.writeValueAsString(params)).param("at", utc(at))
                .update() == 1;
    }

    /**
     * The oldest due webhook, locked until the transaction ends; rows another worker holds are skipped, so several
     * instances share the inbox without taking one row twice.
     */
    Optional<Row> claimNext(Instant now) {
        return jdbc.sql("""
                        select practice_id, call_sid, kind, params, received_at, attempts from telephony_inbox
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by next_attempt_at, received_at
                        limit 1
                        for update skip locked""")
                .param("now", utc(now))
                .query((rs, n) -> new Row(rs.getObject("practice_id", UUID.class), rs.getString("call_sid"),
                        WebhookKind.valueOf(rs.getString("kind")), json.readValue(rs.getString("params"), PARAMS),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getInt("attempts")))
                .optional();
    }

    /** True while a call's status webhook is stored but not yet handled (its transcript should wait for it). */
    boolean pending(UUID practiceId, String callSid, WebhookKind kind) {
        return jdbc.sql("""
                        select count(*) from telephony_inbox
                        where practice_id = :practiceId and call_sid = :callSid and kind = :kind and status = 'PENDING'""")
                .param("practiceId", practiceId).param("callSid", callSid).param("kind", kind.name())
                .query(Integer.class).single() > 0;
    }

    void finish(Row row, Status status, Optional<UUID> callbackId, Optional<String> note, Instant at) {
        jdbc.sql("""
                        update telephony_inbox set status = :status, params = '{}', processed_at = :at, callback_id = :callbackId,
                            last_error = :note
                        where practice_id = :practiceId and call_sid = :callSid and kind = :kind""")
                .param("status", status.name()).param("at", utc(at)).param("callbackId", callbackId.orElse(null))
                .param("note", note.orElse(null))
                .param("practiceId", row.practiceId()).param("callSid", row.callSid()).param("kind", row.kind().name())
                .update();
    }

    /** Tries again at {@code next}, counting the failure (or not, for a row that only waits for another). */
    void retryAt(Row row, Instant next, int attempts, Optional<String> error) {
        jdbc.sql("""
                        update telephony_inbox set attempts = :attempts, next_attempt_at = :next, last_error = :error
                        where practice_id = :practiceId and call_sid = :callSid and kind = :kind""")
                .param("attempts", attempts).param("next", utc(next)).param("error", error.orElse(null))
                .param("practiceId", row.practiceId()).param("callSid", row.callSid()).param("kind", row.kind().name())
                .update();
    }

    /** Sets a webhook that kept failing aside; its parameters stay so that it can be looked at and replayed. */
    void fail(Row row, int attempts, String error, Instant at) {
        jdbc.sql("""
                        update telephony_inbox set status = 'FAILED', attempts = :attempts, last_error = :error, processed_at = :at
                        where practice_id = :practiceId and call_sid = :callSid and kind = :kind""")
                .param("attempts", attempts).param("error", error).param("at", utc(at))
                .param("practiceId", row.practiceId()).param("callSid", row.callSid()).param("kind", row.kind().name())
                .update();
    }

    /** Puts a practice's failed webhooks back in the queue, due now, with their count of tries reset. */
    int retryFailed(UUID practiceId, Instant now) {
        return jdbc.sql("""
                        update telephony_inbox set status = 'PENDING', attempts = 0, next_attempt_at = :now, processed_at = null
                        where practice_id = :practiceId and status = 'FAILED'""")
                .param("practiceId", practiceId).param("now", utc(now))
                .update();
    }

    Map<Status, Integer> counts(UUID practiceId) {
        var counts = new EnumMap<Status, Integer>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0);
        }
        jdbc.sql("select status, count(*) as n from telephony_inbox where practice_id = :practiceId group by status")
                .param("practiceId", practiceId)
                .query((rs, n) -> counts.put(Status.valueOf(rs.getString("status")), rs.getInt("n")))
                .list();
        return counts;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

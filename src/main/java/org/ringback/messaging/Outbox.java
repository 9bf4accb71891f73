package org.ringback.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code outbound_message} table. Every query of one practice's messages names the practice. */
@Repository
class Outbox {

    private static final String ACTIVE = "('QUEUED', 'SENDING', 'RETRYING', 'SENT')";

    /** A message to insert; the database gives its seq. */
    record NewMessage(UUID practiceId, UUID id, Optional<UUID> callbackId, Optional<UUID> patientId, MessageKind kind,
                      Optional<String> language, Optional<String> to, Optional<String> text, MessageStatus status,
                      Optional<String> reason, Optional<LocalDate> localDay, Instant createdAt, Instant sendAt) {
    }

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the message; answers false when it would be a second automatic text of the patient's day (the unique
     * index, for two transactions that queue at once) and nothing was inserted.
     */
    boolean insert(NewMessage m) {
        return jdbc.sql("""
                        insert into outbound_message (practice_id, id, callback_id, patient_id, kind, channel, automatic, situation,
                            language, to_phone, body, status, reason, local_day, created_at, send_at)
                        values (:practiceId, :id, :callbackId, :patientId, :kind, 'SMS', :automatic, :situation,
                            :language, :to, :body, :status, :reason, :localDay, :createdAt, :sendAt)
                        on conflict do nothing""")
                .param("practiceId", m.practiceId())
                .param("id", m.id())
                .param("callbackId", m.callbackId().orElse(null))
                .param("patientId", m.patientId().orElse(null))
                .param("kind", m.kind().name())
                .param("automatic", m.kind().automatic())
                .param("situation", m.kind().situation().name())
                .param("language", m.language().orElse(null))
                .param("to", m.to().orElse(null))
                .param("body", m.text().orElse(null))
                .param("status", m.status().name())
                .param("reason", m.reason().orElse(null))
                .param("localDay", m.localDay().orElse(null))
                .param("createdAt", utc(m.createdAt()))
                .param("sendAt", utc(m.sendAt()))
                .update() == 1;
    }

    /** The practice-local days on which the patient has an automatic text queued, being sent or sent. */
    Set<LocalDate> daysTexted(UUID practiceId, UUID patientId, Optional<UUID> except) {
        return new HashSet<>(jdbc.sql("select local_day from outbound_message where practice_id = :practiceId and patient_id = :patientId"
                        + " and automatic and status in " + ACTIVE + " and id <> :except")
                .param("practiceId", practiceId)
                .param("patientId", patientId)
                .param("except", except.orElse(new UUID(0, 0)))
                .query(LocalDate.class).list());
    }

    /**
     * Claims up to {@code limit} due messages for one worker: locked rows another worker holds are skipped, and the
     * claim (status SENDING) commits before anything is sent, so no message is sent by two workers.
     */
    List<OutboundMessage> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                        update outbound_message m set status = 'SENDING', claimed_at = :now
                        from (select practice_id, id from outbound_message
                              where status in ('QUEUED', 'RETRYING') and send_at <= :now
                              order by send_at
                              limit :limit
                              for update skip locked) due
                        where m.practice_id = due.practice_id and m.id = due.id
                        returning m.*""")
                .param("now", utc(now))
                .param("limit", limit)
                .query(Outbox::message).list();
    }

    /**
     * Claims left SENDING since before {@code claimedBefore} (a worker died between claiming and recording): whether
     * the text went out is unknown, so they become dead letters instead of risking a second text. Answers how many.
     */
    int abandonStaleClaims(Instant claimedBefore) {
        return jdbc.sql("""
                        update outbound_message set status = 'DEAD', reason = 'SEND_OUTCOME_UNKNOWN', claimed_at = null
                        where status = 'SENDING' and claimed_at < :before""")
                .param("before", utc(claimedBefore))
                .update();
    }

    void sent(OutboundMessage m, String to, String providerId, Instant at) {
        jdbc.sql("""
                        update outbound_message set status = 'SENT', to_phone = :to, sent_at = :at, provider_id = :providerId,
                            claimed_at = null
                        where practice_id = :practiceId and id = :id and status = 'SENDING'""")
                .param("practiceId", m.practiceId()).param("id", m.id())
                .param("to", to).param("at", utc(at)).param("providerId", providerId)
                .update();
    }

    /** Moves a claimed message to the practice-local day it is being sent on (it was due on an earlier one). */
    void moveDay(OutboundMessage m, LocalDate day) {
        jdbc.sql("update outbound_message set local_day = :day where practice_id = :practiceId and id = :id and status = 'SENDING'")
                .param("practiceId", m.practiceId()).param("id", m.id())
                .param("day", day)
                .update();
    }

    void retry(OutboundMessage m, int failures, String error, Instant at) {
        jdbc.sql("""
                        update outbound_message set status = 'RETRYING', failures = :failures, last_error = :error, send_at = :at,
                            claimed_at = null
                        where practice_id = :practiceId and id = :id and status = 'SENDING'""")
                .param("practiceId", m.practiceId()).param("id", m.id())
                .param("failures", failures).param("error", error).param("at", utc(at))
                .update();
    }

    void dead(OutboundMessage m, int failures, String reason, Optional<String> error) {
        jdbc.sql("""
                        update outbound_message set status = 'DEAD', failures = :failures, reason = :reason,
                            last_error = coalesce(:error, last_error), claimed_at = null
                        where practice_id = :practiceId and id = :id and status = 'SENDING'""")
                .param("practiceId", m.practiceId()).param("id", m.id())
                .param("failures", failures).param("reason", reason).param("error", error.orElse(null))
                .update();
    }

    void suppress(OutboundMessage m, SuppressionReason reason) {
        jdbc.sql("""
                        update outbound_message set status = 'SUPPRESSED', reason = :reason, claimed_at = null
                        where practice_id = :practiceId and id = :id and status = 'SENDING'""")
                .param("practiceId", m.practiceId()).param("id", m.id())
                .param("reason", reason.name())
                .update();
    }

    /** Puts a claimed message back in the queue for a later time, on that time's practice-local day. */
    void defer(OutboundMessage m, Instant at, LocalDate day) {
        jdbc.sql("""
                        update outbound_message set status = 'QUEUED', send_at = :at, local_day = :day, claimed_at = null
                        where practice_id = :practiceId and id = :id and status = 'SENDING'""")
                .param("practiceId", m.practiceId()).param("id", m.id())
                .param("at", utc(at)).param("day", day)
                .update();
    }

    Optional<OutboundMessage> find(UUID practiceId, UUID id) {
        return jdbc.sql("select * from outbound_message where practice_id = :practiceId and id = :id")
                .param("practiceId", practiceId).param("id", id)
                .query(Outbox::message).optional();
    }

    /** A page of a practice's messages, newest first, after the cursor (a seq); {@code statuses} empty: all. */
    List<OutboundMessage> page(UUID practiceId, Set<MessageStatus> statuses, Optional<UUID> callbackId, long before, int limit) {
        var sql = new StringBuilder("select * from outbound_message where practice_id = :practiceId");
        var params = new HashMap<String, Object>();
        params.put("practiceId", practiceId);
        if (!statuses.isEmpty()) {
            sql.append(" and status = any(:statuses)");
            params.put("statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        callbackId.ifPresent(id -> {
            sql.append(" and callback_id = :callbackId");
            params.put("callbackId", id);
        });
        if (before > 0) {
            sql.append(" and seq < :before");
            params.put("before", before);
        }
        sql.append(" order by seq desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(Outbox::message).list();
    }

    /** Messages waiting to go out (queued or retrying), all practices: the backlog gauge. */
    long backlog() {
        return jdbc.sql("select count(*) from outbound_message where status in ('QUEUED', 'RETRYING')").query(Long.class).single();
    }

    private static OutboundMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboundMessage(
                rs.getObject("practice_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                Optional.ofNullable(rs.getObject("callback_id", UUID.class)),
                Optional.ofNullable(rs.getObject("patient_id", UUID.class)),
                MessageKind.valueOf(rs.getString("kind")),
                rs.getString("channel"),
                rs.getBoolean("automatic"),
                Optional.ofNullable(rs.getString("language")),
                Optional.ofNullable(rs.getString("to_phone")),
                Optional.ofNullable(rs.getString("body")),
                MessageStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getObject("local_day", LocalDate.class)),
                instant(rs, "created_at"),
                instant(rs, "send_at"),
                rs.getInt("failures"),
                Optional.ofNullable(rs.getString("last_error")),
                Optional.ofNullable(instant(rs, "sent_at")),
                Optional.ofNullable(rs.getString("provider_id")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}

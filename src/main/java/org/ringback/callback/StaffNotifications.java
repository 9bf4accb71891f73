package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ringback.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Notices to staff: written by the sweeps, shown on the board once delivered. The text is the sweep's reason with
 * the item's category and urgency: no patient data, and nothing the board does not already show its user.
 */
@Repository
public class StaffNotifications {

    /** Who a notice is for: a user, a role (MANAGER: the practice's managers) or a queue (its members). */
    public record Recipient(String user, String role, String queue) {

        public static Recipient user(String username) {
            return new Recipient(username, null, null);
        }

        public static Recipient managers() {
            return new Recipient(null, "MANAGER", null);
        }

        public static Recipient queue(String name) {
            return new Recipient(null, null, name);
        }
    }

    /** A delivered notice as the board shows it. */
    public record Notice(UUID practiceId, UUID callbackId, String reason, Urgency urgency, Instant deliveredAt, String recipient) {
    }

    /** Notices older than this leave the board; an open item that still needs someone gets a new one from the sweeps. */
    private static final Duration SHOWN_FOR = Duration.ofDays(3);
    private static final int SHOWN_AT_MOST = 50;
    private static final String CLINICAL_QUEUE = "CLINICAL";

    private static final String INSERT = """
            insert into staff_notification (practice_id, id, callback_id, recipient_user, recipient_role, recipient_queue,
                urgency, reason, dedupe_key, created_at, deliver_after)
            values (:practiceId, :id, :callbackId, :user, :role, :queue, :urgency, :reason, :key, :now, :deliverAfter)
            on conflict (practice_id, callback_id, dedupe_key) do nothing""";

    /** A notice to write, collected by a sweep and written in one batch. */
    record Pending(Callback callback, Recipient to, String reason, String dedupeKey, Instant now,
                   org.ringback.practice.BusinessCalendar calendar) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    StaffNotifications(JdbcClient jdbc, org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Writes collected notices in one JDBC batch, each as {@link #notify} would. */
    void notifyAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        var rows = new java.util.ArrayList<Map<String, ?>>();
        for (Pending p : pending) {
            var state = p.callback().state();
            var row = new java.util.HashMap<String, Object>();
            row.put("practiceId", state.practiceId());
            row.put("id", UUID.randomUUID());
            row.put("callbackId", state.id());
            row.put("user", p.to().user());
            row.put("role", p.to().role());
            row.put("queue", p.to().queue());
            row.put("urgency", state.urgency().name());
            row.put("reason", p.reason() + " · " + state.category() + " · " + state.urgency());
            row.put("key", p.dedupeKey());
            row.put("now", Callbacks.utc(p.now()));
            row.put("deliverAfter", Callbacks.utc(NotificationTiming.deliverAfter(state.urgency(), p.now(), p.calendar())));
            rows.add(row);
        }
        named.batchUpdate(INSERT, org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils.createBatch(rows));
    }

    /**
     * The delivered notices of open items in these practices that are for this user: addressed to them, to a role
     * they have there, or to a queue of the practice (the CLINICAL queue's to clinical staff and managers only).
     */
    public List<Notice> deliveredTo(CurrentUser user, Set<UUID> practiceIds, Instant now) {
        Set<UUID> visible = practiceIds.stream().filter(user::canSee).collect(java.util.stream.Collectors.toSet());
        if (visible.isEmpty()) {
            return List.of();
        }
        UUID[] managed = visible.stream().filter(user::manages).toArray(UUID[]::new);
        return jdbc.sql("""
                        select n.practice_id, n.callback_id, n.reason, n.urgency, n.deliver_after,
                               coalesce(n.recipient_user, n.recipient_role, n.recipient_queue) as recipient
                        from staff_notification n
                        join callback c on c.practice_id = n.practice_id and c.id = n.callback_id and c.status <> 'CLOSED'
                        where n.practice_id = any(:practices) and n.deliver_after <= :now and n.deliver_after > :since
                          and (n.recipient_user = :username
                               or (n.recipient_role = 'MANAGER' and n.practice_id = any(:managed))
                               or (n.recipient_queue is not null
                                   and (n.recipient_queue <> :clinicalQueue or :clinical or n.practice_id = any(:managed))))
                        order by n.deliver_after desc, n.id
                        limit :limit""")
                .param("practices", visible.toArray(UUID[]::new))
                .param("now", Callbacks.utc(now))
                .param("since", Callbacks.utc(now.minus(SHOWN_FOR)))
                .param("username", user.username())
                .param("managed", managed)
                .param("clinicalQueue", CLINICAL_QUEUE)
                .param("clinical", user.isClinical())
                .param("limit", SHOWN_AT_MOST)
                .query((rs, n) -> new Notice(rs.getObject("practice_id", UUID.class), rs.getObject("callback_id", UUID.class),
                        rs.getString("reason"), Urgency.valueOf(rs.getString("urgency")), Callbacks.instant(rs, "deliver_after"),
                        rs.getString("recipient")))
                .list();
    }
}

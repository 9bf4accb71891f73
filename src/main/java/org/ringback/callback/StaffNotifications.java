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

    /** A notice to write, collected by a sweep and written in one batch. */
    record Pending(Callback callback, Recipient to, String reason, String dedupeKey, Instant now,
                   org.ringback.practice.BusinessCalendar calendar) {
    }

    private final JdbcClient jdbc;

    StaffNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes collected notices with one statement, the rows as arrays (cheaper to bind than a batch of named-parameter
     * rows). One notice per item and cause: one already written is skipped, so a sweep that runs twice notifies once.
     */
    void notifyAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        var practiceIds = new UUID[n];
        var ids = new UUID[n];
        var callbackIds = new UUID[n];
        var users = new String[n];
        var roles = new String[n];
        var queues = new String[n];
        var urgencies = new String[n];
        var reasons = new String[n];
        var keys = new String[n];
        var created = new String[n];
        var deliverAfter = new String[n];
        for (int i = 0; i < n; i++) {
            Pending p = pending.get(i);
            var state = p.callback().state();
            practiceIds[i] = state.practiceId();
            ids[i] = UUID.randomUUID();
            callbackIds[i] = state.id();
            users[i] = p.to().user();
            roles[i] = p.to().role();
            queues[i] = p.to().queue();
            urgencies[i] = state.urgency().name();
            reasons[i] = p.reason() + " · " + state.category() + " · " + state.urgency();
            keys[i] = p.dedupeKey();
            created[i] = p.now().toString();
            deliverAfter[i] = NotificationTiming.deliverAfter(state.urgency(), p.now(), p.calendar()).toString();
        }
        jdbc.sql("""
                        insert into staff_notification (practice_id, id, callback_id, recipient_user, recipient_role, recipient_queue,
                            urgency, reason, dedupe_key, created_at, deliver_after)
                        select * from unnest(:practiceIds, :ids, :callbackIds, cast(:users as text[]), cast(:roles as text[]),
                            cast(:queues as text[]), cast(:urgencies as text[]), cast(:reasons as text[]), cast(:keys as text[]),
                            cast(:created as timestamptz[]), cast(:deliverAfter as timestamptz[]))
                        on conflict (practice_id, callback_id, dedupe_key) do nothing""")
                .param("practiceIds", practiceIds).param("ids", ids).param("callbackIds", callbackIds)
                .param("users", users).param("roles", roles).param("queues", queues).param("urgencies", urgencies)
                .param("reasons", reasons).param("keys", keys).param("created", created).param("deliverAfter", deliverAfter)
                .update();
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

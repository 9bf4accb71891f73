package org.ringback.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.ringback.identity.Identity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a practice's managers read of the audit trail: who touched which record of their practice, and how
 * the people of their practice signed in. Pages go by id (ascending), so the next page never skips or repeats.
 */
@Service
public class AuditTrail {

    /** One entry of the audit trail. {@code subjectId} is an id, never a name. */
    public record Entry(long id, Instant at, String actor, String action, String subjectType, String subjectId, String remoteAddr) {
    }

    /** One sign-in attempt by a member of the practice. */
    public record SignIn(long id, Instant at, String username, String method, String outcome, String remoteAddr) {
    }

    /** What to look for; every part is optional. */
    public record Filter(Optional<Instant> from, Optional<Instant> to, Optional<String> actor, Optional<String> subjectType,
                         Optional<String> subjectId) {
    }

    private final JdbcClient jdbc;
    private final Identity identity;
    private final AuditLog audit;

    AuditTrail(JdbcClient jdbc, Identity identity, AuditLog audit) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Entry> entries(UUID practiceId, Filter filter, long after, int limit) {
        identity.requireManager(practiceId);
        var sql = new StringBuilder("""
                select id, at, actor, action, subject_type, subject_id, remote_addr from audit_event
                where practice_id = :practiceId and id > :after""");
        Map<String, Object> params = params(practiceId, filter, after, sql);
        filter.actor().ifPresent(actor -> add(sql, params, " and actor = :actor", "actor", actor));
        filter.subjectType().ifPresent(type -> add(sql, params, " and subject_type = :subjectType", "subjectType", type));
        filter.subjectId().ifPresent(id -> add(sql, params, " and subject_id = :subjectId", "subjectId", id));
        sql.append(" order by id limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Entry(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("remote_addr"))).list();
    }

    @Transactional(readOnly = true)
    public List<SignIn> signIns(UUID practiceId, Filter filter, long after, int limit) {
        identity.requireManager(practiceId);
        Set<String> members = identity.usernamesAt(practiceId);
        var sql = new StringBuilder("""
                select id, at, username, method, outcome, remote_addr from sign_in_event
                where username = any(:members) and id > :after""");
        Map<String, Object> params = params(practiceId, filter, after, sql);
        params.put("members", members.toArray(String[]::new));
        filter.actor().ifPresent(actor -> add(sql, params, " and username = :actor", "actor", actor));
        sql.append(" order by id limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new SignIn(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("username"), rs.getString("method"),
                rs.getString("outcome"), rs.getString("remote_addr"))).list();
    }

    /**
     * Hands every matching entry to the consumer in pages, and records the export itself in the trail (in the
     * same transaction, so an export that fails leaves no entry claiming it happened).
     */
    @Transactional
    public void export(UUID practiceId, Filter filter, Consumer<Entry> each) {
        identity.requireManager(practiceId);
        audit.record(practiceId, AuditLog.Action.EXPORT, "audit_event", null);
        long after = 0;
        List<Entry> page;
        do {
            page = entries(practiceId, filter, after, 5_000);
            page.forEach(each);
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        } while (page.size() == 5_000);
    }

    private static Map<String, Object> params(UUID practiceId, Filter filter, long after, StringBuilder sql) {
        Map<String, Object> params = new HashMap<>();
        params.put("practiceId", practiceId);
        params.put("after", after);
        filter.from().ifPresent(from -> add(sql, params, " and at >= :from", "from", from.atOffset(ZoneOffset.UTC)));
        filter.to().ifPresent(to -> add(sql, params, " and at < :to", "to", to.atOffset(ZoneOffset.UTC)));
        return params;
    }

    private static void add(StringBuilder sql, Map<String, Object> params, String condition, String name, Object value) {
        sql.append(condition);
        params.put(name, value);
    }
}

package org.ringback.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.ringback.identity.Identity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail of patient data: every read and change of a patient or callback, by whom, from where.
 * An entry joins the caller's transaction, so a change and its audit entry commit or roll back together.
 */
@Service
public class AuditLog {

    /** What was done to the subject. */
    public enum Action { READ, LIST, CREATE, CHANGE, EXPORT }

    private final JdbcClient jdbc;
    private final Identity identity;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Identity identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** Records an access by the signed-in user (or "system" outside a request, e.g. the sweep or the demo). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID practiceId, Action action, String subjectType, String subjectId) {
        recordAll(List.of(practiceId), action, subjectType, subjectId);
    }

    /** The same access to many practices at once (an organisation report): one row each, in one statement. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<UUID> practiceIds, Action action, String subjectType, String subjectId) {
        if (practiceIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into audit_event (practice_id, at, actor, action, subject_type, subject_id, remote_addr)
                        select p, :at, :actor, :action, :subjectType, :subjectId, :remoteAddr from unnest(:practiceIds) as p""")
                .param("practiceIds", practiceIds.toArray(UUID[]::new))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("actor", identity.currentUsername().orElse("system"))
                .param("action", action.name())
                .param("subjectType", subjectType)
                .param("subjectId", subjectId)
                .param("remoteAddr", remoteAddress())
                .update();
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}

package org.ringback.callback;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Part of the escalation sweep: records a BREACHED event, once, for each running clock found past its due time.
 * Candidates come from the due-time cache through partial indexes (cost grows with what is overdue) and are
 * locked with SKIP LOCKED; the clock derived from the events decides.
 */
@Component
class SlaBreaches {

    private record Candidate(UUID practiceId, UUID id, String category) {
    }

    private final JdbcClient jdbc;
    private final Callbacks callbacks;
    private final CallbackDesk desk;

    SlaBreaches(JdbcClient jdbc, Callbacks callbacks, CallbackDesk desk) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.desk = desk;
    }

    /** Answers the number of breaches recorded. */
    int record(Instant now, int batch) {
        List<Candidate> candidates = jdbc.sql("""
                        select practice_id, id, category from callback
                        where id in (
                            (select id from callback
                             where status <> 'CLOSED' and first_attempt_at is null and not first_attempt_breached
                               and first_attempt_due_at < :now
                             order by first_attempt_due_at limit :batch)
                            union
                            (select id from callback
                             where status <> 'CLOSED' and resolution_paused_since is null and not resolution_breached
                               and resolution_due_at < :now
                             order by resolution_due_at limit :batch))
                        for update skip locked""")
                .param("now", Callbacks.utc(now))
                .param("batch", batch)
                .query((rs, n) -> new Candidate(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("category")))
                .list();
        Map<String, CallbackContext> contexts = new HashMap<>();
        int recorded = 0;
        for (Candidate candidate : candidates) {
            CallbackContext context = contexts.computeIfAbsent(candidate.practiceId() + "/" + candidate.category(),
                    key -> desk.context(candidate.practiceId(), candidate.category(), Optional.empty()));
            Callback callback = callbacks.find(candidate.practiceId(), candidate.id()).orElseThrow();
            int breaches = callback.recordBreaches(now, context).size();
            if (breaches > 0 || !callback.unsavedSlaEvents().isEmpty()) {
                callbacks.save(callback);
            }
            recorded += breaches;
        }
        return recorded;
    }
}

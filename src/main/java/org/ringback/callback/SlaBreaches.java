package org.ringback.callback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.PracticeDirectory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Part of the escalation sweep: records a BREACHED event, once, for each running clock found past its due time,
 * with an SLA_BREACHED timeline event. Candidates come from the due-time cache through partial indexes (cost grows
 * with what is overdue, not with history) and are locked with SKIP LOCKED, so two sweepers never record one twice.
 *
 * <p>The cache is what {@link SlaClock} derives: for a clock that is neither fulfilled (first attempt made, item
 * closed) nor paused, the cached due time is the clock's due time, so the breach is written in bulk. Items stored
 * before clocks were events go through the aggregate, which first derives their events.
 */
@Component
class SlaBreaches {

    private record Candidate(UUID practiceId, UUID id, String category, Instant dueAt, boolean started) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Callbacks callbacks;
    private final CallbackDesk desk;
    private final PracticeDirectory practices;
    private final JsonMapper json;

    SlaBreaches(JdbcClient jdbc, NamedParameterJdbcTemplate named, Callbacks callbacks, CallbackDesk desk, PracticeDirectory practices,
                JsonMapper json) {
        this.jdbc = jdbc;
        this.named = named;
        this.callbacks = callbacks;
        this.desk = desk;
        this.practices = practices;
        this.json = json;
    }

    /** Answers the number of breaches recorded. */
    int record(Instant now, int batch) {
        int recorded = 0;
        for (SlaEvent.Clock clock : SlaEvent.Clock.values()) {
            recorded += record(clock, now, batch);
        }
        return recorded;
    }

    private int record(SlaEvent.Clock clock, Instant now, int batch) {
        boolean first = clock == SlaEvent.Clock.FIRST_ATTEMPT;
        String due = first ? "first_attempt_due_at" : "resolution_due_at";
        String running = first ? "c.first_attempt_at is null and not c.first_attempt_breached"
                : "c.resolution_paused_since is null and not c.resolution_breached";
        List<Candidate> candidates = jdbc.sql("""
                        select c.practice_id, c.id, c.category, c.%1$s as due_at,
                               exists (select 1 from sla_event s where s.practice_id = c.practice_id and s.callback_id = c.id
                                       and s.clock = :clock and s.type = 'STARTED') as started
                        from callback c
                        where c.status <> 'CLOSED' and %2$s and c.%1$s < :now
                        order by c.%1$s
                        limit :batch
                        for update of c skip locked""".formatted(due, running))
                .param("clock", clock.name())
                .param("now", Callbacks.utc(now))
                .param("batch", batch)
                .query((rs, n) -> new Candidate(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("category"), Callbacks.instant(rs, "due_at"), rs.getBoolean("started")))
                .list();
        int recorded = 0;
        Map<UUID, BusinessCalendar> calendars = new HashMap<>();
        var slaRows = new ArrayList<Map<String, ?>>();
        var eventRows = new ArrayList<Map<String, ?>>();
        var flagRows = new ArrayList<Map<String, ?>>();
        for (Candidate candidate : candidates) {
            if (!candidate.started()) {
                recorded += throughTheAggregate(candidate, now).contains(clock) ? 1 : 0;
                continue;
            }
            BusinessCalendar calendar = calendars.computeIfAbsent(candidate.practiceId(), id -> practices.find(id).calendar());
            long minutesOver = calendar.businessTimeBetween(candidate.dueAt(), now).toMinutes();
            var sla = new HashMap<String, Object>();
            sla.put("practiceId", candidate.practiceId());
            sla.put("callbackId", candidate.id());
            sla.put("clock", clock.name());
            sla.put("at", Callbacks.utc(now));
            sla.put("reason", "due " + candidate.dueAt());
            slaRows.add(sla);
            var detail = new LinkedHashMap<String, String>();
            detail.put("clock", clock.name());
            detail.put("dueAt", candidate.dueAt().toString());
            detail.put("minutesOver", Long.toString(minutesOver));
            var event = new HashMap<String, Object>();
            event.put("practiceId", candidate.practiceId());
            event.put("callbackId", candidate.id());
            event.put("at", Callbacks.utc(now));
            event.put("actor", Actor.SYSTEM.username());
            event.put("detail", json.writeValueAsString(detail));
            eventRows.add(event);
            flagRows.add(Map.of("practiceId", candidate.practiceId(), "id", candidate.id()));
            recorded++;
        }
        if (!slaRows.isEmpty()) {
            named.batchUpdate("""
                    insert into sla_event (practice_id, callback_id, seq, clock, type, at, reason)
                    select :practiceId, :callbackId, coalesce(max(seq), 0) + 1, :clock, 'BREACHED', :at, :reason
                    from sla_event where practice_id = :practiceId and callback_id = :callbackId""", SqlParameterSourceUtils.createBatch(slaRows));
            named.batchUpdate("""
                    insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                    select :practiceId, :callbackId, coalesce(max(seq), 0) + 1, :at, 'SLA_BREACHED', :actor, cast(:detail as jsonb)
                    from callback_event where practice_id = :practiceId and callback_id = :callbackId""",
                    SqlParameterSourceUtils.createBatch(eventRows));
            named.batchUpdate("update callback set " + (first ? "first_attempt_breached" : "resolution_breached")
                    + " = true, version = version + 1 where practice_id = :practiceId and id = :id", SqlParameterSourceUtils.createBatch(flagRows));
        }
        return recorded;
    }

    private List<SlaEvent.Clock> throughTheAggregate(Candidate candidate, Instant now) {
        CallbackContext context = desk.context(candidate.practiceId(), candidate.category(), Optional.empty());
        Callback callback = callbacks.find(candidate.practiceId(), candidate.id()).orElseThrow();
        List<SlaEvent.Clock> breached = callback.recordBreaches(now, context);
        callbacks.save(callback);
        return breached;
    }
}

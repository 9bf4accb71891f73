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
    private final Callbacks callbacks;
    private final CallbackDesk desk;
    private final PracticeDirectory practices;
    private final JsonMapper json;

    SlaBreaches(JdbcClient jdbc, Callbacks callbacks, CallbackDesk desk, PracticeDirectory practices,
                JsonMapper json) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.desk = desk;
        this.practices = practices;
        this.json = json;
    }

    /**
     * What one run recorded in bulk: the items whose first-attempt breach is recorded (events written) but whose
     * flag on the callback row is not set yet, by id with their practice. The escalation sweep sets the flag in the
     * update that escalates the item (one new row version instead of two) and hands the rest to {@link #flag}.
     */
    record Recorded(int count, Map<UUID, UUID> firstAttemptUnflagged) {
    }

    /** Records the breaches due at {@code now}; the first-attempt flags of the bulk path are left to the caller. */
    Recorded record(Instant now, int batch) {
        int recorded = 0;
        Map<UUID, UUID> unflagged = new LinkedHashMap<>();
        for (SlaEvent.Clock clock : SlaEvent.Clock.values()) {
            recorded += record(clock, now, batch, unflagged);
        }
        return new Recorded(recorded, unflagged);
    }

    /** Sets the first-attempt breach flag of items recorded by {@link #record} (practice by item id) and not saved since. */
    void flag(Map<UUID, UUID> firstAttemptUnflagged, Instant at) {
        if (firstAttemptUnflagged.isEmpty()) {
            return;
        }
        setFlags(SlaEvent.Clock.FIRST_ATTEMPT, firstAttemptUnflagged.values().toArray(UUID[]::new),
                firstAttemptUnflagged.keySet().toArray(UUID[]::new), at);
    }

    private void setFlags(SlaEvent.Clock clock, UUID[] practiceIds, UUID[] ids, Instant at) {
        // The new timeline event is the item's newest: its last activity, as every save keeps it.
        jdbc.sql("update callback c set " + (clock == SlaEvent.Clock.FIRST_ATTEMPT ? "first_attempt_breached" : "resolution_breached") + """
                 = true, version = c.version + 1, last_activity_at = greatest(c.last_activity_at, :at)
                from unnest(:practiceIds, :callbackIds) as u (practice_id, id)
                where c.practice_id = u.practice_id and c.id = u.id""")
                .param("practiceIds", practiceIds)
                .param("callbackIds", ids)
                .param("at", Callbacks.utc(at))
                .update();
    }

    private int record(SlaEvent.Clock clock, Instant now, int batch, Map<UUID, UUID> firstAttemptUnflagged) {
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
            sla.put("reason", "due " + candidate.dueAt());
            slaRows.add(sla);
            var detail = new LinkedHashMap<String, String>();
            detail.put("clock", clock.name());
            detail.put("dueAt", candidate.dueAt().toString());
            detail.put("minutesOver", Long.toString(minutesOver));
            eventRows.add(Map.of("detail", json.writeValueAsString(detail)));
            recorded++;
        }
        if (!slaRows.isEmpty()) {
            // Set-based: one statement each for all breaches of the run, not one per item.
            var params = new HashMap<String, Object>();
            params.put("practiceIds", slaRows.stream().map(row -> row.get("practiceId")).toArray(UUID[]::new));
            params.put("callbackIds", slaRows.stream().map(row -> row.get("callbackId")).toArray(UUID[]::new));
            params.put("reasons", slaRows.stream().map(row -> (String) row.get("reason")).toArray(String[]::new));
            params.put("details", eventRows.stream().map(row -> (String) row.get("detail")).toArray(String[]::new));
            params.put("clock", clock.name());
            params.put("at", Callbacks.utc(now));
            params.put("actor", Actor.SYSTEM.username());
            jdbc.sql("""
                    insert into sla_event (practice_id, callback_id, seq, clock, type, at, reason)
                    select u.practice_id, u.callback_id,
                           coalesce((select max(s.seq) from sla_event s where s.practice_id = u.practice_id and s.callback_id = u.callback_id), 0) + 1,
                           :clock, 'BREACHED', :at, u.reason
                    from unnest(:practiceIds, :callbackIds, cast(:reasons as text[])) as u (practice_id, callback_id, reason)""")
                    .params(params).update();
            jdbc.sql("""
                    insert into callback_event (practice_id, callback_id, seq, at, type, actor, detail)
                    select u.practice_id, u.callback_id,
                           coalesce((select max(e.seq) from callback_event e where e.practice_id = u.practice_id and e.callback_id = u.callback_id), 0) + 1,
                           :at, 'SLA_BREACHED', :actor, cast(u.detail as jsonb)
                    from unnest(:practiceIds, :callbackIds, cast(:details as text[])) as u (practice_id, callback_id, detail)""")
                    .params(params).update();
            if (first) {
                slaRows.forEach(row -> firstAttemptUnflagged.put((UUID) row.get("callbackId"), (UUID) row.get("practiceId")));
            } else {
                setFlags(clock, (UUID[]) params.get("practiceIds"), (UUID[]) params.get("callbackIds"), now);
            }
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

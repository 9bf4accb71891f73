package org.ringback.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.PracticeDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalation of DESIGN.md: a first attempt overdue goes to level 1 (supervisor); still unattempted a further
 * {@code level2After} of business time later, to level 2 (practice manager). Each escalation is a timeline
 * event with its reason. Idempotent (an item is escalated once per level) and safe with several sweepers:
 * candidate rows are locked with SKIP LOCKED, so two sweeps never take the same item.
 */
@Service
public class EscalationSweep {

    private static final Logger log = LoggerFactory.getLogger(EscalationSweep.class);

    private record Candidate(UUID practiceId, UUID id, int level, Instant firstAttemptDueAt) {
    }

    private final JdbcClient jdbc;
    private final Callbacks callbacks;
    private final PracticeDirectory practices;
    private final StaffNotifications notifications;
    private final SweepProperties properties;
    private final Clock clock;
    private final Timer duration;
    private final Counter escalations;
    private final SlaBreaches breaches;

    EscalationSweep(JdbcClient jdbc, Callbacks callbacks, PracticeDirectory practices, StaffNotifications notifications,
                    SweepProperties properties, Clock clock, MeterRegistry meters, SlaBreaches breaches) {
        this.notifications = notifications;
        this.breaches = breaches;
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.practices = practices;
        this.properties = properties;
        this.clock = clock;
        this.duration = Timer.builder("ringback.sweep.duration").description("Time one escalation sweep takes").register(meters);
        this.escalations = Counter.builder("ringback.sweep.escalations").description("Escalations made by the sweep").register(meters);
    }

    /** One sweep at the clock's now; returns the number of escalations made. */
    @Transactional
    public int sweep() {
        Timer.Sample started = Timer.start();
        // Breaches first, so that an item's timeline reads: clock breached, then escalated because of it.
        SlaBreaches.Recorded breached = breaches.record(clock.instant(), properties.batch());
        Map<UUID, UUID> unflagged = new HashMap<>(breached.firstAttemptUnflagged());
        int escalated = escalateOverdue(unflagged);
        // Breached but not escalated now (already at the top level, or beyond this run's batch): the flag alone.
        breaches.flag(unflagged, clock.instant());
        started.stop(duration);
        escalations.increment(escalated);
        return escalated;
    }

    /** Escalates what is due; an item in {@code unflagged} gets its breach flag in the same update and leaves the map. */
    private int escalateOverdue(Map<UUID, UUID> unflagged) {
        Instant now = clock.instant();
        List<Candidate> candidates = jdbc.sql("""
                        select practice_id, id, escalation_level, first_attempt_due_at from callback
                        where status <> 'CLOSED' and first_attempt_at is null and first_attempt_due_at < :now
                          and escalation_level < 2
                        order by first_attempt_due_at
                        limit :batch
                        for update skip locked""")
                .param("now", Callbacks.utc(now))
                .param("batch", properties.batch())
                .query((rs, n) -> new Candidate(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getInt("escalation_level"), Callbacks.instant(rs, "first_attempt_due_at")))
                .list();
        Map<UUID, BusinessCalendar> calendars = new HashMap<>();
        Map<UUID, List<UUID>> due = WorkSweeps.byPractice(candidates.stream()
                .filter(candidate -> candidate.level() == 0 || !calendars
                        .computeIfAbsent(candidate.practiceId(), id -> practices.find(id).calendar())
                        .plusBusinessTime(candidate.firstAttemptDueAt(), properties.level2After()).isAfter(now))
                .toList(), Candidate::practiceId, Candidate::id);
        int escalated = 0;
        // Loaded, changed and saved per practice in batches: the cost is a few statements per item, not per query.
        for (var practice : due.entrySet()) {
            BusinessCalendar calendar = calendars.computeIfAbsent(practice.getKey(), id -> practices.find(id).calendar());
            List<Callback> loaded = callbacks.findAllForSweep(practice.getKey(), practice.getValue(), false);
            var notices = new ArrayList<StaffNotifications.Pending>();
            Set<UUID> breachedNow = new HashSet<>();
            for (Callback callback : loaded) {
                if (unflagged.remove(callback.id()) != null) {
                    breachedNow.add(callback.id());
                }
                int level = callback.state().escalationLevel();
                String why = level == 0
                        ? "The first attempt is overdue: a supervisor should take it"
                        : "The first attempt is still overdue: the practice manager should take it";
                callback.escalate(why, now, Actor.SYSTEM);
                notices.add(WorkSweeps.escalationNotice(callback, why, "first-attempt:" + (level + 1), now, calendar));
            }
            callbacks.saveAll(loaded, breachedNow);
            notifications.notifyAll(notices);
            escalated += loaded.size();
        }
        if (escalated > 0) {
            log.info("Escalation sweep escalated {} callbacks", escalated);
        }
        return escalated;
    }
}

package org.ringback.records;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringback.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the patient data of callbacks closed longer ago than their practice's retention period, and the
 * patients left with no item. What the measures count stays: times, category, channel, queue, urgency, outcome,
 * attempt results and times, and the timeline's work facts (types, times, waiting reasons, escalation levels).
 * Idempotent (a purged item is marked and never read again), batched (one transaction per batch, each audited
 * with its counts, never with patient data), and safe on several instances (rows are claimed with SKIP LOCKED).
 */
@Service
public class RetentionPurge {

    /** What one run removed. */
    public record Result(int callbacks, int patients) {
        Result plus(Result other) {
            return new Result(callbacks + other.callbacks, patients + other.patients);
        }
    }

    /** Timeline detail without patient data (the keys the measures and the review sample read); notes, reasons and red-flag phrases go. */
    static final String[] KEPT_EVENT_DETAIL = {"channel", "category", "urgency", "queue", "attempt", "method", "result", "window",
            "on", "expectedBy", "level", "from", "to", "outcome", "at", "owner", "secondCallOf"};

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private record Due(UUID practiceId, UUID id, UUID patientId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionPurge(JdbcClient jdbc, PlatformTransactionManager transactionManager, AuditLog audit, RetentionProperties properties,
                   Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Purges everything due now, batch by batch. */
    public Result purgeDue() {
        Instant now = clock.instant();
        Result total = new Result(0, 0);
        Map<UUID, Integer> ownPeriods = new LinkedHashMap<>();
        jdbc.sql("select practice_id, retention_months from retention_setting order by practice_id")
                .query(rs -> {
                    ownPeriods.put(rs.getObject("practice_id", UUID.class), rs.getInt("retention_months"));
                });
        for (Map.Entry<UUID, Integer> own : ownPeriods.entrySet()) {
            Instant cutoff = new RetentionPeriod(own.getValue()).cutoff(now);
            total = total.plus(drain(() -> dueAt(own.getKey(), cutoff), now));
        }
        Instant defaultCutoff = RetentionPeriod.of(properties.defaultPeriod()).cutoff(now);
        total = total.plus(drain(() -> dueOnDefault(defaultCutoff), now));
        int webhooks = emptyUnlinkedWebhooks(ownPeriods, now, defaultCutoff);
        if (webhooks > 0) {
            log.info("Retention purge emptied {} telephony webhooks that made no callback", webhooks);
        }
        if (total.callbacks() > 0 || total.patients() > 0) {
            log.info("Retention purge removed the patient data of {} callbacks and {} patients", total.callbacks(), total.patients());
        }
        return total;
    }

    private interface Batch {
        List<Due> claim();
    }

    private Result drain(Batch batch, Instant now) {
        Result total = new Result(0, 0);
        while (true) {
            int[] claimed = new int[1];
            Result done = transactions.execute(status -> {
                // The purge keeps every measure, so it does not invalidate the measures' month summaries (V1_180).
                jdbc.sql("select set_config('ringback.measures_unchanged', 'on', true)").query().singleValue();
                List<Due> due = batch.claim();
                claimed[0] = due.size();
                return purge(due, now);
            });
            total = total.plus(done);
            if (claimed[0] < properties.batch()) {
                return total;
            }
        }
    }

    private List<Due> dueAt(UUID practiceId, Instant cutoff) {
        return jdbc.sql("""
                        select practice_id, id, patient_id from callback
                        where practice_id = :practiceId and closed_at < :cutoff and closed_at is not null and purged_at is null
                          and status = 'CLOSED'
                        order by closed_at limit :batch for update skip locked""")
                .param("practiceId", practiceId)
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("batch", properties.batch())
                .query((rs, n) -> new Due(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class)))
                .list();
    }

    private List<Due> dueOnDefault(Instant cutoff) {
        return jdbc.sql("""
                        select c.practice_id, c.id, c.patient_id from callback c
                        where c.closed_at < :cutoff and c.closed_at is not null and c.purged_at is null and c.status = 'CLOSED'
                          and not exists (select 1 from retention_setting r where r.practice_id = c.practice_id)
                        order by c.closed_at limit :batch for update of c skip locked""")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .param("batch", properties.batch())
                .query((rs, n) -> new Due(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("patient_id", UUID.class)))
                .list();
    }

    /**
     * Webhooks that made no callback (a blocked number, a failure) still hold the caller's number and transcript:
     * emptied by their age, with the period of their practice.
     */
    private int emptyUnlinkedWebhooks(Map<UUID, Integer> ownPeriods, Instant now, Instant defaultCutoff) {
        int emptied = 0;
        for (Map.Entry<UUID, Integer> own : ownPeriods.entrySet()) {
            emptied += jdbc.sql("""
                            update telephony_inbox set params = '{}', last_error = null
                            where practice_id = :practiceId and callback_id is null and params <> '{}'::jsonb
                              and received_at < :cutoff and status <> 'PENDING'""")
                    .param("practiceId", own.getKey())
                    .param("cutoff", new RetentionPeriod(own.getValue()).cutoff(now).atOffset(ZoneOffset.UTC))
                    .update();
        }
        emptied += jdbc.sql("""
                        update telephony_inbox t set params = '{}', last_error = null
                        where t.callback_id is null and t.params <> '{}'::jsonb and t.received_at < :cutoff and t.status <> 'PENDING'
                          and not exists (select 1 from retention_setting r where r.practice_id = t.practice_id)""")
                .param("cutoff", defaultCutoff.atOffset(ZoneOffset.UTC))
                .update();
        return emptied;
    }

    private Result purge(List<Due> due, Instant now) {
        Map<UUID, List<Due>> byPractice = new LinkedHashMap<>();
        due.forEach(item -> byPractice.computeIfAbsent(item.practiceId(), p -> new ArrayList<>()).add(item));
        Result total = new Result(0, 0);
        for (Map.Entry<UUID, List<Due>> practice : byPractice.entrySet()) {
            Result result = purge(practice.getKey(), practice.getValue(), now);
            audit.record(practice.getKey(), AuditLog.Action.CHANGE, "retention-purge",
                    "callbacks=" + result.callbacks() + ",patients=" + result.patients());
            total = total.plus(result);
        }
        return total;
    }

    private Result purge(UUID practiceId, List<Due> items, Instant now) {
        UUID[] ids = items.stream().map(Due::id).toArray(UUID[]::new);
        UUID[] patients = items.stream().map(Due::patientId).filter(id -> id != null).distinct().toArray(UUID[]::new);
        int callbacks = jdbc.sql("""
                        update callback set caller_name = null, contact_phone = null, patient_id = null, reason = null,
                               details = '{}', red_flags = '[]', waiting_note = null, next_action = null, closure_note = null,
                               purged_at = :now
                        where practice_id = :practiceId and id = any(:ids)""")
                .param("practiceId", practiceId).param("ids", ids).param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("""
                        update attempt set script = null, patient_response = null, next_action = null
                        where practice_id = :practiceId and callback_id = any(:ids)""")
                .param("practiceId", practiceId).param("ids", ids).update();
        jdbc.sql("""
                        update callback_event e set detail = coalesce(
                            (select jsonb_object_agg(d.key, d.value) from jsonb_each(e.detail) d where d.key = any(:kept)), '{}')
                        where e.practice_id = :practiceId and e.callback_id = any(:ids)""")
                .param("practiceId", practiceId).param("ids", ids).param("kept", KEPT_EVENT_DETAIL).update();
        jdbc.sql("""
                        update telephony_inbox set params = '{}', last_error = null
                        where practice_id = :practiceId and callback_id = any(:ids)""")
                .param("practiceId", practiceId).param("ids", ids).update();
        jdbc.sql("""
                        update outbound_message set to_phone = null, body = null, patient_id = null
                        where practice_id = :practiceId and callback_id = any(:ids)""")
                .param("practiceId", practiceId).param("ids", ids).update();
        jdbc.sql("delete from webform_submission where practice_id = :practiceId and callback_id = any(:ids)")
                .param("practiceId", practiceId).param("ids", ids).update();
        int removedPatients = patients.length == 0 ? 0 : jdbc.sql("""
                        delete from patient p
                        where p.practice_id = :practiceId and p.id = any(:patients)
                          and not exists (select 1 from callback c where c.practice_id = p.practice_id and c.patient_id = p.id)""")
                .param("practiceId", practiceId).param("patients", patients).update();
        return new Result(callbacks, removedPatients);
    }
}

package org.ringback.records;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import org.ringback.audit.AuditLog;
import org.ringback.identity.Identity;
import org.ringback.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything Ringback stores about one patient, as one JSON document, for a patient's request to access their
 * records (HIPAA's right of access): the patient with phones and consents, every callback with its attempts and
 * timeline, the web-form submissions (with the consent wording they agreed to) and the telephony webhooks that
 * made the callbacks. Rows are exported whole ({@code to_jsonb}), with their stored column names, so a column added
 * later is exported without a change here. Only the practice's managers export, and every export is audited.
 */
@Service
public class PatientExport {

    private final JdbcClient jdbc;
    private final Identity identity;
    private final AuditLog audit;
    private final Clock clock;

    PatientExport(JdbcClient jdbc, Identity identity, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws Refusal.NotFound      for an unknown patient or one of a practice the caller does not work
     * @throws Refusal.NotPermitted  when the caller does not manage the practice
     */
    @Transactional
    public String export(UUID practiceId, UUID patientId) {
        identity.requireManager(practiceId);
        String json = jdbc.sql("""
                        select jsonb_build_object(
                            'format', 'ringback-patient-export/1',
                            'exportedAt', :now,
                            'practiceId', p.practice_id,
                            'patient', to_jsonb(p),
                            'phones', (select coalesce(jsonb_agg(pp.phone order by pp.phone), '[]')
                                       from patient_phone pp where pp.practice_id = p.practice_id and pp.patient_id = p.id),
                            'callbacks', (select coalesce(jsonb_agg(to_jsonb(c) || jsonb_build_object(
                                    'attempts', (select coalesce(jsonb_agg(to_jsonb(a) order by a.seq), '[]') from attempt a
                                                 where a.practice_id = c.practice_id and a.callback_id = c.id),
                                    'timeline', (select coalesce(jsonb_agg(to_jsonb(e) order by e.seq), '[]') from callback_event e
                                                 where e.practice_id = c.practice_id and e.callback_id = c.id))
                                    order by c.received_at, c.id), '[]')
                                          from callback c where c.practice_id = p.practice_id and c.patient_id = p.id),
                            'webFormSubmissions', (select coalesce(jsonb_agg(to_jsonb(s) order by s.created_at, s.id), '[]')
                                                   from webform_submission s
                                                   where s.practice_id = p.practice_id
                                                     and (s.patient_id = p.id or s.callback_id in (
                                                         select c.id from callback c where c.practice_id = p.practice_id and c.patient_id = p.id))),
                            'messages', (select coalesce(jsonb_agg(to_jsonb(m) order by m.created_at, m.id), '[]')
                                         from outbound_message m
                                         where m.practice_id = p.practice_id
                                           and (m.patient_id = p.id or m.callback_id in (
                                               select c.id from callback c where c.practice_id = p.practice_id and c.patient_id = p.id))),
                            'telephonyWebhooks', (select coalesce(jsonb_agg(to_jsonb(t) order by t.received_at, t.call_sid, t.kind), '[]')
                                                  from telephony_inbox t join callback c on c.practice_id = t.practice_id and c.id = t.callback_id
                                                  where c.practice_id = p.practice_id and c.patient_id = p.id)
                        )::text
                        from patient p where p.practice_id = :practiceId and p.id = :patientId""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("practiceId", practiceId)
                .param("patientId", patientId)
                .query(String.class).optional()
                .orElseThrow(() -> new Refusal.NotFound("Patient"));
        audit.record(practiceId, AuditLog.Action.EXPORT, "patient", patientId.toString());
        return json;
    }
}

package org.ringback.records;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.ringback.audit.AuditLog;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A practice's retention period: how long a closed callback keeps its patient data before the purge
 * ({@link RetentionPurge}) removes it. Every member may read it; its managers change it.
 */
@Service
public class Retention {

    /** The period in force and whether it is the application's default. */
    public record Setting(RetentionPeriod afterClosure, boolean isDefault) {
    }

    private final JdbcClient jdbc;
    private final Identity identity;
    private final AuditLog audit;
    private final RetentionProperties properties;
    private final Clock clock;

    Retention(JdbcClient jdbc, Identity identity, AuditLog audit, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** @throws org.ringback.shared.Refusal.NotFound for a practice the caller does not work */
    @Transactional(readOnly = true)
    public Setting setting(UUID practiceId) {
        identity.requireAccess(practiceId);
        return stored(practiceId).map(period -> new Setting(period, false))
                .orElseGet(() -> new Setting(RetentionPeriod.of(properties.defaultPeriod()), true));
    }

    /** @throws org.ringback.shared.Refusal.NotPermitted when the caller does not manage the practice */
    @Transactional
    public Setting change(UUID practiceId, RetentionPeriod period) {
        CurrentUser user = identity.requireManager(practiceId);
        jdbc.sql("""
                        insert into retention_setting (practice_id, retention_months, updated_at, updated_by)
                        values (:practiceId, :months, :at, :by)
                        on conflict (practice_id) do update
                        set retention_months = excluded.retention_months, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("practiceId", practiceId)
                .param("months", period.months())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", user.username())
                .update();
        audit.record(practiceId, AuditLog.Action.CHANGE, "retention-setting", practiceId.toString());
        return new Setting(period, false);
    }

    private Optional<RetentionPeriod> stored(UUID practiceId) {
        return jdbc.sql("select retention_months from retention_setting where practice_id = :practiceId")
                .param("practiceId", practiceId)
                .query(Integer.class).optional().map(RetentionPeriod::new);
    }
}

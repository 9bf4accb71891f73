package org.ringback.webform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accepted forms: the confirmation each one shows and the consent it carried (table {@code webform_submission}). */
@Repository
class Submissions {

    private final JdbcClient jdbc;

    Submissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebForms.Receipt receipt, String submissionKey, UUID callbackId, Optional<UUID> patientId, String category,
                Instant at) {
        jdbc.sql("""
                        insert into webform_submission (practice_id, id, submission_key, callback_id, patient_id, category, promised_by,
                            language, emergency, consent_voicemail, consent_sms, consent_wording, consented_at, created_at)
                        values (:practiceId, :id, :key, :callbackId, :patientId, :category, :promisedBy,
                            :language, :emergency, :voicemail, :sms, :wording, :at, :at)""")
                .param("practiceId", receipt.practiceId()).param("id", receipt.id()).param("key", submissionKey)
                .param("callbackId", callbackId).param("patientId", patientId.orElse(null)).param("category", category)
                .param("promisedBy", receipt.promisedBy().atOffset(ZoneOffset.UTC)).param("language", receipt.language())
                .param("emergency", receipt.emergency()).param("voicemail", receipt.consent().voicemail())
                .param("sms", receipt.consent().sms()).param("wording", receipt.consent().wordingVersion())
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<WebForms.Receipt> find(UUID practiceId, UUID id) {
        return jdbc.sql("select * from webform_submission where practice_id = :practiceId and id = :id")
                .param("practiceId", practiceId).param("id", id)
                .query(Submissions::receipt).optional();
    }

    Optional<WebForms.Receipt> findByKey(UUID practiceId, String submissionKey) {
        return jdbc.sql("select * from webform_submission where practice_id = :practiceId and submission_key = :key")
                .param("practiceId", practiceId).param("key", submissionKey)
                .query(Submissions::receipt).optional();
    }

    private static WebForms.Receipt receipt(ResultSet rs, int row) throws SQLException {
        return new WebForms.Receipt(rs.getObject("practice_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("promised_by", OffsetDateTime.class).toInstant(), rs.getString("language"), rs.getBoolean("emergency"),
                new WebForms.GivenConsent(rs.getBoolean("consent_voicemail"), rs.getBoolean("consent_sms"), rs.getString("consent_wording"),
                        rs.getObject("consented_at", OffsetDateTime.class).toInstant()));
    }
}

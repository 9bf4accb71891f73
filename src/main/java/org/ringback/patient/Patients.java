package org.ringback.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored patients, and their phones for look-up. */
@Repository
class Patients {

    private final JdbcClient jdbc;

    Patients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Patient patient, Instant createdAt) {
        jdbc.sql("""
                        insert into patient (practice_id, id, display_name, mrn, phones, preferred_contact, preferred_windows, language,
                            consent_voicemail, consent_detailed_voicemail, consent_sms, consent_portal, consent_email, created_at)
                        values (:practiceId, :id, :name, :mrn, :phones, :preferredContact, :windows, :language,
                            :voicemail, :detailed, :sms, :portal, :email, :createdAt)""")
                .param("practiceId", patient.practiceId())
                .param("id", patient.id())
                .param("name", patient.displayName())
                .param("mrn", patient.mrn().orElse(null))
                .param("phones", patient.phones().toArray(String[]::new))
                .param("preferredContact", patient.preferredContact().name())
                .param("windows", patient.preferredWindows().stream().sorted().toArray(String[]::new))
                .param("language", patient.language())
                .param("voicemail", patient.consent().voicemail())
                .param("detailed", patient.consent().detailedVoicemail())
                .param("sms", patient.consent().sms())
                .param("portal", patient.consent().portal())
                .param("email", patient.consent().email())
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .update();
        for (String phone : Set.copyOf(patient.phones())) {
            jdbc.sql("insert into patient_phone (practice_id, phone, patient_id) values (:practiceId, :phone, :patientId)")
                    .param("practiceId", patient.practiceId())
                    .param("phone", phone)
                    .param("patientId", patient.id())
                    .update();
        }
    }

    boolean mrnTaken(UUID practiceId, String mrn) {
        return jdbc.sql("select count(*) from patient where practice_id = :practiceId and mrn = :mrn")
                .param("practiceId", practiceId).param("mrn", mrn).query(Integer.class).single() > 0;
    }

    Optional<Patient> find(UUID practiceId, UUID id) {
        return jdbc.sql("select * from patient where practice_id = :practiceId and id = :id")
                .param("practiceId", practiceId).param("id", id)
                .query(Patients::patient).optional();
    }

    List<Patient> findAll(UUID practiceId, Collection<UUID> ids) {
        return jdbc.sql("select * from patient where practice_id = :practiceId and id = any(:ids)")
                .param("practiceId", practiceId).param("ids", ids.toArray(UUID[]::new))
                .query(Patients::patient).list();
    }

    List<UUID> idsByPhone(UUID practiceId, String phone) {
        return jdbc.sql("select patient_id from patient_phone where practice_id = :practiceId and phone = :phone")
                .param("practiceId", practiceId).param("phone", phone)
                .query(UUID.class).list();
    }

    Map<String, List<UUID>> idsByPhones(UUID practiceId, Collection<String> phones) {
        Map<String, List<UUID>> ids = new HashMap<>();
        jdbc.sql("select phone, patient_id from patient_phone where practice_id = :practiceId and phone = any(:phones)")
                .param("practiceId", practiceId).param("phones", phones.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("phone"), rs.getObject("patient_id", UUID.class)))
                .list()
                .forEach(entry -> ids.computeIfAbsent(entry.getKey(), phone -> new ArrayList<>()).add(entry.getValue()));
        return ids;
    }

    private static Patient patient(ResultSet rs, int row) throws SQLException {
        return new Patient(
                rs.getObject("practice_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("display_name"),
                Optional.ofNullable(rs.getString("mrn")),
                List.of((String[]) rs.getArray("phones").getArray()),
                ContactMethod.valueOf(rs.getString("preferred_contact")),
                Set.copyOf(Arrays.asList((String[]) rs.getArray("preferred_windows").getArray())),
                rs.getString("language"),
                new Consent(rs.getBoolean("consent_voicemail"), rs.getBoolean("consent_detailed_voicemail"),
                        rs.getBoolean("consent_sms"), rs.getBoolean("consent_portal"), rs.getBoolean("consent_email")));
    }
}

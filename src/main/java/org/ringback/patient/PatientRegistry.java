package org.ringback.patient;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ringback.audit.AuditLog;
import org.ringback.identity.Identity;
import org.ringback.shared.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The patient module's facade. Callers check practice access before asking for a practice's patients. */
@Service
public class PatientRegistry {

    private final Patients patients;
    private final Identity identity;
    private final Clock clock;
    private final AuditLog audit;

    PatientRegistry(Patients patients, Identity identity, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.patients = patients;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public Patient register(Patient patient) {
        identity.requireAccess(patient.practiceId());
        Patient registered = registerUnchecked(patient);
        audit.record(patient.practiceId(), AuditLog.Action.CREATE, "patient", patient.id().toString());
        return registered;
    }

    /** For trusted callers with no signed-in user (demo data, importers). */
    @Transactional
    public Patient registerUnchecked(Patient patient) {
        if (patient.mrn().isPresent() && patients.mrnTaken(patient.practiceId(), patient.mrn().get())) {
            throw new Refusal.Conflict("A patient with this MRN already exists in the practice");
        }
        try {
            patients.insert(patient, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new Refusal.Conflict("A patient with this MRN already exists in the practice");
        }
        return patient;
    }

    @Transactional
    public Patient get(UUID practiceId, UUID patientId) {
        identity.requireAccess(practiceId);
        Patient patient = find(practiceId, patientId).orElseThrow(() -> new Refusal.NotFound("Patient"));
        audit.record(practiceId, AuditLog.Action.READ, "patient", patientId.toString());
        return patient;
    }

    public Optional<Patient> find(UUID practiceId, UUID patientId) {
        return patients.find(practiceId, patientId);
    }

    public Map<UUID, Patient> findAll(UUID practiceId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return patients.findAll(practiceId, ids).stream().collect(Collectors.toMap(Patient::id, Function.identity()));
    }

    /** How many patients of the practice have this E.164 phone: 0 for a new caller, more than 1 for a shared phone. */
    public int countByPhone(UUID practiceId, String e164) {
        return patients.idsByPhone(practiceId, e164).size();
    }

    /** The bulk form of {@link #findUniqueByPhone}: for each phone that exactly one patient has, that patient. */
    public Map<String, Patient> findUniqueByPhones(UUID practiceId, Collection<String> e164s) {
        if (e164s.isEmpty()) {
            return Map.of();
        }
        Map<String, UUID> unique = new HashMap<>();
        patients.idsByPhones(practiceId, e164s).entrySet().stream()
                .filter(entry -> entry.getValue().size() == 1)
                .forEach(entry -> unique.put(entry.getKey(), entry.getValue().get(0)));
        Map<UUID, Patient> found = findAll(practiceId, unique.values());
        Map<String, Patient> byPhone = new HashMap<>();
        unique.forEach((phone, id) -> Optional.ofNullable(found.get(id)).ifPresent(patient -> byPhone.put(phone, patient)));
        return byPhone;
    }

    /** The one patient with this E.164 phone, if exactly one has it (a shared family phone matches nobody). */
    public Optional<Patient> findUniqueByPhone(UUID practiceId, String e164) {
        List<UUID> ids = patients.idsByPhone(practiceId, e164);
        return ids.size() == 1 ? patients.find(practiceId, ids.get(0)) : Optional.empty();
    }
}

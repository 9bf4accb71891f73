package org.ringback.patient.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.patient.PhoneNumbers;
import org.ringback.practice.PracticeDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PatientController {

    record ConsentJson(boolean voicemail, boolean detailedVoicemail, boolean sms, boolean portal, boolean email) {
    }

    record PatientRequest(
            @NotBlank @Size(max = 200) String displayName,
            @Size(max = 40) String mrn,
            @Size(max = 5) List<@NotBlank String> phones,
            ContactMethod preferredContact,
            @Size(max = 10) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String> preferredWindows,
            @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code like en or es") String language,
            @NotNull ConsentJson consent) {
    }

    record PatientView(String id, String practiceId, String displayName, String mrn, List<String> phones,
                       ContactMethod preferredContact, Set<String> preferredWindows, String language, ConsentJson consent) {
        static PatientView of(Patient p) {
            var c = p.consent();
            return new PatientView(p.id().toString(), p.practiceId().toString(), p.displayName(), p.mrn().orElse(null), p.phones(),
                    p.preferredContact(), p.preferredWindows(), p.language(),
                    new ConsentJson(c.voicemail(), c.detailedVoicemail(), c.sms(), c.portal(), c.email()));
        }
    }

    private final PatientRegistry registry;
    private final PracticeDirectory practices;

    PatientController(PatientRegistry registry, PracticeDirectory practices) {
        this.registry = registry;
        this.practices = practices;
    }

    @PostMapping("/api/v1/practices/{practiceId}/patients")
    @ResponseStatus(HttpStatus.CREATED)
    PatientView create(@PathVariable UUID practiceId, @Valid @RequestBody PatientRequest request) {
        String region = practices.get(practiceId).phoneRegion();
        List<String> raw = request.phones() == null ? List.of() : request.phones();
        List<String> phones = IntStream.range(0, raw.size())
                .mapToObj(i -> PhoneNumbers.normalise(raw.get(i), region, "phones[" + i + "]"))
                .distinct().toList();
        var c = request.consent();
        var patient = new Patient(practiceId, UUID.randomUUID(), request.displayName().strip(),
                Optional.ofNullable(request.mrn()).map(String::strip).filter(m -> !m.isEmpty()),
                phones,
                request.preferredContact() == null ? ContactMethod.PHONE : request.preferredContact(),
                request.preferredWindows() == null ? Set.of() : request.preferredWindows(),
                request.language() == null ? "en" : request.language(),
                new Consent(c.voicemail(), c.detailedVoicemail(), c.sms(), c.portal(), c.email()));
        return PatientView.of(registry.register(patient));
    }

    @GetMapping("/api/v1/practices/{practiceId}/patients/{patientId}")
    PatientView get(@PathVariable UUID practiceId, @PathVariable UUID patientId) {
        return PatientView.of(registry.get(practiceId, patientId));
    }
}

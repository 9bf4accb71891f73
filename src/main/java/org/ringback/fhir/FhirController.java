package org.ringback.fhir;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackDesk;
import org.ringback.intake.Intake;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The FHIR R4 endpoints: read and search callbacks as Tasks, take in outreach requests. Answers are
 * {@code application/fhir+json} written by HAPI's parser; refusals are OperationOutcomes ({@link FhirErrors}).
 */
@RestController
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    private static final Pattern PATIENT_PARAMETER = Pattern.compile("(?:Patient/)?([0-9a-fA-F-]{36})");

    private final FhirContext context;
    private final CallbackDesk desk;
    private final PracticeDirectory practices;
    private final OutreachIntake outreach;

    FhirController(FhirContext context, CallbackDesk desk, PracticeDirectory practices, OutreachIntake outreach) {
        this.context = context;
        this.desk = desk;
        this.practices = practices;
        this.outreach = outreach;
    }

    @GetMapping("/fhir/Task/{id}")
    ResponseEntity<String> read(@PathVariable String id) {
        UUID callbackId = uuid(id).orElseThrow(() -> new Refusal.NotFound("Task"));
        return fhir(HttpStatus.OK, task(desk.get(callbackId)), Optional.empty());
    }

    @GetMapping("/fhir/Task")
    ResponseEntity<String> search(@RequestParam Optional<String> patient, @RequestParam Optional<String> status) {
        String patientValue = patient.map(String::strip).filter(p -> !p.isEmpty()).orElseThrow(() ->
                FhirProblem.invalid("Search by patient: GET /fhir/Task?patient=<patient id>", "patient"));
        var matcher = PATIENT_PARAMETER.matcher(patientValue);
        if (!matcher.matches()) {
            throw FhirProblem.invalid("The patient parameter must be a patient id or Patient/<id>", "patient");
        }
        UUID patientId = UUID.fromString(matcher.group(1));
        Set<Task.TaskStatus> statuses = new LinkedHashSet<>();
        status.ifPresent(codes -> {
            for (String code : codes.split(",")) {
                statuses.add(TaskStatusMapping.parse(code).orElseThrow(() ->
                        FhirProblem.invalid("The status parameter takes TaskStatus codes such as ready, in-progress, on-hold, "
                                + "completed, failed or cancelled (comma-separated for any of them)", "status")));
            }
        });
        List<Task> tasks = new ArrayList<>();
        for (Callback callback : desk.ofPatient(patientId)) {
            Task task = task(callback);
            if (statuses.isEmpty() || statuses.contains(task.getStatus())) {
                tasks.add(task);
            }
        }
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(tasks.size());
        bundle.addLink().setRelation("self").setUrl(ServletUriComponentsBuilder.fromCurrentRequest().toUriString());
        for (Task task : tasks) {
            bundle.addEntry().setFullUrl(location(task.getIdElement().getIdPart()).toString()).setResource(task)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return fhir(HttpStatus.OK, bundle, Optional.empty());
    }

    @PostMapping("/fhir/Task")
    ResponseEntity<String> receiveTask(@RequestBody(required = false) byte[] body) {
        return received(outreach.receive(body, Task.class));
    }

    @PostMapping("/fhir/CommunicationRequest")
    ResponseEntity<String> receiveCommunicationRequest(@RequestBody(required = false) byte[] body) {
        return received(outreach.receive(body, CommunicationRequest.class));
    }

    /** 201 for a new item; 200 when the request joined an open item or repeated an identifier already seen. */
    private ResponseEntity<String> received(Intake.Outcome outcome) {
        Callback callback = outcome.callback();
        return fhir(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK, task(callback),
                Optional.of(location(callback.id().toString())));
    }

    private Task task(Callback callback) {
        return TaskExport.toTask(callback, practices.category(callback.practiceId(), callback.category()));
    }

    private ResponseEntity<String> fhir(HttpStatus status, Resource resource, Optional<URI> location) {
        var response = ResponseEntity.status(status).contentType(FHIR_JSON);
        location.ifPresent(response::location);
        return response.body(encode(context, resource));
    }

    static String encode(FhirContext context, IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    private static URI location(String id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/fhir/Task/{id}").buildAndExpand(id).toUri();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

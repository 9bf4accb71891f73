package org.ringback.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CommunicationRequest;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.ringback.callback.Channel;
import org.ringback.callback.Urgency;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.intake.Intake;
import org.ringback.patient.PatientRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An EHR's outreach request ({@code Task} or {@code CommunicationRequest}) taken in through {@link Intake}, so it
 * is red-flag screened, joined to an open item of the same patient and category, and idempotent by the
 * resource's identifier. The input must parse as R4 JSON and pass the R4 validator; nothing is stored otherwise.
 *
 * <p>Which practice: the signed-in user's, when it works exactly one (an EHR connection is a user of its
 * practice); a user of several practices, and an admin, names one with an identifier of system
 * {@link Codes#PRACTICE} on {@code Task.owner} or {@code CommunicationRequest.sender}.
 *
 * <p>Which patient ({@code Task.for}, {@code CommunicationRequest.subject}): {@code Patient/<ringback patient id>}
 * of that practice; or a contained Patient, whose first phone is matched to a patient like any caller's (an
 * unknown number makes an unknown-caller item with the Patient's name); or, when the reference is one Ringback
 * cannot resolve (an EHR's own patient id), the phone of a {@code callback-number} input. MRN identifiers are not
 * matched.
 */
@Component
class OutreachIntake {

    /** Outreach is asked for by a Task the sender still wants done; a finished or withdrawn one asks for nothing. */
    private static final List<Task.TaskStatus> TASK_STATUSES_TAKEN = List.of(Task.TaskStatus.REQUESTED, Task.TaskStatus.RECEIVED,
            Task.TaskStatus.ACCEPTED, Task.TaskStatus.READY, Task.TaskStatus.INPROGRESS, Task.TaskStatus.ONHOLD);
    private static final Pattern PATIENT_REFERENCE = Pattern.compile("(?:^|/)Patient/([0-9a-fA-F-]{36})$");
    private static final int MAX_KEY = 200;
    private static final int MAX_REASON = 20_000;
    private static final int MAX_NAME = 200;

    private final FhirContext context;
    private final FhirValidation validation;
    private final Intake intake;
    private final Identity identity;
    private final PatientRegistry patients;

    OutreachIntake(FhirContext context, FhirValidation validation, Intake intake, Identity identity, PatientRegistry patients) {
        this.context = context;
        this.validation = validation;
        this.intake = intake;
        this.identity = identity;
        this.patients = patients;
    }

    /** What a request names, whatever resource carried it. */
    private record Outreach(String type, Optional<Reference> patient, Optional<String> practice, Optional<String> category,
                            Optional<Urgency> urgency, Optional<String> reason, Optional<Instant> authoredOn,
                            Optional<String> idempotencyKey, Optional<String> callbackNumber, DomainResource resource) {
    }

    Intake.Outcome receive(byte[] body, Class<? extends Resource> expected) {
        Resource resource = parse(body, expected);
        List<SingleValidationMessage> errors = validation.errors(resource);
        if (!errors.isEmpty()) {
            throw new FhirProblem(HttpStatus.BAD_REQUEST, errors.stream()
                    .map(error -> new FhirProblem.Issue(IssueType.INVALID, error.getMessage(), error.getLocationString()))
                    .toList());
        }
        Outreach outreach = resource instanceof Task task ? fromTask(task) : fromCommunicationRequest((CommunicationRequest) resource);
        return intake.receive(request(outreach));
    }

    private Resource parse(byte[] body, Class<? extends Resource> expected) {
        String name = expected.getSimpleName();
        if (body == null || body.length == 0) {
            throw FhirProblem.invalid("The request body is empty: send a " + name + " as FHIR JSON", null);
        }
        IBaseResource parsed;
        try {
            parsed = context.newJsonParser().parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            // HAPI's message may quote the offending value: say what is wrong without echoing the body.
            throw FhirProblem.invalid("The request body is not a valid FHIR R4 JSON resource", null);
        }
        if (!expected.isInstance(parsed)) {
            throw FhirProblem.invalid("Expected resourceType " + name + " but got " + parsed.fhirType(), "resourceType");
        }
        return expected.cast(parsed);
    }

    private Outreach fromTask(Task task) {
        if (!TASK_STATUSES_TAKEN.contains(task.getStatus())) {
            throw FhirProblem.unprocessable(IssueType.BUSINESSRULE, "A Task with status " + task.getStatus().toCode()
                    + " asks for no outreach; send one that is requested, ready or in progress", "Task.status");
        }
        Optional<String> callbackNumber = task.getInput().stream()
                .filter(input -> hasCode(input.getType(), Codes.TASK_PARAMETER, "callback-number"))
                .map(input -> input.getValue() instanceof ContactPoint point ? point.getValue()
                        : input.getValue() instanceof StringType text ? text.getValue() : null)
                .filter(value -> value != null && !value.isBlank())
                .findFirst();
        return new Outreach("Task", Optional.ofNullable(task.hasFor() ? task.getFor() : null), practiceOf(task.getOwner()),
                code(Stream.of(task.getCode()), Codes.CATEGORY), urgency(task.getPriority() == null ? null : task.getPriority().toCode()),
                text(task.getDescription()), Optional.ofNullable(task.getAuthoredOn()).map(java.util.Date::toInstant),
                key(task.getIdentifier()), callbackNumber, task);
    }

    private Outreach fromCommunicationRequest(CommunicationRequest request) {
        if (request.getStatus() != CommunicationRequest.CommunicationRequestStatus.ACTIVE) {
            throw FhirProblem.unprocessable(IssueType.BUSINESSRULE, "Only an active CommunicationRequest asks for outreach",
                    "CommunicationRequest.status");
        }
        List<String> texts = new ArrayList<>();
        request.getPayload().stream().filter(payload -> payload.getContent() instanceof StringType)
                .map(payload -> ((StringType) payload.getContent()).getValue()).forEach(texts::add);
        request.getReasonCode().stream().map(CodeableConcept::getText).forEach(texts::add);
        request.getNote().stream().map(note -> note.getText()).forEach(texts::add);
        Optional<String> reason = text(String.join("\n", texts.stream().filter(t -> t != null && !t.isBlank()).toList()));
        return new Outreach("CommunicationRequest", Optional.ofNullable(request.hasSubject() ? request.getSubject() : null),
                practiceOf(request.getSender()),
                code(Stream.concat(request.getCategory().stream(), request.getReasonCode().stream()), Codes.CATEGORY),
                urgency(request.getPriority() == null ? null : request.getPriority().toCode()), reason,
                Optional.ofNullable(request.getAuthoredOn()).map(java.util.Date::toInstant), key(request.getIdentifier()),
                Optional.empty(), request);
    }

    private Intake.IntakeRequest request(Outreach outreach) {
        UUID practiceId = practice(outreach);
        String forPath = outreach.type() + ("Task".equals(outreach.type()) ? ".for" : ".subject");
        Reference reference = outreach.patient().orElseThrow(() -> FhirProblem.invalid(
                forPath + " is required: the patient to call back", forPath));
        Optional<UUID> patientId = Optional.empty();
        Optional<String> phone = outreach.callbackNumber();
        Optional<String> name = text(reference.getDisplay());
        String target = reference.getReference() == null ? "" : reference.getReference();
        if (target.startsWith("#")) {
            Patient contained = containedPatient(outreach.resource(), target.substring(1)).orElseThrow(() ->
                    FhirProblem.invalid(forPath + " refers to a contained Patient that is not there", forPath));
            phone = contained.getTelecom().stream()
                    .filter(point -> point.getSystem() == ContactPoint.ContactPointSystem.PHONE && point.hasValue())
                    .map(ContactPoint::getValue).findFirst().or(() -> outreach.callbackNumber());
            name = contained.getName().stream().map(OutreachIntake::fullName).flatMap(Optional::stream).findFirst().or(() -> text(reference.getDisplay()));
        } else {
            Matcher matcher = PATIENT_REFERENCE.matcher(target);
            if (matcher.find()) {
                UUID id = UUID.fromString(matcher.group(1));
                if (patients.find(practiceId, id).isPresent()) {
                    patientId = Optional.of(id);
                }
            }
        }
        if (patientId.isEmpty() && phone.isEmpty()) {
            throw FhirProblem.unprocessable(IssueType.NOTFOUND, "The patient is not a patient of this practice, and the request "
                    + "gives no phone number to call (a contained Patient's telecom or a callback-number input)", forPath);
        }
        if (name.isPresent() && name.get().length() > MAX_NAME) {
            throw FhirProblem.invalid("The patient's name is longer than " + MAX_NAME + " characters", forPath);
        }
        if (outreach.reason().isPresent() && outreach.reason().get().length() > MAX_REASON) {
            throw FhirProblem.invalid("The description is longer than " + MAX_REASON + " characters", outreach.type() + ".description");
        }
        return new Intake.IntakeRequest(practiceId, Channel.STAFF, outreach.category(), outreach.urgency(), patientId,
                patientId.isPresent() ? Optional.empty() : phone, patientId.isPresent() ? Optional.empty() : name,
                outreach.reason(), Map.of(), outreach.authoredOn(), outreach.idempotencyKey());
    }

    private UUID practice(Outreach outreach) {
        if (outreach.practice().isPresent()) {
            UUID practiceId;
            try {
                practiceId = UUID.fromString(outreach.practice().get());
            } catch (IllegalArgumentException e) {
                throw FhirProblem.invalid("The practice identifier is not a Ringback practice id", null);
            }
            identity.requireAccess(practiceId);
            return practiceId;
        }
        CurrentUser user = identity.current();
        // An admin sees every practice, whatever practices are listed for it: it always names one.
        if (!user.isAdmin() && user.practiceIds().size() == 1) {
            return user.practiceIds().iterator().next();
        }
        String where = "Task".equals(outreach.type()) ? "Task.owner" : "CommunicationRequest.sender";
        throw FhirProblem.invalid("You work several practices: name one with an identifier of system " + Codes.PRACTICE
                + " on " + where, where);
    }

    private static Optional<String> practiceOf(Reference reference) {
        return reference == null || !reference.hasIdentifier() ? Optional.empty()
                : Optional.of(reference.getIdentifier()).filter(id -> Codes.PRACTICE.equals(id.getSystem())).map(Identifier::getValue);
    }

    private static Optional<Patient> containedPatient(DomainResource resource, String id) {
        return resource.getContained().stream()
                .filter(Patient.class::isInstance).map(Patient.class::cast)
                .filter(patient -> id.equals(patient.getIdElement().getIdPart()) || ("#" + id).equals(patient.getId()))
                .findFirst();
    }

    private static Optional<String> fullName(HumanName name) {
        if (name.hasText()) {
            return text(name.getText());
        }
        String given = String.join(" ", name.getGiven().stream().map(StringType::getValue).toList());
        return text((given + " " + (name.hasFamily() ? name.getFamily() : "")).strip());
    }

    /**
     * FHIR request priority as urgency. {@code stat} is CLINICAL, not EMERGENCY: it routes to the clinical queue at
     * once, and the red-flag screen still raises a described emergency to EMERGENCY.
     */
    static Optional<Urgency> urgency(String priority) {
        if (priority == null) {
            return Optional.empty();
        }
        return switch (priority) {
            case "routine" -> Optional.of(Urgency.ROUTINE);
            case "urgent" -> Optional.of(Urgency.TIME_SENSITIVE);
            case "asap" -> Optional.of(Urgency.SAME_DAY);
            case "stat" -> Optional.of(Urgency.CLINICAL);
            default -> Optional.empty();
        };
    }

    private static Optional<String> code(Stream<CodeableConcept> concepts, String system) {
        return concepts.flatMap(concept -> concept.getCoding().stream())
                .filter(coding -> system.equals(coding.getSystem()) && coding.hasCode())
                .map(Coding::getCode).findFirst();
    }

    private static boolean hasCode(CodeableConcept concept, String system, String code) {
        return concept != null && concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    /** The first identifier with a value, as {@code system|value}: a resent resource makes no second item. */
    private static Optional<String> key(List<Identifier> identifiers) {
        Optional<String> key = identifiers.stream().filter(Identifier::hasValue)
                .map(id -> (id.hasSystem() ? id.getSystem() : "") + "|" + id.getValue())
                .findFirst();
        if (key.isPresent() && key.get().length() > MAX_KEY) {
            throw FhirProblem.invalid("The identifier is longer than " + MAX_KEY + " characters", "identifier");
        }
        return key;
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}

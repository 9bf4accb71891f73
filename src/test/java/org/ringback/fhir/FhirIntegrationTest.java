package org.ringback.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FHIR R4 over real HTTP: callbacks read as valid Tasks, and Tasks posted back as an EHR's outreach requests. */
@IntegrationTest
class FhirIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    FhirContext fhir;

    @Autowired
    FhirValidation validation;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;
    String patient;

    record Answer(int status, String contentType, String location, String body) {
    }

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
        patient = fx.patient(practice.id(), Fixtures.phone(60));
    }

    /** New York local time on Monday 2026-11-23 (EST, UTC-5). */
    private static Instant monday(int hour, int minute) {
        return Instant.parse("2026-11-23T%02d:%02d:00Z".formatted(hour + 5, minute));
    }

    private Answer get(Fixtures.User user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Accept", "application/fhir+json").GET());
    }

    private Answer post(Fixtures.User user, String path, String body) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Answer send(Fixtures.User user, HttpRequest.Builder request) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T extends IBaseResource> T parse(Answer answer, Class<T> type) {
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/fhir+json");
        return fhir.newJsonParser().parseResource(type, answer.body());
    }

    private void assertValid(IBaseResource resource) {
        assertThat(validation.errors(resource)).as(fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource))
                .extracting(message -> message.getLocationString() + ": " + message.getMessage())
                .isEmpty();
    }

    private OperationOutcome outcome(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        OperationOutcome outcome = parse(answer, OperationOutcome.class);
        assertThat(outcome.getIssue()).isNotEmpty();
        assertValid(outcome);
        return outcome;
    }

    private String callback(String category, String reason) {
        return fx.aCallback(practice.id()).inCategory(category).forPatient(patient).reason(reason).receivedAt(MONDAY_0900)
                .create().path("id").asString();
    }

    private void attempt(String id, Instant at, String method, String result, String nextAction) {
        clock.set(at);
        var response = staff.api().post("/api/v1/callbacks/" + id + "/attempts", Api.json(
                "{'method': '%s', 'at': '%s', 'result': '%s', 'messageLeft': false, 'nextAction': '%s'}", method, at, result, nextAction));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
    }

    private long itemsOf(String practiceId) {
        return jdbc.sql("select count(*) from callback where practice_id = :practiceId")
                .param("practiceId", UUID.fromString(practiceId)).query(Long.class).single();
    }

    @Test
    void aCallbackWithItsAttemptsReadsAsAValidTaskAndComesBackAsANewPracticesRequest() {
        String id = callback("APPOINTMENT_REQUEST", "Needs a follow-up visit next week");
        attempt(id, monday(9, 30), "PHONE", "NO_ANSWER", "try the midday window");
        attempt(id, monday(12, 0), "PHONE", "LEFT_VOICEMAIL", "try the afternoon window");

        Answer read = get(staff, "/fhir/Task/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        Task task = parse(read, Task.class);
        assertValid(task);
        assertThat(task.getIdElement().getIdPart()).isEqualTo(id);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.ROUTINE);
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("next-attempt-due");
        assertThat(task.getBusinessStatus().getText()).startsWith("Attempt 3 of 3 due at");
        assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patient);
        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("APPOINTMENT_REQUEST");
        assertThat(task.getDescription()).isEqualTo("Needs a follow-up visit next week");
        assertThat(task.getAuthoredOn().toInstant()).isEqualTo(MONDAY_0900);
        assertThat(task.getRestriction().getPeriod().getStart().toInstant()).isEqualTo(MONDAY_0900);
        assertThat(task.getRestriction().getPeriod().getEnd().toInstant()).isAfter(MONDAY_0900);
        assertThat(task.getExecutionPeriod().getStart().toInstant()).isEqualTo(monday(9, 30));
        assertThat(task.getOwner().getIdentifier().getValue()).isEqualTo("SCHEDULING");

        assertThat(task.getOutput()).hasSize(2);
        List<Communication> attempts = task.getContained().stream().filter(Communication.class::isInstance)
                .map(Communication.class::cast).toList();
        assertThat(attempts).hasSize(2);
        Communication first = attempts.get(0);
        assertThat(((Reference) task.getOutput().get(0).getValue()).getReference()).isEqualTo("#" + first.getIdElement().getIdPart());
        assertThat(first.getStatus()).isEqualTo(Communication.CommunicationStatus.NOTDONE);
        assertThat(first.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("NO_ANSWER");
        assertThat(first.getMediumFirstRep().getCodingFirstRep().getCode()).isEqualTo("PHONE");
        assertThat(first.getSent().toInstant()).isEqualTo(monday(9, 30));
        assertThat(attempts.get(1).getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
        assertThat(attempts.get(1).getSent().toInstant()).isEqualTo(monday(12, 0));

        // An EHR posts the Task to another practice, where the same person is a patient with the same phone.
        var other = fx.practice();
        var otherStaff = fx.staff(other.id());
        String samePerson = fx.patient(other.id(), Fixtures.phone(60));
        clock.set(monday(13, 0));
        Answer created = post(otherStaff, "/fhir/Task", read.body());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task received = parse(created, Task.class);
        assertValid(received);
        String newId = received.getIdElement().getIdPart();
        assertThat(newId).isNotEqualTo(id);
        assertThat(created.location()).endsWith("/fhir/Task/" + newId);
        assertThat(received.getStatus()).isEqualTo(Task.TaskStatus.READY);
        assertThat(received.getFor().getReference()).isEqualTo("Patient/" + samePerson);
        assertThat(received.getCode().getCodingFirstRep().getCode()).isEqualTo("APPOINTMENT_REQUEST");
        assertThat(received.getDescription()).isEqualTo("Needs a follow-up visit next week");
        assertThat(received.getContained()).isEmpty();

        var item = otherStaff.api().get("/api/v1/callbacks/" + newId);
        assertThat(item.status()).as(item.raw()).isEqualTo(200);
        assertThat(item.text("/practiceId")).isEqualTo(other.id());
        assertThat(item.text("/patientId")).isEqualTo(samePerson);
        assertThat(item.text("/status")).isEqualTo("NEW");
        assertThat(Instant.parse(item.text("/receivedAt"))).isEqualTo(MONDAY_0900);

        // The EHR retries: the Task's identifier makes it the same item.
        Answer again = post(otherStaff, "/fhir/Task", read.body());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(parse(again, Task.class).getIdElement().getIdPart()).isEqualTo(newId);
        assertThat(itemsOf(other.id())).isEqualTo(1);
    }

    @Test
    void anUnknownCallerTravelsAsAContainedPatientAndIsTakenInByPhone() {
        String id = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(61), "Ann Lee")
                .reason("Question about a bill").create().path("id").asString();
        Answer read = get(staff, "/fhir/Task/" + id);
        Task task = parse(read, Task.class);
        assertValid(task);
        assertThat(task.getFor().getReference()).isEqualTo("#caller");

        var other = fx.practice();
        var otherStaff = fx.staff(other.id());
        Answer created = post(otherStaff, "/fhir/Task", read.body());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String newId = parse(created, Task.class).getIdElement().getIdPart();
        var item = otherStaff.api().get("/api/v1/callbacks/" + newId);
        assertThat(item.text("/category")).isEqualTo("BILLING");
        assertThat(Fixtures.absent(item.json("/patientId"))).isTrue();

        // A CommunicationRequest about an unknown caller, with its category as a coding.
        Answer request = post(otherStaff, "/fhir/CommunicationRequest", """
                {"resourceType": "CommunicationRequest", "status": "active",
                 "contained": [{"resourceType": "Patient", "id": "p1", "name": [{"given": ["Bo"], "family": "Chen"}],
                                "telecom": [{"system": "phone", "value": "%s"}]}],
                 "category": [{"coding": [{"system": "%s", "code": "RECORDS_REQUEST"}]}],
                 "subject": {"reference": "#p1"}, "payload": [{"contentString": "Needs a copy of the records"}]}"""
                .formatted(Fixtures.phone(62), Codes.CATEGORY));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        Task fromRequest = parse(request, Task.class);
        assertValid(fromRequest);
        assertThat(fromRequest.getFor().getReference()).isEqualTo("#caller");
        var requested = otherStaff.api().get("/api/v1/callbacks/" + fromRequest.getIdElement().getIdPart());
        assertThat(requested.text("/category")).isEqualTo("RECORDS_REQUEST");
        assertThat(itemsOf(other.id())).isEqualTo(2);
    }

    @Test
    void searchByPatientAndStatusAnswersAValidSearchsetBundle() {
        String working = callback("APPOINTMENT_REQUEST", "Wants a visit");
        attempt(working, monday(9, 30), "PHONE", "NO_ANSWER", "try again");
        String waiting = callback("BILLING", "Bill question");
        String fresh = callback("RECORDS_REQUEST", "Needs records");
        var duplicate = staff.api().post("/api/v1/callbacks/" + fresh + "/close", Api.json("{'outcome': 'DUPLICATE', 'version': 0}"));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(200);
        String newOne = callback("PRESCRIPTION_ROUTE", "Refill");

        Answer all = get(staff, "/fhir/Task?patient=" + patient);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Bundle bundle = parse(all, Bundle.class);
        assertValid(bundle);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(4);
        assertThat(bundle.getEntry()).allSatisfy(entry -> assertThat(entry.getFullUrl()).contains("/fhir/Task/"));

        assertThat(ids(get(staff, "/fhir/Task?patient=Patient/" + patient + "&status=in-progress"))).containsExactly(working);
        assertThat(ids(get(staff, "/fhir/Task?patient=" + patient + "&status=ready"))).containsExactlyInAnyOrder(waiting, newOne);
        assertThat(ids(get(staff, "/fhir/Task?patient=" + patient + "&status=cancelled"))).containsExactly(fresh);
        assertThat(ids(get(staff, "/fhir/Task?patient=" + patient + "&status=in-progress,cancelled"))).containsExactlyInAnyOrder(working, fresh);
        assertThat(ids(get(staff, "/fhir/Task?patient=" + patient + "&status=completed"))).isEmpty();
        assertThat(ids(get(staff, "/fhir/Task?patient=" + UUID.randomUUID()))).isEmpty();

        outcome(get(staff, "/fhir/Task?patient=" + patient + "&status=OPEN"), 400);
        outcome(get(staff, "/fhir/Task"), 400);
        outcome(get(staff, "/fhir/Task?patient=someone"), 400);
    }

    private List<String> ids(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Bundle bundle = parse(answer, Bundle.class);
        assertThat(bundle.getTotal()).isEqualTo(bundle.getEntry().size());
        return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
    }

    @Test
    void aCommunicationRequestIsScreenedForRedFlagsAndIdempotentByItsIdentifier() {
        String request = """
                {"resourceType": "CommunicationRequest", "status": "active",
                 "identifier": [{"system": "urn:oid:1.2.3.4", "value": "CR-%s"}],
                 "subject": {"reference": "Patient/%s"}, "priority": "routine",
                 "authoredOn": "2026-11-23T08:30:00-05:00",
                 "payload": [{"contentString": "Patient reports chest pain since this morning, please call"}]}"""
                .formatted(UUID.randomUUID(), patient);
        Answer created = post(staff, "/fhir/CommunicationRequest", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Task task = parse(created, Task.class);
        assertValid(task);
        assertThat(task.getPriority()).isEqualTo(Task.TaskPriority.STAT);
        assertThat(task.getFor().getReference()).isEqualTo("Patient/" + patient);
        var item = staff.api().get("/api/v1/callbacks/" + task.getIdElement().getIdPart());
        assertThat(item.text("/queue")).isEqualTo("CLINICAL");
        assertThat(item.text("/channel")).isEqualTo("STAFF");

        Answer again = post(staff, "/fhir/CommunicationRequest", request);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(parse(again, Task.class).getIdElement().getIdPart()).isEqualTo(task.getIdElement().getIdPart());
        assertThat(itemsOf(practice.id())).isEqualTo(1);
    }

    @Test
    void badFhirInputIsAnOperationOutcomeAndStoresNothing() {
        String unknownPatient = UUID.randomUUID().toString();
        outcome(post(staff, "/fhir/Task", "this is not json"), 400);
        outcome(post(staff, "/fhir/Task", ""), 400);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Patient\", \"active\": true}"), 400);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"NoSuchThing\"}"), 400);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"unknownElement\": 1,"
                + " \"intent\": \"order\", \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 400);
        // status and intent are required by R4.
        var missing = outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 400);
        assertThat(missing.getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("status"));
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\"}"), 400);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"bogus\", \"intent\": \"order\","
                + " \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 400);
        var unknown = outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\","
                + " \"for\": {\"reference\": \"Patient/" + unknownPatient + "\"}}"), 422);
        assertThat(unknown.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"completed\", \"intent\": \"order\","
                + " \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 422);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\","
                + " \"code\": {\"coding\": [{\"system\": \"" + Codes.CATEGORY + "\", \"code\": \"NO_SUCH_CATEGORY\"}]},"
                + " \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 422);
        outcome(post(staff, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\","
                + " \"authoredOn\": \"2027-01-01T00:00:00Z\", \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 400);
        outcome(post(staff, "/fhir/CommunicationRequest", "{\"resourceType\": \"CommunicationRequest\", \"status\": \"completed\","
                + " \"subject\": {\"reference\": \"Patient/" + patient + "\"}}"), 422);
        outcome(post(staff, "/fhir/CommunicationRequest", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\","
                + " \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 400);
        outcome(get(staff, "/fhir/Task/not-an-id"), 404);

        assertThat(itemsOf(practice.id())).isZero();
    }

    @Test
    void anotherPracticesTasksAnswerNotFoundAndReadsAreAudited() {
        String id = callback("BILLING", "Bill question");
        var other = fx.practice();
        var stranger = fx.staff(other.id());

        var refused = outcome(get(stranger, "/fhir/Task/" + id), 404);
        assertThat(refused.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        assertThat(ids(get(stranger, "/fhir/Task?patient=" + patient))).isEmpty();
        // Naming a practice the user does not work is refused like an unknown one, and nothing is stored there.
        outcome(post(stranger, "/fhir/Task", "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\","
                + " \"owner\": {\"identifier\": {\"system\": \"" + Codes.PRACTICE + "\", \"value\": \"" + practice.id() + "\"}},"
                + " \"for\": {\"reference\": \"Patient/" + patient + "\"}}"), 404);
        assertThat(itemsOf(practice.id())).isEqualTo(1);

        assertThat(get(staff, "/fhir/Task/" + id).status()).isEqualTo(200);
        assertThat(get(staff, "/fhir/Task?patient=" + patient).status()).isEqualTo(200);
        List<String> trail = jdbc.sql("""
                        select action || ' ' || subject_type || ' ' || coalesce(subject_id, '-') from audit_event
                        where practice_id = :practiceId and actor = :actor order by id""")
                .param("practiceId", UUID.fromString(practice.id()))
                .param("actor", staff.username())
                .query(String.class).list();
        assertThat(trail).containsSubsequence("READ callback " + id, "LIST callback patient:" + patient);
    }

    @Test
    void anAdminNamesThePracticeOnTheTaskOwner() {
        var admin = new Fixtures.User("admin", Api.ADMIN_PASSWORD, fx.admin());
        String task = "{\"resourceType\": \"Task\", \"status\": \"requested\", \"intent\": \"order\"%s,"
                + " \"for\": {\"reference\": \"Patient/" + patient + "\"}, \"description\": \"Call about results\"}";
        outcome(post(admin, "/fhir/Task", task.formatted("")), 400);
        Answer created = post(admin, "/fhir/Task", task.formatted(", \"owner\": {\"identifier\": {\"system\": \""
                + Codes.PRACTICE + "\", \"value\": \"" + practice.id() + "\"}}"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(itemsOf(practice.id())).isEqualTo(1);
    }

    @Test
    void theFhirEndpointsNeedCredentials() {
        String id = callback("BILLING", "Bill question");
        assertThat(get(null, "/fhir/Task/" + id).status()).isEqualTo(401);
        assertThat(get(null, "/fhir/Task?patient=" + patient).status()).isEqualTo(401);
        assertThat(post(null, "/fhir/Task", "{\"resourceType\": \"Task\"}").status()).isEqualTo(401);
        var wrong = new Fixtures.User(staff.username(), "wrong-password", null);
        assertThat(get(wrong, "/fhir/Task/" + id).status()).isEqualTo(401);
        assertThat(itemsOf(practice.id())).isEqualTo(1);
    }
}

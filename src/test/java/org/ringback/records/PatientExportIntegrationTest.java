package org.ringback.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A patient's access request: everything about them, nothing about anyone else, for managers only, audited. */
@IntegrationTest
class PatientExportIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    String p;
    Fixtures.User manager;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fx = new Fixtures(port);
        p = fx.practice().id();
        manager = fx.manager(p);
    }

    record Answer(int status, String contentDisposition, String body) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    private Answer export(Fixtures.User user, String practiceId, String patientId) throws Exception {
        String token = Base64.getEncoder().encodeToString((user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/practices/" + practiceId
                        + "/patients/" + patientId + "/export")).header("Authorization", "Basic " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    }

    @Test
    void theExportHoldsEveryCallbackOfThePatientAndNothingOfAnotherAndIsAudited() throws Exception {
        String rosalind = fx.patient(p, Fixtures.phone(81),
                "{'voicemail': true, 'detailedVoicemail': false, 'sms': true, 'portal': false, 'email': false}");
        String other = fx.patient(p, Fixtures.phone(82));
        List<String> hers = new ArrayList<>();
        hers.add(fx.aCallback(p).forPatient(rosalind).inCategory("BILLING").reason("a question about her bill").create().path("id").asString());
        clock.set(Fixtures.MONDAY_0900.plusSeconds(3600));
        String second = fx.aCallback(p).forPatient(rosalind).inCategory("RECORDS_REQUEST").reason("wants her records")
                .receivedAt(Fixtures.MONDAY_0900.plusSeconds(3600)).create().path("id").asString();
        hers.add(second);
        clock.set(Fixtures.MONDAY_0900.plusSeconds(4000));
        assertThat(fx.admin().post("/api/v1/callbacks/" + second + "/attempts", Api.json("""
                {'method': 'PHONE', 'at': '%s', 'result': 'NO_ANSWER', 'messageLeft': false, 'nextAction': 'try the afternoon'}""",
                Fixtures.MONDAY_0900.plusSeconds(4000))).status()).isEqualTo(201);
        String theirs = fx.aCallback(p).forPatient(other).inCategory("BILLING").reason("somebody else's question").create().path("id").asString();

        Answer answer = export(manager, p, rosalind);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentDisposition()).startsWith("attachment").contains("patient-" + rosalind + ".json");
        JsonNode json = answer.json();
        assertThat(json.at("/patient/id").asString()).isEqualTo(rosalind);
        assertThat(json.at("/patient/display_name").asString()).isEqualTo("Maria Lopez");
        assertThat(json.at("/patient/consent_voicemail").asBoolean()).isTrue();
        assertThat(json.at("/phones/0").asString()).isEqualTo(Fixtures.e164(81));
        List<String> callbacks = new ArrayList<>();
        json.at("/callbacks").forEach(callback -> callbacks.add(callback.path("id").asString()));
        assertThat(callbacks).containsExactlyElementsOf(hers).doesNotContain(theirs);
        JsonNode records = json.at("/callbacks/1");
        assertThat(records.at("/reason").asString()).isEqualTo("wants her records");
        assertThat(records.at("/attempts/0/result").asString()).isEqualTo("NO_ANSWER");
        assertThat(records.at("/attempts/0/next_action").asString()).isEqualTo("try the afternoon");
        assertThat(records.at("/timeline").size()).isGreaterThanOrEqualTo(2);
        assertThat(json.at("/messages/0/callback_id").asString()).as("the text after the missed attempt").isEqualTo(second);
        assertThat(json.at("/messages/0/to_phone").asString()).isEqualTo(Fixtures.e164(81));
        assertThat(answer.body()).doesNotContain(other).doesNotContain(theirs).doesNotContain("somebody else");
        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                        where practice_id = :p and action = 'EXPORT' and subject_type = 'patient' and subject_id = :id""")
                .param("p", UUID.fromString(p)).param("id", rosalind).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheManagersOfThePatientsPracticeExport() throws Exception {
        String patient = fx.patient(p, Fixtures.phone(83));
        String elsewhere = fx.practice().id();
        String theirPatient = fx.patient(elsewhere, Fixtures.phone(84));
        var otherManager = fx.manager(elsewhere);

        assertThat(export(fx.staff(p), p, patient).status()).isEqualTo(403);
        assertThat(export(fx.clinical(p), p, patient).status()).isEqualTo(403);
        assertThat(export(otherManager, p, patient).status()).isEqualTo(404);
        assertThat(export(manager, p, theirPatient).status()).as("another practice's patient under this practice").isEqualTo(404);
        assertThat(export(manager, elsewhere, theirPatient).status()).isEqualTo(404);
        assertThat(export(manager, p, UUID.randomUUID().toString()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where practice_id = :p and action = 'EXPORT' and subject_id = :id")
                .param("p", UUID.fromString(p)).param("id", patient).query(Long.class).single()).isZero();
    }
}

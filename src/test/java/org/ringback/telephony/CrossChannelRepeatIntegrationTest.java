package org.ringback.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.importer.CallImport;
import org.ringback.importer.ImportJob;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.ringback.webform.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One person, several doors: a missed call, a voicemail, the web form and a call-log import from the same phone
 * within the look-back land on one item; after it closed, a new request through any door is a second call.
 */
@IntegrationTest
class CrossChannelRepeatIntegrationTest {

    private static final String PHONE = "+16175550188";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    InboxWorker worker;

    @Autowired
    CallImport imports;

    @TempDir
    Path dir;

    Fixtures fx;
    Api admin;
    String practiceId;
    String token;
    String slug;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        admin = fx.admin();
        practiceId = fx.practice().id();
        token = UUID.randomUUID().toString().replace("-", "");
        assertThat(admin.put("/api/v1/practices/" + practiceId + "/telephony", Api.json("{'twilioAuthToken': '%s'}", token))
                .status()).isEqualTo(200);
        slug = Fixtures.unique("door").toLowerCase();
        assertThat(admin.put("/api/v1/practices/" + practiceId + "/web-form", Api.json("{'slug': '%s', 'enabled': true}", slug))
                .status()).isEqualTo(200);
    }

    @Test
    void aCallAVoicemailAWebFormAndAnImportedCallFromOnePersonAreOneItem() throws Exception {
        twilio("voice", call("no-answer"));
        clock.advance(Duration.ofMinutes(10));
        var voicemail = call("completed");
        voicemail.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1");
        twilio("voice", voicemail);
        worker.processDue();
        clock.advance(Duration.ofMinutes(10));
        webForm("APPOINTMENT");
        importCallLog("Phone,Date/Time,Name\n617-555-0188,2026-11-23 09:15,Maria Lopez\n");

        JsonNode items = open();
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).at("/repeatCount").asInt()).as("three repeats joined the first call").isEqualTo(3);
        String timeline = admin.get("/api/v1/callbacks/" + items.get(0).at("/id").asString()).raw();
        assertThat(timeline).contains("REPEAT_CALL_ATTACHED").contains("WEB_FORM").contains("VOICEMAIL");
    }

    @Test
    void aRequestThroughAnotherDoorAfterTheItemClosedIsASecondCall() {
        twilio("voice", call("no-answer"));
        worker.processDue();
        String first = open().get(0).at("/id").asString();
        clock.advance(Duration.ofMinutes(30));
        var reached = admin.post("/api/v1/callbacks/" + first + "/attempts",
                Api.json("{'method': 'PHONE', 'messageLeft': false, 'at': '%s', 'result': 'REACHED'}", clock.instant()));
        assertThat(reached.status()).as(reached.raw()).isEqualTo(201);
        var closed = admin.post("/api/v1/callbacks/" + first + "/close", Api.json("{'outcome': 'QUESTION_ANSWERED', 'version': %d}",
                admin.get("/api/v1/callbacks/" + first).json("/version").asInt()));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        webForm("BILLING");

        JsonNode items = open();
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).at("/channel").asString()).isEqualTo("WEB_FORM");
        assertThat(items.get(0).at("/repeatOf").asString()).isEqualTo(first);
    }

    private JsonNode open() {
        return admin.get("/api/v1/practices/" + practiceId + "/callbacks?status=OPEN&limit=100").json("/items");
    }

    private Map<String, String> call(String status) {
        var params = new LinkedHashMap<String, String>();
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
        params.put("From", PHONE);
        params.put("To", "+16175550100");
        params.put("Direction", "inbound");
        params.put("CallStatus", status);
        return params;
    }

    private void twilio(String kind, Map<String, String> params) {
        String url = "http://localhost:" + port + "/webhooks/twilio/" + kind + "/" + practiceId;
        try {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("X-Twilio-Signature", TwilioSigner.sign(token, url, params))
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.form(params))).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void webForm(String reason) {
        var form = new FormClient(port);
        form.get("/p/" + slug + "/callback");
        var posted = form.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", "(617) 555-0188", "reason", reason,
                "details", "Please call me back");
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
    }

    private void importCallLog(String csv) throws Exception {
        Path file = Files.writeString(dir.resolve(UUID.randomUUID() + ".csv"), csv, StandardCharsets.UTF_8);
        UUID practice = UUID.fromString(practiceId);
        UUID job = imports.start(practice, "test", ImportJob.Source.COMMAND, false);
        ImportJob done = imports.run(practice, job, file, new CallImport.Options(false, Map.of()), CallImport.Progress.NONE);
        assertThat(done.status()).isEqualTo(ImportJob.Status.DONE);
    }
}

package org.ringback.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.errorFields;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ScriptsApiIntegrationTest {

    private static final String VOICEMAIL_EN =
            "Hello, this is {staffName} from {practice} returning a call for {patientFirstName}. Please call us back at {callbackNumber}. Thank you.";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User manager;
    Fixtures.User staff;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        manager = fx.manager(practice.id());
        staff = fx.staff(practice.id());
    }

    private String scripts() {
        return scripts(practice.id());
    }

    private static String scripts(String practiceId) {
        return "/api/v1/practices/" + practiceId + "/scripts";
    }

    private static String script(String category, String situation, String language, boolean detailed, String text) {
        return Api.json("{'category': '%s', 'situation': '%s', 'language': '%s', 'detailed': %s, 'text': %s}",
                category, situation, language, detailed, quoted(text));
    }

    private static String quoted(String text) {
        return text == null ? "null" : "'" + text.replace("\\", "\\\\") + "'";
    }

    private static JsonNode find(Api.Response list, String category, String situation, String language, boolean detailed) {
        for (JsonNode item : list.json("/items")) {
            if (item.path("category").asString().equals(category) && item.path("situation").asString().equals(situation)
                    && item.path("language").asString().equals(language) && item.path("detailed").asBoolean() == detailed) {
                return item;
            }
        }
        return null;
    }

    /** DELETE as the user, answering the status ({@link Api} has no DELETE). */
    private int delete(Fixtures.User user, String path) throws IOException, InterruptedException {
        String token = Base64.getEncoder().encodeToString((user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token).DELETE().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> messages(Api.Response response) {
        List<String> messages = new ArrayList<>();
        response.json("/errors").forEach(error -> messages.add(error.path("message").asString()));
        return messages;
    }

    @Test
    void staffSeesTheDefaultLibraryInEnglishAndSpanish() {
        var list = staff.api().get(scripts());

        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.json("/next").isNull()).isTrue();
        assertThat(list.json("/items")).hasSize(Situation.values().length * 2);
        for (Situation situation : Situation.values()) {
            for (String language : List.of("en", "es")) {
                var item = find(list, "ANY", situation.name(), language, false);
                assertThat(item).as(situation + "/" + language).isNotNull();
                assertThat(item.path("source").asString()).isEqualTo("DEFAULT");
                assertThat(item.path("text").asString()).isNotBlank();
                assertThat(item.path("unattended").asBoolean()).isEqualTo(situation.unattended());
            }
        }
        assertThat(find(list, "ANY", "VOICEMAIL", "en", false).path("text").asString()).isEqualTo(VOICEMAIL_EN);
        assertThat(list.text("/items/0/situation")).isEqualTo("OPENING");

        var filtered = staff.api().get(scripts() + "?situation=EMERGENCY&language=es");
        assertThat(filtered.json("/items")).hasSize(1);
        assertThat(filtered.text("/items/0/text")).contains("911");
    }

    @Test
    void managerReplacesAScriptAndTheLibraryShowsThePracticesWording() {
        String text = "Hi, this is {staffName} at {practice} for {patientFirstName}. Please ring us at {callbackNumber}.";

        var saved = manager.api().put(scripts(), script("ANY", "VOICEMAIL", "en", false, text));

        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.text("/source")).isEqualTo("PRACTICE");
        assertThat(saved.text("/text")).isEqualTo(text);
        assertThat(saved.text("/updatedBy")).isEqualTo(manager.username());
        assertThat(saved.text("/updatedAt")).isNotBlank();

        var list = staff.api().get(scripts());
        assertThat(list.json("/items")).hasSize(Situation.values().length * 2);
        var voicemail = find(list, "ANY", "VOICEMAIL", "en", false);
        assertThat(voicemail.path("source").asString()).isEqualTo("PRACTICE");
        assertThat(voicemail.path("text").asString()).isEqualTo(text);
        assertThat(find(list, "ANY", "VOICEMAIL", "es", false).path("source").asString()).isEqualTo("DEFAULT");

        var replacedAgain = manager.api().put(scripts(), script("ANY", "VOICEMAIL", "en", false, "Please call {practice} at {callbackNumber}."));
        assertThat(replacedAgain.status()).isEqualTo(200);
        assertThat(find(staff.api().get(scripts()), "ANY", "VOICEMAIL", "en", false).path("text").asString())
                .isEqualTo("Please call {practice} at {callbackNumber}.");

        var billing = manager.api().put(scripts(), script("BILLING", "OPENING", "es", false, "Hola, le llamo de {practice} por su cuenta."));
        assertThat(billing.status()).as(billing.raw()).isEqualTo(200);
        var withCategory = staff.api().get(scripts());
        assertThat(withCategory.json("/items")).hasSize(Situation.values().length * 2 + 1);
        assertThat(find(withCategory, "BILLING", "OPENING", "es", false).path("source").asString()).isEqualTo("PRACTICE");
    }

    @Test
    void aGenericVoicemailWithClinicalWordsIsRefusedNamingThem() {
        var refused = manager.api().put(scripts(),
                script("ANY", "VOICEMAIL", "en", false, "Hi {patientFirstName}, your lab results about {reason} are ready."));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("/detail")).contains("{reason}", "lab", "results");
        assertThat(errorFields(refused)).containsOnly("text").hasSize(3);
        assertThat(String.join(" | ", messages(refused))).contains("{reason}", "'lab'", "'results'");
        assertThat(find(staff.api().get(scripts()), "ANY", "VOICEMAIL", "en", false).path("source").asString()).isEqualTo("DEFAULT");

        var spanishText = manager.api().put(scripts(),
                script("ANY", "TEXT", "es", false, "Hola {patientFirstName}, su receta y su diagnóstico están listos."));
        assertThat(spanishText.status()).isEqualTo(422);
        assertThat(spanishText.text("/detail")).contains("receta", "diagnóstico");

        var detailed = manager.api().put(scripts(),
                script("ANY", "VOICEMAIL", "en", true, "Hi {patientFirstName}, your lab results about {reason} are ready."));
        assertThat(detailed.status()).as(detailed.raw()).isEqualTo(200);
        assertThat(detailed.json("/detailed").asBoolean()).isTrue();

        var unknownPlaceholder = manager.api().put(scripts(), script("ANY", "OPENING", "en", false, "Hello {patientName}"));
        assertThat(unknownPlaceholder.status()).isEqualTo(422);
        assertThat(unknownPlaceholder.text("/detail")).contains("{patientName}");
    }

    @Test
    void staffMayReadButNotEditScripts() {
        var refused = staff.api().put(scripts(), script("ANY", "OPENING", "en", false, "Hello from {practice}."));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fx.clinical(practice.id()).api().put(scripts(), script("ANY", "OPENING", "en", false, "Hello.")).status())
                .isEqualTo(403);
        assertThat(staff.api().get(scripts()).status()).isEqualTo(200);
    }

    @Test
    void anotherPracticesScriptsAnswer404() {
        var other = fx.practice();

        assertThat(manager.api().get(scripts(other.id())).status()).isEqualTo(404);
        var put = manager.api().put(scripts(other.id()), script("ANY", "OPENING", "en", false, "Hello from {practice}."));
        assertThat(put.status()).as(put.raw()).isEqualTo(404);
        assertThat(fx.admin().get(scripts(other.id())).status()).isEqualTo(200);
        assertThat(fx.admin().get(scripts("00000000-0000-0000-0000-000000000000")).status()).isEqualTo(404);
    }

    @Test
    void invalidInputIsRefusedWith400NamingTheField() {
        var unknownSituation = manager.api().put(scripts(), script("ANY", "SERENADE", "en", false, "Hello."));
        assertThat(unknownSituation.status()).as(unknownSituation.raw()).isEqualTo(400);
        assertThat(errorFields(unknownSituation)).containsExactly("situation");

        var french = manager.api().put(scripts(), script("ANY", "OPENING", "fr", false, "Bonjour."));
        assertThat(french.status()).isEqualTo(400);
        assertThat(errorFields(french)).containsExactly("language");

        var blank = manager.api().put(scripts(), script("ANY", "OPENING", "en", false, "   "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(errorFields(blank)).containsExactly("text");

        var missing = manager.api().put(scripts(), script("ANY", "OPENING", "en", false, null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(errorFields(missing)).containsExactly("text");

        var tooLong = manager.api().put(scripts(), script("ANY", "OPENING", "en", false, "a".repeat(ScriptLibrary.MAX_LENGTH + 1)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(errorFields(tooLong)).containsExactly("text");
        assertThat(manager.api().put(scripts(), script("ANY", "OPENING", "en", false, "a".repeat(ScriptLibrary.MAX_LENGTH))).status())
                .isEqualTo(200);

        var detailedOpening = manager.api().put(scripts(), script("ANY", "OPENING", "en", true, "Hello."));
        assertThat(detailedOpening.status()).as(detailedOpening.raw()).isEqualTo(400);
        assertThat(errorFields(detailedOpening)).containsExactly("detailed");

        var lowerCaseCategory = manager.api().put(scripts(), script("billing", "OPENING", "en", false, "Hello."));
        assertThat(lowerCaseCategory.status()).isEqualTo(400);
        assertThat(errorFields(lowerCaseCategory)).containsExactly("category");

        var unknownCategory = manager.api().put(scripts(), script("ASTROLOGY", "OPENING", "en", false, "Hello."));
        assertThat(unknownCategory.status()).as(unknownCategory.raw()).isEqualTo(422);
        assertThat(errorFields(unknownCategory)).containsExactly("category");

        assertThat(staff.api().get(scripts() + "?situation=SERENADE").status()).isEqualTo(400);
    }

    @Test
    void previewPicksTheMostSpecificScriptAndFillsItsPlaceholders() {
        assertThat(manager.api().put(scripts(), script("BILLING", "VOICEMAIL", "en", false,
                "{staffName} from {practice} for {patientFirstName}: please call {callbackNumber}.")).status()).isEqualTo(200);
        assertThat(manager.api().put(scripts(), script("ANY", "VOICEMAIL", "en", true,
                "{staffName} from {practice}: about {categoryName} ({reason}), call {callbackNumber}.")).status()).isEqualTo(200);
        String values = "{'staffName': 'Dana', 'patientFirstName': 'Maria', 'callbackNumber': '617-555-0100', 'reason': 'statement question'}";

        var billing = staff.api().post(scripts() + "/preview", Api.json(
                "{'category': 'BILLING', 'situation': 'VOICEMAIL', 'language': 'en', 'detailedConsent': false, 'values': %s}", values));
        assertThat(billing.status()).as(billing.raw()).isEqualTo(200);
        assertThat(billing.text("/text")).isEqualTo("Dana from " + practice.name() + " for Maria: please call 617-555-0100.");
        assertThat(billing.text("/script/category")).isEqualTo("BILLING");
        assertThat(billing.text("/script/source")).isEqualTo("PRACTICE");

        var spanish = staff.api().post(scripts() + "/preview", Api.json(
                "{'category': 'BILLING', 'situation': 'VOICEMAIL', 'language': 'es-MX', 'detailedConsent': false}"));
        assertThat(spanish.status()).isEqualTo(200);
        assertThat(spanish.text("/script/language")).isEqualTo("es");
        assertThat(spanish.text("/script/source")).isEqualTo("DEFAULT");
        assertThat(spanish.text("/text")).startsWith("Hola, le habla un miembro de nuestro equipo de " + practice.name())
                .doesNotContain("{", "}");

        var detailed = staff.api().post(scripts() + "/preview", Api.json(
                "{'category': 'RESCHEDULE', 'situation': 'VOICEMAIL', 'language': 'en', 'detailedConsent': true, 'values': %s}", values));
        assertThat(detailed.status()).isEqualTo(200);
        assertThat(detailed.json("/script/detailed").asBoolean()).isTrue();
        assertThat(detailed.text("/text")).isEqualTo("Dana from " + practice.name() + ": about Reschedule (statement question), call 617-555-0100.");

        var withoutConsent = staff.api().post(scripts() + "/preview", Api.json(
                "{'category': 'RESCHEDULE', 'situation': 'VOICEMAIL', 'language': 'en', 'detailedConsent': false, 'values': %s}", values));
        assertThat(withoutConsent.text("/text")).doesNotContain("statement question", "Reschedule");

        var otherPractice = fx.practice();
        assertThat(staff.api().post(scripts(otherPractice.id()) + "/preview",
                Api.json("{'situation': 'OPENING', 'language': 'en'}")).status()).isEqualTo(404);
    }

    @Test
    void revertingAScriptRestoresTheDefault() throws Exception {
        assertThat(manager.api().put(scripts(), script("ANY", "EMERGENCY", "es", false, "Si es una emergencia, llame al 911.")).status())
                .isEqualTo(200);
        assertThat(delete(staff, scripts() + "/ANY/EMERGENCY/es")).isEqualTo(403);

        assertThat(delete(manager, scripts() + "/ANY/EMERGENCY/es")).isEqualTo(204);
        assertThat(find(staff.api().get(scripts()), "ANY", "EMERGENCY", "es", false).path("source").asString()).isEqualTo("DEFAULT");
        assertThat(delete(manager, scripts() + "/ANY/EMERGENCY/es")).isEqualTo(404);
        assertThat(delete(manager, scripts() + "/ANY/OPENING/fr")).isEqualTo(400);
    }
}

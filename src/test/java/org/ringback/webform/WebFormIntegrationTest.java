package org.ringback.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
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

/**
 * The patient web form over real HTTP: settings through the API, validation shown per field with nothing
 * stored, the per-address rate limit, one practice's confirmations unknown under another's address, and the
 * consent stored with its time and wording version.
 */
@IntegrationTest
class WebFormIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebForms webForms;

    Fixtures fixtures;
    Api admin;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fixtures = new Fixtures(port);
        admin = fixtures.admin();
    }

    private String formOf(String practiceId) {
        String slug = Fixtures.unique("clinic").toLowerCase();
        var response = admin.put("/api/v1/practices/" + practiceId + "/web-form", Api.json("{'slug': '%s', 'enabled': true}", slug));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return slug;
    }

    private int callbacks(String practiceId) {
        return admin.get("/api/v1/practices/" + practiceId + "/callbacks?limit=1000").json("/items").size();
    }

    private int submissions(String practiceId) {
        return jdbc.sql("select count(*) from webform_submission where practice_id = :id").param("id", UUID.fromString(practiceId))
                .query(Integer.class).single();
    }

    @Test
    void aManagerSetsTheAddressAndOnlyAManagerOfThatPracticeMay() {
        var practice = fixtures.practice();
        var other = fixtures.practice();
        String path = "/api/v1/practices/" + practice.id() + "/web-form";
        assertThat(admin.get(path).json("/enabled").asBoolean()).isFalse();

        var manager = fixtures.manager(practice.id());
        String slug = Fixtures.unique("lakeside").toLowerCase();
        var saved = manager.api().put(path, Api.json("{'slug': '%s', 'enabled': true}", slug));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.text("/path")).isEqualTo("/p/" + slug + "/callback");
        assertThat(manager.api().get(path).text("/slug")).isEqualTo(slug);

        assertThat(fixtures.staff(practice.id()).api().put(path, Api.json("{'slug': 'x-%s', 'enabled': true}", slug)).status())
                .as("staff may not change it").isEqualTo(403);
        assertThat(fixtures.manager(other.id()).api().get(path).status()).as("another practice's manager").isEqualTo(404);
        var taken = admin.put("/api/v1/practices/" + other.id() + "/web-form", Api.json("{'slug': '%s', 'enabled': true}", slug));
        assertThat(taken.status()).as("the slug is unique across practices").isEqualTo(409);
        var bad = manager.api().put(path, "{\"slug\": \"Not A Slug!\", \"enabled\": true}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("slug");
    }

    @Test
    void badInputShowsEachErrorNextToItsFieldAndStoresNothing() {
        var practice = fixtures.practice();
        String slug = formOf(practice.id());
        var client = new FormClient(port);
        assertThat(client.get("/p/" + slug + "/callback").status()).isEqualTo(200);

        var page = client.post("/p/" + slug + "/callback", "name", "  ", "phone", "555", "reason", "", "details", "x",
                "windows", "MIDNIGHT");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"name-error\"").contains("Enter your name.")
                .contains("id=\"phone-error\"").contains("This is not a phone number we can call")
                .contains("id=\"reason-error\"").contains("Choose what your request is about.")
                .contains("id=\"windows-error\"")
                .contains("aria-describedby=\"name-error\"").contains("aria-describedby=\"phone-error\"");
        assertThat(page.body()).as("what was typed is kept in the form").contains("value=\"555\"");
        assertThat(callbacks(practice.id())).isZero();
        assertThat(submissions(practice.id())).isZero();

        var spanish = client.post("/p/" + slug + "/callback", "name", "Ana", "phone", "12", "reason", "BILLING", "lang", "es");
        assertThat(spanish.status()).isEqualTo(400);
        assertThat(spanish.body()).contains("No es un teléfono al que podamos llamar").doesNotContain("name-error");
        assertThat(callbacks(practice.id())).isZero();
    }

    @Test
    void aGoodFormFilesOneCallbackAndConfirmsThePracticesPromiseWithAnOpaqueAddress() {
        var practice = fixtures.practice();
        String slug = formOf(practice.id());
        var client = new FormClient(port);
        client.get("/p/" + slug + "/callback");

        var posted = client.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", "(617) 555-0142",
                "reason", "REFERRAL", "details", "Has the cardiology referral arrived?", "windows", "MORNING", "voicemail", "true");
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.location()).matches(".*/p/" + slug + "/callback/thanks/[0-9a-f-]{36}\\?lang=en")
                .doesNotContain("Maria").doesNotContain("617").doesNotContain("555");

        var thanks = client.get(posted.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(thanks.status()).isEqualTo(200);
        // Referral status: by noon of the next business day (Monday 09:00 -> Tuesday 12:00 in New York).
        assertThat(thanks.body()).contains("We will call you by tomorrow at 12:00 PM.");
        assertThat(thanks.header("Content-Security-Policy")).contains("script-src 'self'");

        var items = admin.get("/api/v1/practices/" + practice.id() + "/callbacks").json("/items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).at("/channel").asString()).isEqualTo("WEB_FORM");
        assertThat(items.get(0).at("/category").asString()).isEqualTo("REFERRAL_STATUS");
        assertThat(OffsetDateTime.parse(items.get(0).at("/firstAttemptDueAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-24T12:00:00-05:00").toInstant());

        var again = client.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", "(617) 555-0142",
                "reason", "REFERRAL", "details", "Has the cardiology referral arrived?");
        assertThat(again.location()).as("the same form posted twice answers the first confirmation").isEqualTo(posted.location());
        assertThat(callbacks(practice.id())).isEqualTo(1);
    }

    @Test
    void theConsentIsStoredWithItsTimeAndWordingVersionAndTheNewPatientGetsIt() {
        var practice = fixtures.practice();
        String slug = formOf(practice.id());
        var client = new FormClient(port);
        client.get("/p/" + slug + "/callback");
        assertThat(client.get("/p/" + slug + "/callback").body())
                .contains("It will only say who is calling and how to call back, never why.");

        var posted = client.post("/p/" + slug + "/callback", "name", "Wei Chen", "phone", "617-555-0177",
                "reason", "BILLING", "sms", "true");
        assertThat(posted.status()).isEqualTo(302);

        Map<String, Object> row = jdbc.sql("""
                        select consent_voicemail, consent_sms, consent_wording, consented_at, patient_id
                        from webform_submission where practice_id = :id""")
                .param("id", UUID.fromString(practice.id())).query().singleRow();
        assertThat(row.get("consent_voicemail")).isEqualTo(false);
        assertThat(row.get("consent_sms")).isEqualTo(true);
        assertThat(row.get("consent_wording")).isEqualTo(ConsentWording.VERSION);
        assertThat(((java.sql.Timestamp) row.get("consented_at")).toInstant()).isEqualTo(Fixtures.MONDAY_0900);

        var patient = admin.get("/api/v1/practices/" + practice.id() + "/patients/" + row.get("patient_id"));
        assertThat(patient.status()).as(patient.raw()).isEqualTo(200);
        assertThat(patient.text("/phones/0")).isEqualTo("+16175550177");
        assertThat(patient.json("/consent/sms").asBoolean()).isTrue();
        assertThat(patient.json("/consent/voicemail").asBoolean()).isFalse();
    }

    @Test
    void aKnownPhoneFilesUnderThatPatient() {
        var practice = fixtures.practice();
        String patientId = fixtures.patient(practice.id(), Fixtures.phone(31));
        String slug = formOf(practice.id());
        var client = new FormClient(port);
        client.get("/p/" + slug + "/callback");
        assertThat(client.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(31), "reason", "APPOINTMENT")
                .status()).isEqualTo(302);
        var items = admin.get("/api/v1/practices/" + practice.id() + "/callbacks").json("/items");
        assertThat(items.get(0).at("/patientId").asString()).isEqualTo(patientId);
    }

    @Test
    void tooManyPostsFromOneAddressAreRefusedAndStoreNothing() {
        var practice = fixtures.practice();
        String slug = formOf(practice.id());
        var client = new FormClient(port);
        client.get("/p/" + slug + "/callback");
        for (int i = 0; i < 10; i++) {
            assertThat(client.post("/p/" + slug + "/callback", "name", "").status()).isEqualTo(400);
        }
        var refused = client.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(32), "reason", "BILLING");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("too many requests from your network");
        assertThat(callbacks(practice.id())).isZero();

        var otherPractice = fixtures.practice();
        String otherSlug = formOf(otherPractice.id());
        client.get("/p/" + otherSlug + "/callback");
        assertThat(client.post("/p/" + otherSlug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(32), "reason", "BILLING")
                .status()).as("the limit is per practice").isEqualTo(302);

        clock.advance(java.time.Duration.ofMinutes(15));
        client.get("/p/" + slug + "/callback");
        assertThat(client.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(32), "reason", "BILLING")
                .status()).as("the next window starts afresh").isEqualTo(302);
    }

    @Test
    void endedRateWindowsAreForgottenForAddressesThatNeverComeBack() {
        var practice = fixtures.practice();
        String slug = formOf(practice.id());
        var client = new FormClient(port);
        client.get("/p/" + slug + "/callback");
        assertThat(client.post("/p/" + slug + "/callback", "name", "").status()).isEqualTo(400);
        webForms.forgetEndedRateWindows();
        assertThat(rateWindows(practice.id())).as("the current window is kept").isEqualTo(1);

        clock.advance(java.time.Duration.ofMinutes(15));
        webForms.forgetEndedRateWindows();
        assertThat(rateWindows(practice.id())).as("the window has ended and the address never came back").isZero();
    }

    private int rateWindows(String practiceId) {
        return jdbc.sql("select count(*) from webform_rate_limit where practice_id = :id").param("id", UUID.fromString(practiceId))
                .query(Integer.class).single();
    }

    @Test
    void anotherPracticesConfirmationAndUnknownOrClosedFormsAnswer404() {
        var lakeside = fixtures.practice();
        var riverside = fixtures.practice();
        String lakesideSlug = formOf(lakeside.id());
        String riversideSlug = formOf(riverside.id());
        var client = new FormClient(port);
        client.get("/p/" + lakesideSlug + "/callback");
        var posted = client.post("/p/" + lakesideSlug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(33), "reason", "BILLING");
        String id = posted.location().replaceFirst(".*/thanks/", "").replaceFirst("\\?.*", "");

        assertThat(client.get("/p/" + lakesideSlug + "/callback/thanks/" + id).status()).isEqualTo(200);
        var elsewhere = client.get("/p/" + riversideSlug + "/callback/thanks/" + id);
        assertThat(elsewhere.status()).as("a confirmation under another practice's address").isEqualTo(404);
        assertThat(elsewhere.body()).contains("There is no callback form at this address");
        assertThat(client.get("/p/" + lakesideSlug + "/callback/thanks/not-an-id").status()).isEqualTo(404);
        assertThat(client.get("/p/no-such-practice/callback").status()).isEqualTo(404);
        assertThat(client.get("/p/no-such-practice/callback", "Accept-Language", "es-MX,es;q=0.9").body())
                .contains("No hay un formulario de llamada en esta dirección");

        admin.put("/api/v1/practices/" + riverside.id() + "/web-form", Api.json("{'slug': '%s', 'enabled': false}", riversideSlug));
        assertThat(client.get("/p/" + riversideSlug + "/callback").status()).as("a closed form").isEqualTo(404);
        assertThat(client.post("/p/" + riversideSlug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(34), "reason", "BILLING")
                .status()).isEqualTo(404);
        assertThat(callbacks(riverside.id())).isZero();
    }

    @Test
    void theFormNeedsItsCsrfTokenAndSpeaksTheBrowsersLanguage() {
        var practice = fixtures.practice();
        String slug = formOf(practice.id());
        var stranger = new FormClient(port);
        var forged = stranger.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(35), "reason", "BILLING");
        assertThat(forged.status()).as("no CSRF token: back to the form").isEqualTo(302);
        assertThat(forged.location()).endsWith("/p/" + slug + "/callback");
        assertThat(stranger.post("/p/" + slug + "/callback/screen", "details", "chest pain").status()).isEqualTo(403);
        assertThat(callbacks(practice.id())).isZero();

        var patient = new FormClient(port);
        var page = patient.get("/p/" + slug + "/callback");
        assertThat(page.headers().getOrDefault("set-cookie", java.util.List.of()))
                .as("the token is in a cookie for the form's path; no session is made")
                .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") && cookie.contains("Path=/p"))
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID") || cookie.startsWith("SESSION="));
        assertThat(patient.post("/p/" + slug + "/callback", "name", "Maria Lopez", "phone", Fixtures.phone(35), "reason", "BILLING")
                .location()).as("with the token from the form").contains("/callback/thanks/");
        assertThat(callbacks(practice.id())).isEqualTo(1);

        var spanish = stranger.get("/p/" + slug + "/callback", "Accept-Language", "es-US,es;q=0.9,en;q=0.8");
        assertThat(spanish.body()).contains("Pida a").contains("lang=\"es\"").contains("?lang=en");
        assertThat(stranger.get("/p/" + slug + "/callback?lang=es").body()).contains("Su nombre");
        assertThat(stranger.get("/p/" + slug + "/callback", "Accept-Language", "fr-FR").body()).contains("Your name");
    }
}

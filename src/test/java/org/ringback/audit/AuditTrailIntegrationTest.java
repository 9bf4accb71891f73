package org.ringback.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Managers search and export their practice's audit trail and its people's sign-ins; nobody else does. */
@IntegrationTest
class AuditTrailIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;
    Fixtures.User manager;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
        manager = fx.manager(practice.id());
    }

    @Test
    void aManagerFindsWhoReadWhichCallbackPageByPage() {
        String callback = fx.aCallback(practice.id()).fromCaller(Fixtures.phone(61), "Pat Doe").postAs(staff.api()).text("/id");
        staff.api().get("/api/v1/callbacks/" + callback);
        String path = "/api/v1/practices/" + practice.id() + "/audit?actor=" + staff.username();

        var all = manager.api().get(path);
        var first = manager.api().get(path + "&limit=1");
        var second = manager.api().get(path + "&limit=1&after=" + first.text("/next"));

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json("/items").valueStream().map(e -> e.get("action").asString() + " " + e.get("subjectId").asString()))
                .contains("CREATE " + callback, "READ " + callback);
        assertThat(all.json("/items").valueStream().map(e -> e.get("actor").asString())).containsOnly(staff.username());
        assertThat(first.json("/items").size()).isEqualTo(1);
        assertThat(second.json("/items/0/id").asLong()).isGreaterThan(first.json("/items/0/id").asLong());
        assertThat(manager.api().get(path + "&subjectId=" + callback + "&from=2026-11-24T00:00:00Z").json("/items").size())
                .as("Sunday's entries are not in a search from Tuesday").isZero();
    }

    @Test
    void theCsvExportHoldsEveryMatchingEntryAndIsItselfRecorded() throws Exception {
        String callback = fx.aCallback(practice.id()).fromCaller(Fixtures.phone(61), "Pat Doe").postAs(staff.api()).text("/id");

        var csv = send(HttpRequest.newBuilder(uri("/api/v1/practices/" + practice.id() + "/audit?subjectId=" + callback))
                .header("Authorization", basic(manager)).header("Accept", "text/csv"));

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).first().isEqualTo("id,at,actor,action,subjectType,subjectId,remoteAddr");
        assertThat(csv.body()).contains(staff.username() + ",CREATE,callback," + callback);
        var exports = manager.api().get("/api/v1/practices/" + practice.id() + "/audit?actor=" + manager.username());
        assertThat(exports.json("/items").valueStream().map(e -> e.get("action").asString())).contains("EXPORT");
    }

    @Test
    void staffGet403AndAnotherPracticesManager404() {
        var other = fx.manager(fx.practice().id());
        String path = "/api/v1/practices/" + practice.id() + "/audit";

        assertThat(staff.api().get(path).status()).isEqualTo(403);
        assertThat(staff.api().get(path + "/sign-ins").status()).isEqualTo(403);
        assertThat(other.api().get(path).status()).isEqualTo(404);
        assertThat(other.api().get(path + "/sign-ins").status()).isEqualTo(404);
        assertThat(manager.api().get(path + "?after=x").status()).isEqualTo(400);
        assertThat(manager.api().get(path + "?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void signInsOfThePracticesPeopleAreRecordedWithTheirOutcome() throws Exception {
        Api.as(port, staff.username(), "a-wrong-password-here").get("/api/v1/me");
        signInWithTheForm(staff);

        var signIns = manager.api().get("/api/v1/practices/" + practice.id() + "/audit/sign-ins?actor=" + staff.username());

        assertThat(signIns.json("/items").valueStream().map(e -> e.get("method").asString() + " " + e.get("outcome").asString()))
                .containsExactly("API WRONG_PASSWORD", "FORM SUCCEEDED");
        var outsider = fx.staff(fx.practice().id());
        Api.as(port, outsider.username(), "a-wrong-password-here").get("/api/v1/me");
        assertThat(manager.api().get("/api/v1/practices/" + practice.id() + "/audit/sign-ins?actor=" + outsider.username())
                .json("/items").size()).as("another practice's people are not listed").isZero();
    }

    @Test
    void signInRecordsCannotBeRewritten() {
        Api.as(port, staff.username(), "a-wrong-password-here").get("/api/v1/me");

        assertThatThrownBy(() -> jdbc.sql("update sign_in_event set outcome = 'SUCCEEDED' where username = :username")
                .param("username", staff.username()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from sign_in_event where username = :username")
                .param("username", staff.username()).update()).isInstanceOf(DataAccessException.class);
    }

    private void signInWithTheForm(Fixtures.User user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        var signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user.username() + "&password="
                        + URLEncoder.encode(user.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(Fixtures.User user) {
        return "Basic " + Base64.getEncoder().encodeToString((user.username() + ":" + user.password()).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

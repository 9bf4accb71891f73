package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lock-out after repeated wrong passwords, the password policy, and the browser's security headers. */
@IntegrationTest
class SignInSecurityIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword() {
        var fixtures = new Fixtures(port);
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        var wrong = Api.as(port, staff.username(), "not-the-password-at-all");

        for (int i = 0; i < SignInGuard.FAILURES_BEFORE_LOCK - 1; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(staff.api().get("/api/v1/me").status()).as("four failures do not lock").isEqualTo(200);
        for (int i = 0; i < SignInGuard.FAILURES_BEFORE_LOCK; i++) {
            assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
        }
        assertThat(staff.api().get("/api/v1/me").status()).as("locked: the right password is refused too").isEqualTo(401);

        clock.advance(SignInGuard.LOCK.plus(Duration.ofSeconds(1)));
        assertThat(staff.api().get("/api/v1/me").status()).as("the lock has passed").isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        var fixtures = new Fixtures(port);
        var staff = fixtures.staff(fixtures.practice().id());
        var wrong = Api.as(port, staff.username(), "not-the-password-at-all");

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < SignInGuard.FAILURES_BEFORE_LOCK - 1; i++) {
                wrong.get("/api/v1/me");
            }
            assertThat(staff.api().get("/api/v1/me").status()).isEqualTo(200);
        }
    }

    @Test
    void newPasswordsMustMeetThePolicyAndEveryReasonIsNamed() {
        var fixtures = new Fixtures(port);
        var practice = fixtures.practice();
        String username = Fixtures.unique("pat");

        var common = fixtures.admin().post("/api/v1/users", Api.json("""
                {'username': '%s', 'password': 'Password1234', 'displayName': 'P', 'roles': ['STAFF'], 'practiceIds': ['%s']}""",
                username, practice.id()));
        var withName = fixtures.admin().post("/api/v1/users", Api.json("""
                {'username': '%s', 'password': 'my-name-is-%s', 'displayName': 'P', 'roles': ['STAFF'], 'practiceIds': ['%s']}""",
                username, username, practice.id()));
        var repetitive = fixtures.admin().post("/api/v1/users", Api.json("""
                {'username': '%s', 'password': 'abababababababab', 'displayName': 'P', 'roles': ['STAFF'], 'practiceIds': ['%s']}""",
                username, practice.id()));

        assertThat(common.status()).isEqualTo(422);
        assertThat(common.raw()).contains("commonly used");
        assertThat(withName.status()).isEqualTo(422);
        assertThat(withName.raw()).contains("must not contain the username");
        assertThat(repetitive.status()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from app_user where username = :username").param("username", username)
                .query(Integer.class).single()).as("nothing stored").isZero();
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithoutInlineScriptsAndRefuseFraming() throws Exception {
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.body()).doesNotContain("<script>").doesNotContain("style=\"");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSignInIssuesANewSession() throws Exception {
        var fixtures = new Fixtures(port);
        var staff = fixtures.staff(fixtures.practice().id());
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String before = login.headers().firstValue("Set-Cookie").orElseThrow();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();

        var signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + staff.username() + "&password="
                        + URLEncoder.encode(staff.password(), StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.discarding());

        String after = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(before).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(after).as("session fixation: a new id after sign-in").isNotEqualTo(before);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

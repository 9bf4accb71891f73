package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Anonymous requests to the staff pages write no session: a session row exists only once a sign-in succeeds. */
@IntegrationTest
class SessionBeforeSignInIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final List<HttpResponse<String>> responses = new ArrayList<>();

    @Test
    void theSignInPageAProtectedPageAndAWrongPasswordWriteNoSession() {
        var fixtures = new Fixtures(port);
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        long started = System.currentTimeMillis();

        assertThat(get("/practices/" + practice.id() + "/board").statusCode()).isEqualTo(302);
        String token = csrf(get("/login"));
        HttpResponse<String> wrong = post("/login", "username=" + encode(staff.username()) + "&password=not-the-password&_csrf=" + encode(token));
        HttpResponse<String> noToken = post("/login", "username=" + encode(staff.username()) + "&password=" + encode(Fixtures.PASSWORD));

        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(noToken.statusCode()).as("a sign-in without the form's token is refused").isEqualTo(403);
        assertThat(responses).allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("SESSION=")));
        assertThat(sessionsCreatedSince(started)).isZero();
    }

    @Test
    void aSignInAfterAProtectedPageGoesBackToItAndStartsOneSession() {
        var fixtures = new Fixtures(port);
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        String board = "/practices/" + practice.id() + "/board";

        get(board);
        String token = csrf(get("/login"));
        HttpResponse<String> signIn = post("/login", "username=" + encode(staff.username()) + "&password=" + encode(Fixtures.PASSWORD)
                + "&_csrf=" + encode(token));
        String back = signIn.headers().firstValue("Location").orElse("");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(back).contains(board);
        assertThat(get(back).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :name").param("name", staff.username())
                .query(Long.class).single()).isEqualTo(1);
    }

    private long sessionsCreatedSince(long millis) {
        return jdbc.sql("select count(*) from spring_session where creation_time >= :since").param("since", millis)
                .query(Long.class).single();
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the page has a CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private URI uri(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            responses.add(response);
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

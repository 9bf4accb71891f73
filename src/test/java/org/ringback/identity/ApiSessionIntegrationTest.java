package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API has no CSRF protection, so a browser's sign-in session must not open it: only credentials do. */
@IntegrationTest
class ApiSessionIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aSignedInBrowserSessionDoesNotAuthenticateApiCalls() throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        var signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Api.ADMIN_PASSWORD + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(browser.send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .as("the session works for pages").isIn(200, 302);

        var apiWrite = browser.send(HttpRequest.newBuilder(uri("/api/v1/practices"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Forged\"}")).build(), HttpResponse.BodyHandlers.discarding());
        var apiRead = browser.send(HttpRequest.newBuilder(uri("/api/v1/me")).build(), HttpResponse.BodyHandlers.discarding());

        assertThat(apiWrite.statusCode()).isEqualTo(401);
        assertThat(apiRead.statusCode()).isEqualTo(401);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}

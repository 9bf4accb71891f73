package org.ringback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stops under a running app (its own app and database here: the shared ones must stay up). While it is
 * down the API answers 503 problem+json saying so, pages show an error page with the same advice and no patient data,
 * and health says DOWN; when the same database comes back the same app answers again, without a restart.
 */
class DatabaseOutageIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private EmbeddedPostgres postgres;
    private ConfigurableApplicationContext app;

    @Test
    void theAppAnswers503WhileTheDatabaseIsDownAndRecoversWithoutARestart() throws Exception {
        int databasePort = freePort();
        postgres = startPostgres(databasePort);
        // As arguments: they outrank application.yml (the builder's properties are only defaults).
        app = new SpringApplicationBuilder(RingbackApplication.class).run(
                "--server.port=0",
                "--ringback.database.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--ringback.database.username=postgres",
                "--ringback.database.connection-timeout=2s",
                "--ringback.data-dir=" + dir,
                "--ringback.demo.enabled=false",
                "--ringback.demo.data-dir=" + dir,
                "--ringback.sweep.enabled=false",
                "--ringback.admin-password=" + Api.ADMIN_PASSWORD);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        var fx = new Fixtures(port);
        var practice = fx.practice();
        String slug = Fixtures.unique("outage").toLowerCase();
        assertThat(fx.admin().put("/api/v1/practices/" + practice.id() + "/web-form", Api.json("{'slug': '%s', 'enabled': true}", slug)).status())
                .isEqualTo(200);
        String callbackId = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(50), "Maria Lopez")
                .receivedAt(Instant.now().minusSeconds(60)).create().path("id").asString();
        HttpClient browser = signedIn(port);
        String board = "/practices/" + practice.id() + "/board";
        assertThat(page(browser, port, board).statusCode()).isEqualTo(200);

        postgres.close();

        var api = fx.admin().get("/api/v1/callbacks/" + callbackId);
        assertThat(api.status()).as(api.raw()).isEqualTo(503);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.text("/detail")).containsIgnoringCase("database unavailable").containsIgnoringCase("try again");
        var write = fx.admin().post("/api/v1/practices/" + practice.id() + "/callbacks",
                Api.json("{'channel': 'MISSED_CALL', 'caller': {'phone': '+1 617 555 0151'}}"));
        assertThat(write.status()).as(write.raw()).isEqualTo(503);
        assertThat(retryAfter(port, "/api/v1/practices")).as("Retry-After on the API").isNotBlank();

        var staffPage = page(browser, port, board);
        assertThat(staffPage.statusCode()).as(staffPage.body()).isEqualTo(503);
        assertThat(staffPage.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(staffPage.body()).containsIgnoringCase("database").doesNotContain("Maria", "617", "Exception", "at org.");
        var publicPage = page(HttpClient.newHttpClient(), port, "/p/" + slug + "/callback");
        assertThat(publicPage.statusCode()).as(publicPage.body()).isEqualTo(503);
        assertThat(publicPage.body()).containsIgnoringCase("try again").doesNotContain("Exception", "at org.");
        assertThat(health(port)).as("health").isEqualTo(503);

        postgres = startPostgres(databasePort);

        assertThat(eventually(() -> fx.admin().get("/api/v1/callbacks/" + callbackId).status())).isEqualTo(200);
        assertThat(fx.admin().post("/api/v1/practices/" + practice.id() + "/callbacks",
                Api.json("{'channel': 'MISSED_CALL', 'caller': {'phone': '+1 617 555 0151'}}")).status()).isEqualTo(201);
        assertThat(page(browser, port, board).statusCode()).as("the signed-in session still works").isEqualTo(200);
        assertThat(page(HttpClient.newHttpClient(), port, "/p/" + slug + "/callback").statusCode()).isEqualTo(200);
        assertThat(health(port)).isEqualTo(200);
    }

    @AfterEach
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The same data directory and port each time, as after an operator restarts the database server. */
    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
    }

    private interface Status {
        int get() throws Exception;
    }

    /** Hikari reconnects on the next borrow; a few tries allow for the server's own start-up. */
    private static int eventually(Status call) throws Exception {
        int status = 0;
        for (int i = 0; i < 40 && status != 200; i++) {
            status = call.get();
            if (status != 200) {
                Thread.sleep(250);
            }
        }
        return status;
    }

    private static HttpClient signedIn(int port) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = page(browser, port, "/login").body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signIn = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        return browser;
    }

    private static HttpResponse<String> page(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As a load balancer asks: no Accept header (actuator answers 406 to text/html). */
    private static int health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String retryAfter(int port, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        return response.headers().firstValue("Retry-After").orElse("");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

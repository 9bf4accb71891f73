package org.ringback.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The managers' upload page over real HTTP: sign in, upload with the CSRF token, follow the job, download the report. */
@IntegrationTest
class ImportPageIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    String practiceId;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        practiceId = fx.practice().id();
    }

    /** A browser-like client signed in through the login form. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        Browser(Fixtures.User user) throws Exception {
            String login = get("/login").body();
            var signIn = http.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user.username() + "&password=" + user.password()
                            + "&_csrf=" + csrf(login)))
                    .build(), HttpResponse.BodyHandlers.discarding());
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            var request = HttpRequest.newBuilder(uri(path));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> upload(String path, String csrf, String fileContent, boolean partial) throws Exception {
            String boundary = "----ringback" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            if (csrf != null) {
                part(body, boundary, "_csrf", null, csrf);
            }
            if (partial) {
                part(body, boundary, "partial", null, "true");
            }
            part(body, boundary, "file", "calls.csv", fileContent);
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> get(String path) throws Exception {
            return get(path, new String[0]);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String filename, String value) throws IOException {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: text/csv") + "\r\n\r\n";
        body.write(head.getBytes(StandardCharsets.UTF_8));
        body.write(value.getBytes(StandardCharsets.UTF_8));
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String page) {
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private String imports() {
        return "/practices/" + practiceId + "/imports";
    }

    /** Polls the job fragment as the page's htmx does, until the import has finished. */
    private String finished(Browser browser, String jobPath) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            var fragment = browser.get(jobPath, "HX-Request", "true");
            assertThat(fragment.statusCode()).isEqualTo(200);
            assertThat(fragment.body()).contains("id=\"job\"").doesNotContain("<html");
            if (!fragment.body().contains("hx-trigger=\"every 1s\"")) {
                return fragment.body();
            }
            assertThat(Instant.now()).as("the import finishes").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aManagerUploadsAFileFollowsItsProgressAndDownloadsTheErrorReport() throws Exception {
        var browser = new Browser(fx.user(practiceId, "MANAGER"));
        var page = browser.get(imports());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"").doesNotContain("<script>");

        assertThat(browser.upload(imports(), null, ImportIntegrationTest.LIST_WITH_THREE_BAD_ROWS, false).statusCode())
                .as("no CSRF token").isEqualTo(403);

        var refused = browser.upload(imports(), csrf(page.body()), ImportIntegrationTest.LIST_WITH_THREE_BAD_ROWS, false);
        assertThat(refused.statusCode()).isEqualTo(302);
        String jobPath = URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(jobPath).startsWith(imports() + "/");
        String result = finished(browser, jobPath);
        assertThat(result).contains("data-status=\"REFUSED\"", "id=\"rows-rejected\">3<", "id=\"rows-created\">0<", "errors.csv");

        var report = browser.get(jobPath + "/errors.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(report.body().lines()).containsExactly("line,field,problem", "3,phone,is not a valid phone number",
                "6,date,is in the future", "9,category,is not a category of this practice");

        var partial = browser.upload(imports(), csrf(browser.get(imports()).body()), ImportIntegrationTest.LIST_WITH_THREE_BAD_ROWS, true);
        String done = finished(browser, URI.create(partial.headers().firstValue("Location").orElseThrow()).getPath());
        assertThat(done).contains("data-status=\"DONE\"", "id=\"rows-created\">6<");
        assertThat(browser.get(imports()).body()).contains("id=\"imports\"");
        assertThat(jdbc.sql("select count(*) from audit_event where practice_id = :p and subject_type in ('import', 'import-report')")
                .param("p", UUID.fromString(practiceId)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void uploadsLargerThanTheRequestLimitAreAcceptedOnTheImportPathOnly() throws Exception {
        var browser = new Browser(fx.user(practiceId, "MANAGER"));
        var csv = new StringBuilder("Phone,Date/Time,Reason\n");
        String longReason = "please call back about the appointment ".repeat(400);
        for (int i = 0; i < 100; i++) {
            csv.append("617-555-").append(String.format("%04d", 200 + i)).append(",2026-11-20 09:00,").append(longReason).append('\n');
        }
        assertThat(csv.length()).isGreaterThan(1_200_000);

        var upload = browser.upload(imports(), csrf(browser.get(imports()).body()), csv.toString(), false);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
        assertThat(finished(browser, URI.create(upload.headers().firstValue("Location").orElseThrow()).getPath()))
                .contains("data-status=\"DONE\"", "id=\"rows-created\">100<");

        var elsewhere = browser.upload("/practices/" + practiceId + "/coverage", csrf(browser.get(imports()).body()), csv.toString(), false);
        assertThat(elsewhere.statusCode()).as("the 1 MB limit still holds elsewhere").isEqualTo(413);
    }

    @Test
    void onlyManagersOfThePracticeSeeItsImports() throws Exception {
        var staff = new Browser(fx.staff(practiceId));
        assertThat(staff.get(imports()).statusCode()).isEqualTo(403);

        String other = fx.practice().id();
        var otherManager = new Browser(fx.user(other, "MANAGER"));
        assertThat(otherManager.get(imports()).statusCode()).isEqualTo(404);
    }
}

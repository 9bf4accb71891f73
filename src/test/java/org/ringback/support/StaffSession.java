package org.ringback.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's session on the staff pages over real HTTP: signed in with the form, posting forms with the page's CSRF token. */
public final class StaffSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private String csrf;

    private StaffSession(int port) {
        this.port = port;
    }

    /** A browser that has not signed in. */
    public static StaffSession anonymous(int port) {
        return new StaffSession(port);
    }

    public static StaffSession signIn(int port, String username, String password) {
        var session = new StaffSession(port);
        session.get("/login");
        HttpResponse<String> signIn = session.post("/login", "username=" + encode(username) + "&password=" + encode(password));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    /** GETs a page and keeps its CSRF token for the next post. */
    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1) != null ? token.group(1) : token.group(2);
        }
        return page;
    }

    /** POSTs a form (url-encoded pairs) with the CSRF token of the last page shown. */
    public HttpResponse<String> post(String path, String form) {
        String body = form + (csrf == null ? "" : "&_csrf=" + encode(csrf));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs a form without any CSRF token. */
    public HttpResponse<String> postWithoutToken(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A path, or an absolute URL such as a redirect's Location. */
    private URI uri(String path) {
        return path.startsWith("http") ? URI.create(path) : URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.ringback.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user's HTTP client on loopback: HTTP Basic on every request, or a session cookie from the sign-in form.
 * Every request carries an {@code X-Bench-Phase} header, which the app's access log records next to its time.
 */
final class BenchClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http;
    private final int port;
    private final String authorization;

    private BenchClient(HttpClient http, int port, String authorization) {
        this.http = http;
        this.port = port;
        this.authorization = authorization;
    }

    static BenchClient basic(int port, String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new BenchClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), port, "Basic " + token);
    }

    /** Signs in through the form (GET /login for the CSRF token, POST /login) and keeps the session cookie. */
    static BenchClient signedIn(int port, String username, String password) {
        var client = new BenchClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build(),
                port, null);
        var login = client.send(client.request("/login", "login").GET(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(login.body());
        BoardBenchmark.check(csrf.find(), "the sign-in page has no CSRF token");
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
        var signIn = client.send(client.request("/login", "login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), HttpResponse.BodyHandlers.discarding());
        String location = signIn.headers().firstValue("Location").orElse("");
        BoardBenchmark.check(signIn.statusCode() == 302 && !location.contains("error"), "sign-in failed: " + signIn.statusCode() + " " + location);
        return client;
    }

    HttpResponse<String> get(String path, String tag) {
        return send(request(path, tag).GET(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs the path and answers the body's size; anything but 200 stops the benchmark. */
    long expect200(String path, String tag, Map<String, String> headers) {
        var request = request(path, tag).GET();
        headers.forEach(request::header);
        var response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        BoardBenchmark.check(response.statusCode() == 200, "GET " + path + " answered " + response.statusCode());
        return response.body().length;
    }

    /** POSTs JSON, expects 201 and answers the created representation. */
    JsonNode post(String path, String json) {
        var response = postAnswering(path, json);
        BoardBenchmark.check(response.statusCode() == 201, "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        return JSON.readTree(response.body());
    }

    /** POSTs JSON and answers whatever the app answered. */
    HttpResponse<String> postAnswering(String path, String json) {
        return send(request(path, "setup").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private HttpRequest.Builder request(String path, String tag) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("X-Bench-Phase", tag);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.ringback.webform;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A patient's browser over plain HTTP: keeps cookies, reads the CSRF token and the submission key from the form. */
public final class FormClient {

    public record Page(int status, String body, String location, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private String csrf;
    private String key;

    public FormClient(int port) {
        this.port = port;
    }

    public Page get(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        Page page = send(builder.build());
        Matcher csrfMatch = CSRF.matcher(page.body());
        if (csrfMatch.find()) {
            csrf = csrfMatch.group(1);
        }
        Matcher keyMatch = KEY.matcher(page.body());
        if (keyMatch.find()) {
            key = keyMatch.group(1);
        }
        return page;
    }

    public String key() {
        return key;
    }

    /** Posts the fields (name, value, name, value…) with the CSRF token and key of the last form page read. */
    public Page post(String path, String... fields) {
        List<String> pairs = new ArrayList<>();
        if (csrf != null) {
            pairs.add("_csrf=" + encode(csrf));
        }
        boolean hasKey = false;
        for (int i = 0; i < fields.length; i += 2) {
            hasKey |= fields[i].equals("key");
            pairs.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        }
        if (!hasKey && key != null) {
            pairs.add("key=" + encode(key));
        }
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null),
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint and page, called as each kind of user: the practice's staff, clinical staff, manager, an admin,
 * a manager of another practice, and nobody. A new endpoint missing from {@link #ENDPOINTS} fails the first test,
 * so nobody can add one without saying who may use it.
 */
@IntegrationTest
class AccessMatrixIntegrationTest {

    /** Who may use an endpoint. */
    enum Rule {
        /** Anyone, signed in or not (public pages, sign-in). */
        PUBLIC,
        /** No user: a signature proves the caller (telephony webhooks); checked in their own tests. */
        SIGNED,
        /** Every user who works the practice. */
        MEMBER,
        /** The practice's managers and admins. */
        MANAGER,
        /** Admins only. */
        ADMIN
    }

    enum Caller { NOBODY, STAFF, CLINICAL, MANAGER, ADMIN, OTHER_MANAGER }

    /**
     * One endpoint: {@code scoped} when the path (or body) names the practice's data, so another practice's
     * manager must get 404; {@code missingOk} when the named sub-resource does not exist for this test, so 404 is
     * the answer for everyone allowed. The body (JSON for the API, a form for pages) and query are valid, so that
     * what answers is the access rule, not input validation.
     */
    record Endpoint(String method, String path, Rule rule, boolean scoped, boolean missingOk, String body, String query) {

        String key() {
            return method + " " + path;
        }

        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/fhir/") || path.startsWith("/webhooks/");
        }

        Endpoint body(String value) {
            return new Endpoint(method, path, rule, scoped, missingOk, value, query);
        }

        Endpoint query(String value) {
            return new Endpoint(method, path, rule, scoped, missingOk, body, value);
        }

        Endpoint unscoped() {
            return new Endpoint(method, path, rule, false, missingOk, body, query);
        }

        Endpoint missing() {
            return new Endpoint(method, path, rule, scoped, true, body, query);
        }
    }

    private static Endpoint endpoint(String method, String path, Rule rule) {
        return new Endpoint(method, path, rule, path.contains("{"), false, null, "");
    }

    static final String MULTIPART = "multipart";

    static final String CATEGORY = """
            {'name': 'Billing', 'queue': 'FRONT_DESK', 'responseWindow': {'kind': 'WITHIN', 'duration': 'PT4H'},
             'resolutionTarget': 'PT48H', 'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true},
             'closureOutcomes': ['QUESTION_ANSWERED']}""";

    static final List<Endpoint> ENDPOINTS = List.of(
            // identity and practices
            endpoint("GET", "/api/v1/me", Rule.MEMBER).unscoped(),
            endpoint("GET", "/api/v1/practices", Rule.MEMBER).unscoped(),
            endpoint("POST", "/api/v1/practices", Rule.ADMIN).body("{'name': 'Matrix', 'timeZone': 'America/New_York', 'businessHours': %WEEKDAYS%}"),
            endpoint("GET", "/api/v1/practices/{practiceId}", Rule.MEMBER),
            endpoint("GET", "/api/v1/practices/{practiceId}/categories", Rule.MEMBER),
            endpoint("PUT", "/api/v1/practices/{practiceId}/categories/{code}", Rule.MANAGER).body(CATEGORY),
            endpoint("GET", "/api/v1/practices/{practiceId}/ladder", Rule.MEMBER),
            endpoint("PUT", "/api/v1/practices/{practiceId}/ladder", Rule.MANAGER).body("{'categories': [{'code': 'BILLING', 'maxAttempts': 3, "
                    + "'minGap': 'PT2H', 'differentWindow': true, 'busyRetry': 'PT15M', 'deadNumber': 'OTHER_CHANNEL'}]}"),
            endpoint("PUT", "/api/v1/practices/{practiceId}/calendar", Rule.MANAGER)
                    .body("{'holidayCalendar': 'US', 'businessHours': %WEEKDAYS%, 'closures': []}"),
            new Endpoint("POST", "/api/v1/users", Rule.MANAGER, true, false,
                    "{'username': '%USER%', 'password': 'a-long-enough-password', 'displayName': 'M', 'roles': ['STAFF'], 'practiceIds': ['%PRACTICE%']}", ""),
            endpoint("GET", "/login", Rule.PUBLIC),
            // patients
            endpoint("POST", "/api/v1/practices/{practiceId}/patients", Rule.MEMBER).body("{'displayName': 'Matrix Patient', 'phones': ['+1 617 555 0134'], 'consent': {'voicemail': true}}"),
            endpoint("GET", "/api/v1/practices/{practiceId}/patients/{patientId}", Rule.MEMBER),
            endpoint("GET", "/api/v1/practices/{practiceId}/patients/{patientId}/export", Rule.MANAGER),
            endpoint("GET", "/api/v1/practices/{practiceId}/retention", Rule.MEMBER),
            endpoint("PUT", "/api/v1/practices/{practiceId}/retention", Rule.MANAGER).body("{'afterClosure': 'P7Y'}"),
            // callbacks
            endpoint("POST", "/api/v1/practices/{practiceId}/callbacks", Rule.MEMBER)
                    .body("{'channel': 'STAFF', 'category': 'BILLING', 'caller': {'phone': '+1 617 555 0135'}}"),
            endpoint("GET", "/api/v1/practices/{practiceId}/callbacks", Rule.MEMBER),
            endpoint("GET", "/api/v1/callbacks/{id}", Rule.MEMBER),
            endpoint("POST", "/api/v1/callbacks/{id}/attempts", Rule.MEMBER)
                    .body("{'method': 'PHONE', 'messageLeft': false, 'at': '2026-11-23T14:00:00Z', 'result': 'NO_ANSWER'}"),
            endpoint("POST", "/api/v1/callbacks/{id}/assign", Rule.MEMBER).body("{'queue': 'FRONT_DESK'}"),
            endpoint("POST", "/api/v1/callbacks/{id}/wait", Rule.MEMBER).body("{'on': 'REFERRAL_DOCUMENTS', 'expectedBy': '2026-11-30'}"),
            endpoint("POST", "/api/v1/callbacks/{id}/resume", Rule.MEMBER).body("{}"),
            endpoint("POST", "/api/v1/callbacks/{id}/close", Rule.MEMBER).body("{'outcome': 'QUESTION_ANSWERED', 'version': 999}"),
            endpoint("POST", "/api/v1/callbacks/{id}/escalate", Rule.MEMBER).body("{'reason': 'matrix'}"),
            endpoint("POST", "/api/v1/callbacks/{id}/urgency", Rule.MEMBER).body("{'urgency': 'SAME_DAY', 'reason': 'matrix'}"),
            endpoint("POST", "/api/v1/callbacks/{id}/next-step", Rule.MEMBER).body("{}"),
            endpoint("GET", "/api/v1/practices/{practiceId}/review/end-of-day", Rule.MEMBER),
            // scripts
            endpoint("GET", "/api/v1/practices/{practiceId}/scripts", Rule.MEMBER),
            endpoint("PUT", "/api/v1/practices/{practiceId}/scripts", Rule.MANAGER)
                    .body("{'category': 'ANY', 'situation': 'OPENING', 'language': 'en', 'text': 'Hello, this is the practice.'}"),
            endpoint("DELETE", "/api/v1/practices/{practiceId}/scripts/{category}/{situation}/{language}", Rule.MANAGER).missing(),
            endpoint("POST", "/api/v1/practices/{practiceId}/scripts/preview", Rule.MEMBER).body("{'situation': 'OPENING', 'language': 'en'}"),
            // messaging (staff see every status but DEAD; dead letters are for managers)
            endpoint("GET", "/api/v1/practices/{practiceId}/messages", Rule.MEMBER).query("?status=SENT&limit=10"),
            endpoint("POST", "/api/v1/callbacks/{id}/messages/appointment-link", Rule.MEMBER).body("{'link': 'https://book.example.org/x'}"),
            // planning, measures, audit
            endpoint("GET", "/api/v1/practices/{practiceId}/coverage", Rule.MEMBER),
            endpoint("GET", "/api/v1/practices/{practiceId}/reports/weekly", Rule.MEMBER).query("?week=2026-W47"),
            endpoint("GET", "/api/v1/practices/{practiceId}/reports/weekly/rows.csv", Rule.MANAGER).query("?week=2026-W47&table=items"),
            endpoint("GET", "/api/v1/reports/weekly", Rule.MEMBER).unscoped().query("?week=2026-W47"),
            endpoint("GET", "/api/v1/reports/monthly", Rule.MEMBER).unscoped().query("?month=2026-10"),
            endpoint("GET", "/api/v1/practices/{practiceId}/audit", Rule.MANAGER),
            endpoint("GET", "/api/v1/practices/{practiceId}/audit/sign-ins", Rule.MANAGER),
            // telephony, web form
            endpoint("GET", "/api/v1/practices/{practiceId}/telephony", Rule.MANAGER),
            endpoint("PUT", "/api/v1/practices/{practiceId}/telephony", Rule.MANAGER).body("{}"),
            endpoint("POST", "/api/v1/practices/{practiceId}/telephony/retry-failed", Rule.MANAGER).body("{}"),
            // The form's address is no secret: the staff give it to patients.
            endpoint("GET", "/api/v1/practices/{practiceId}/web-form", Rule.MEMBER),
            endpoint("PUT", "/api/v1/practices/{practiceId}/web-form", Rule.MANAGER).body("{'slug': '%SLUG%', 'enabled': true}"),
            endpoint("POST", "/webhooks/twilio/voice/{practiceId}", Rule.SIGNED),
            endpoint("POST", "/webhooks/twilio/transcription/{practiceId}", Rule.SIGNED),
            endpoint("GET", "/p/{slug}/callback", Rule.PUBLIC),
            endpoint("POST", "/p/{slug}/callback", Rule.PUBLIC).body("name=Matrix&phone=6175550136&reason=BILLING"),
            endpoint("GET", "/p/{slug}/callback/thanks/{id}", Rule.PUBLIC).missing(),
            endpoint("POST", "/p/{slug}/callback/screen", Rule.PUBLIC).body("details=chest+pain"),
            // FHIR
            endpoint("GET", "/fhir/Task/{id}", Rule.MEMBER),
            endpoint("GET", "/fhir/Task", Rule.MEMBER).unscoped().query("?patient=%PATIENT%"),
            endpoint("POST", "/fhir/Task", Rule.MEMBER).unscoped().body("{}"),
            endpoint("POST", "/fhir/CommunicationRequest", Rule.MEMBER).unscoped().body("{}"),
            // staff pages
            endpoint("GET", "/", Rule.MEMBER).unscoped(),
            endpoint("GET", "/board", Rule.MEMBER).unscoped(),
            endpoint("GET", "/practices/{practiceId}/board", Rule.MEMBER),
            endpoint("GET", "/callbacks/{id}", Rule.MEMBER),
            endpoint("POST", "/callbacks/{id}/attempt", Rule.MEMBER).body("result=NO_ANSWER"),
            endpoint("POST", "/callbacks/{id}/wait", Rule.MEMBER).body("on=REFERRAL_DOCUMENTS&expectedBy=2026-11-30"),
            endpoint("POST", "/callbacks/{id}/resume", Rule.MEMBER).body(""),
            endpoint("POST", "/callbacks/{id}/assign", Rule.MEMBER).body("queue=FRONT_DESK"),
            endpoint("POST", "/callbacks/{id}/escalate", Rule.MEMBER).body("reason=matrix"),
            endpoint("POST", "/callbacks/{id}/close", Rule.MEMBER).body("outcome=QUESTION_ANSWERED&version=999"),
            endpoint("GET", "/practices/{practiceId}/review", Rule.MEMBER),
            endpoint("POST", "/practices/{practiceId}/review/assign", Rule.MEMBER).body("ids=%ID%&owner=admin"),
            endpoint("GET", "/practices/{practiceId}/callbacks/new", Rule.MEMBER),
            endpoint("POST", "/practices/{practiceId}/callbacks/new", Rule.MEMBER).body("category=BILLING&phone=6175550137&reason=matrix"),
            endpoint("POST", "/practices/{practiceId}/red-flag-screen", Rule.MEMBER).body("reason=chest+pain"),
            endpoint("GET", "/practices/{practiceId}/coverage", Rule.MEMBER),
            endpoint("POST", "/practices/{practiceId}/coverage", Rule.MEMBER).body("weeks=8"),
            endpoint("GET", "/practices/{practiceId}/reviews", Rule.MEMBER),
            endpoint("GET", "/practices/{practiceId}/reviews/{week}", Rule.MEMBER),
            endpoint("GET", "/practices/{practiceId}/reviews/{week}/pack.pdf", Rule.MEMBER),
            endpoint("GET", "/practices/{practiceId}/reviews/{week}/rows.csv", Rule.MANAGER).query("?table=items"),
            endpoint("GET", "/reviews", Rule.MEMBER).unscoped(),
            endpoint("GET", "/reviews/{week}", Rule.MEMBER).unscoped(),
            endpoint("GET", "/reviews/months/{month}", Rule.MEMBER).unscoped(),
            endpoint("GET", "/practices/{practiceId}/imports", Rule.MANAGER),
            endpoint("POST", "/practices/{practiceId}/imports", Rule.MANAGER).body(MULTIPART),
            endpoint("GET", "/practices/{practiceId}/imports/{jobId}", Rule.MANAGER).missing(),
            endpoint("GET", "/practices/{practiceId}/imports/{jobId}/errors.csv", Rule.MANAGER).missing(),
            endpoint("GET", "/practices/{practiceId}/ladder", Rule.MANAGER),
            endpoint("POST", "/practices/{practiceId}/ladder", Rule.MANAGER).body("c0.code=BILLING&c0.maxAttempts=3&c0.minGapMinutes=120"
                    + "&c0.differentWindow=true&c0.busyRetryMinutes=15&c0.deadNumber=OTHER_CHANNEL"));

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixtures fx;
    Map<String, String> values;
    Map<Caller, Fixtures.User> users;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
        var practice = fx.practice();
        var other = fx.practice();
        String slug = Fixtures.unique("matrix").toLowerCase();
        assertThat(fx.admin().put("/api/v1/practices/" + practice.id() + "/web-form", Api.json("{'slug': '%s', 'enabled': true}", slug))
                .status()).isEqualTo(200);
        String patient = fx.patient(practice.id(), Fixtures.phone(33));
        String callback = fx.aCallback(practice.id()).forPatient(patient).inCategory("BILLING").create().at("/id").asString();
        values = Map.of("practiceId", practice.id(), "id", callback, "patientId", patient, "slug", slug, "week", "2026-W47",
                "code", "BILLING", "category", "BILLING", "situation", "OPENING", "language", "en", "jobId", UUID.randomUUID().toString());
        values = new HashMap<>(values);
        values.put("month", "2026-10");
        users = new EnumMap<>(Caller.class);
        users.put(Caller.STAFF, fx.staff(practice.id()));
        users.put(Caller.CLINICAL, fx.clinical(practice.id()));
        users.put(Caller.MANAGER, fx.manager(practice.id()));
        users.put(Caller.OTHER_MANAGER, fx.manager(other.id()));
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> !path.equals("/error"))
                .forEach(path -> info.getMethodsCondition().getMethods().forEach(method -> mapped.add(method.name() + " " + path))));
        Set<String> listed = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> listed.add(endpoint.key()));

        assertThat(difference(mapped, listed)).as("endpoints nobody said who may use: add them to ENDPOINTS").isEmpty();
        assertThat(difference(listed, mapped)).as("ENDPOINTS lists endpoints that no longer exist").isEmpty();
    }

    @Test
    void everyEndpointAnswersEachCallerAsItsRuleSays() {
        Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
        users.forEach((caller, user) -> sessions.put(caller, Session.signIn(port, user.username(), user.password())));
        sessions.put(Caller.ADMIN, Session.signIn(port, "admin", Api.ADMIN_PASSWORD));
        sessions.put(Caller.NOBODY, Session.anonymous(port));

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                int status = call(endpoint, caller, sessions.get(caller));
                String expected = expected(endpoint, caller);
                if (!matches(expected, status)) {
                    wrong.add("%-7s %-70s as %-13s answered %d, expected %s".formatted(endpoint.method(), endpoint.path(), caller, status, expected));
                }
            }
        }

        assertThat(wrong).as("answers that break the access rules").isEmpty();
    }

    /**
     * What a caller must get: "sign-in" (401, or a redirect to the sign-in page; for a form post without a
     * session also CSRF's 403), "403", "404", or "allowed" (anything else that is not a server error).
     */
    private static String expected(Endpoint endpoint, Caller caller) {
        if (endpoint.rule() == Rule.PUBLIC) {
            return "allowed";
        }
        if (endpoint.rule() == Rule.SIGNED) {
            return "403";
        }
        if (caller == Caller.NOBODY) {
            return endpoint.api() || endpoint.method().equals("GET") ? "sign-in" : "sign-in or 403";
        }
        if (caller == Caller.ADMIN) {
            return "allowed";
        }
        if (caller == Caller.OTHER_MANAGER) {
            if (endpoint.scoped()) {
                return "404";
            }
            return endpoint.rule() == Rule.ADMIN ? "403" : "allowed";
        }
        boolean permitted = switch (endpoint.rule()) {
            case MEMBER -> true;
            case MANAGER -> caller == Caller.MANAGER;
            default -> false;
        };
        return permitted ? "allowed" : "403";
    }

    private static boolean matches(String expected, int status) {
        return switch (expected) {
            case "sign-in" -> status == 401 || status == 302;
            case "sign-in or 403" -> status == 401 || status == 302 || status == 403;
            case "403" -> status == 403;
            case "404" -> status == 404;
            default -> status != 401 && status != 403 && status != 404 && status < 500;
        };
    }

    private int call(Endpoint endpoint, Caller caller, Session session) {
        int status = session.send(endpoint, fill(endpoint.path()) + fill(endpoint.query()), body(endpoint));
        boolean allowed = expected(endpoint, caller).equals("allowed");
        return endpoint.missingOk() && allowed && status == 404 ? 200 : status;
    }

    private String fill(String pattern) {
        pattern = pattern.replace("%PATIENT%", values.get("patientId"));
        Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        var path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, values.get(variable.group(1)));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private String body(Endpoint endpoint) {
        if (endpoint.body() == null) {
            return null;
        }
        if (!endpoint.api()) {
            return endpoint.body().replace("%ID%", values.get("id"));
        }
        return Api.json(endpoint.body().replace("%WEEKDAYS%", Fixtures.WEEKDAYS_8_TO_5.replace('"', '\''))
                .replace("%PRACTICE%", values.get("practiceId"))
                .replace("%USER%", Fixtures.unique("m"))
                .replace("%SLUG%", values.get("slug"))
                .replace("%ID%", values.get("id")));
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    /** A caller: a browser session (pages, with its CSRF token) plus the same user's credentials for the API. */
    record Session(HttpClient browser, int port, String csrf, String basic) {

        static Session anonymous(int port) {
            var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            return new Session(browser, port, null, null);
        }

        static Session signIn(int port, String username, String password) {
            var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            var session = new Session(browser, port, null, null);
            String login = session.get("/login");
            Matcher token = CSRF.matcher(login);
            assertThat(token.find()).isTrue();
            session.post("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1)));
            Matcher pageToken = CSRF.matcher(session.get("/board"));
            assertThat(pageToken.find()).as("signed in as " + username).isTrue();
            String basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new Session(browser, port, pageToken.group(1), basic);
        }

        int send(Endpoint endpoint, String path, String body) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (endpoint.api()) {
                if (basic != null && !endpoint.path().startsWith("/webhooks/")) {
                    request.header("Authorization", basic);
                }
                String contentType = endpoint.path().startsWith("/fhir/") ? "application/fhir+json"
                        : endpoint.path().startsWith("/webhooks/") ? "application/x-www-form-urlencoded" : "application/json";
                request.header("Content-Type", contentType);
                request.method(endpoint.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            } else if (endpoint.method().equals("GET")) {
                request.GET();
            } else if (MULTIPART.equals(body)) {
                String boundary = "matrix" + UUID.randomUUID();
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                request.POST(HttpRequest.BodyPublishers.ofString(multipart(boundary)));
            } else {
                // A public form carries the token of its own cookie; staff pages the session's.
                String token = path.startsWith("/p/") ? publicToken(path.substring(0, path.indexOf("/callback") + "/callback".length())) : csrf;
                String form = (body == null ? "" : body) + (token == null ? "" : "&_csrf=" + encode(token));
                request.header("Content-Type", "application/x-www-form-urlencoded");
                request.method(endpoint.method(), HttpRequest.BodyPublishers.ofString(form));
            }
            try {
                return browser.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(endpoint.key(), e);
            }
        }

        private String publicToken(String formPath) {
            Matcher token = CSRF.matcher(get(formPath));
            return token.find() ? token.group(1) : null;
        }

        private String multipart(String boundary) {
            String csv = "Phone,Date/Time\r\n617-555-0150,2026-11-20 09:15\r\n";
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + (csrf == null ? "" : csrf) + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"calls.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        }

        String get(String path) {
            try {
                return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception e) {
                throw new IllegalStateException(path, e);
            }
        }

        void post(String path, String form) {
            try {
                browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(path, e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}

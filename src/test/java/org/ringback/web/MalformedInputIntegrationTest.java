package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.ringback.webform.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of malformed requests against the JSON API, the signed Twilio webhooks and the public callback form:
 * random and truncated JSON, wrong types, unknown enums, bad ids, huge strings, bad dates, duplicate keys, wrong
 * content types. None may answer 5xx, and none that is refused may leave a row behind (audit and sign-in records
 * excepted: they record refusals by design). Inputs come from jqwik generators with a fixed seed, so a failure
 * repeats; {@code -Dringback.fuzz.tries=20000 -Dringback.fuzz.seed=7} runs longer or differently.
 */
@IntegrationTest
class MalformedInputIntegrationTest {

    private static final int TRIES = Integer.getInteger("ringback.fuzz.tries", 1000);
    private static final long SEED = Long.getLong("ringback.fuzz.seed", 20261125L);
    /** Tables written on purpose for refused requests. */
    private static final List<String> RECORDS_REFUSALS = List.of("audit_event", "sign_in_event", "flyway_schema_history", "shedlock",
            "webform_rate_limit");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    Fixtures fx;
    Fixtures.Practice practice;
    String token;
    String slug;
    String callbackId;
    String patientId;
    FormClient form;
    String rowCounts;

    /** One request the fuzzer sends, described well enough to replay it by hand. */
    record Sent(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        String describe() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(path, 200) + " [" + contentType + "] " + abbreviate(text, 300);
        }
    }

    record Target(String method, String path, String template) {
    }

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900.plusSeconds(3600));
        fx = new Fixtures(port);
        practice = fx.practice();
        patientId = fx.patient(practice.id(), Fixtures.phone(60));
        callbackId = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(61), "Ann Lee").create().path("id").asString();
        token = UUID.randomUUID().toString().replace("-", "");
        var telephony = fx.admin().put("/api/v1/practices/" + practice.id() + "/telephony", Api.json("{'twilioAuthToken': '%s'}", token));
        assertThat(telephony.status()).as(telephony.raw()).isEqualTo(200);
        slug = Fixtures.unique("fuzz").toLowerCase();
        var webForm = fx.admin().put("/api/v1/practices/" + practice.id() + "/web-form", Api.json("{'slug': '%s', 'enabled': true}", slug));
        assertThat(webForm.status()).as(webForm.raw()).isEqualTo(200);
        form = new FormClient(port);
        assertThat(form.get("/p/" + slug + "/callback").status()).isEqualTo(200);
        rowCounts = rowCountQuery();
        // The FHIR validator loads on first use (tens of seconds on a busy machine): not a malformed request's doing.
        fx.admin().post("/fhir/Task", "{}");
    }

    @Test
    void malformedRequestsNeverAnswer5xxAndRefusalsWriteNothing() {
        var random = new Random(SEED);
        List<Target> api = apiTargets();
        List<String> failures = new ArrayList<>();
        int[] byClass = new int[6];
        // jqwik's generators run inside a session; outside a property they need one of their own.
        JqwikSession.start(Long.toString(SEED));
        try {
            fuzz(random, api, failures, byClass);
        } finally {
            JqwikSession.finish();
        }
        System.out.printf("Fuzz: %d requests (seed %d): 2xx %d, 3xx %d, 4xx %d, 5xx %d%n", TRIES, SEED, byClass[2], byClass[3], byClass[4], byClass[5]);
        assertThat(failures).as("requests answered 5xx or refused after writing").isEmpty();
    }

    private void fuzz(Random random, List<Target> api, List<String> failures, int[] byClass) {
        Map<String, Long> rows = counts();
        for (int i = 0; i < TRIES && failures.size() < 25; i++) {
            int pick = random.nextInt(10);
            Sent sent = pick < 7 ? apiRequest(random, api.get(random.nextInt(api.size())))
                    : pick < 9 ? webhook(random) : null;
            int status;
            String answer;
            String described;
            if (sent == null) {
                var fields = formFields(random);
                var page = form.post("/p/" + slug + "/callback", fields.toArray(String[]::new));
                status = page.status();
                answer = page.body();
                described = "POST /p/" + slug + "/callback (form) " + abbreviate(String.join("|", fields), 300);
            } else {
                var response = send(sent);
                status = response.statusCode();
                answer = response.body();
                described = sent.describe();
            }
            byClass[Math.min(status / 100, 5)]++;
            Map<String, Long> after = counts();
            String failure = null;
            if (status >= 500) {
                failure = status + " for " + described + "\n    -> " + abbreviate(answer, 300);
            } else if (status >= 400 && !after.equals(rows)) {
                failure = status + " wrote rows " + difference(rows, after) + " for " + described;
            }
            if (failure != null) {
                System.out.println("Fuzz failure: " + failure);
                failures.add(failure);
            }
            rows = after;
        }
    }

    // --- the JSON API ---

    private List<Target> apiTargets() {
        String p = "/api/v1/practices/" + practice.id();
        String c = "/api/v1/callbacks/" + callbackId;
        String at = MONDAY_0900.plusSeconds(1800).toString();
        return List.of(
                new Target("POST", "/api/v1/practices", "{'name': 'Fuzz', 'timeZone': 'America/New_York', 'holidayCalendar': 'US', "
                        + "'businessHours': " + Fixtures.WEEKDAYS_8_TO_5.replace('"', '\'') + ", 'closures': ['2026-12-24']}"),
                new Target("POST", p + "/patients", "{'displayName': 'Maria Lopez', 'mrn': 'A1', 'phones': ['+1 617 555 0134'], "
                        + "'preferredContact': 'PHONE', 'language': 'es', 'consent': {'voicemail': true, 'sms': false}}"),
                new Target("POST", p + "/callbacks", "{'channel': 'VOICEMAIL', 'category': 'BILLING', 'urgency': 'ROUTINE', "
                        + "'caller': {'phone': '+1 617 555 0170', 'name': 'Ann'}, 'reason': 'bill', 'receivedAt': '" + at + "', "
                        + "'details': {'visitType': 'follow-up'}, 'idempotencyKey': 'k1'}"),
                new Target("POST", p + "/callbacks", "{'channel': 'PORTAL', 'patientId': '" + patientId + "', 'reason': 'refill'}"),
                new Target("POST", c + "/attempts", "{'method': 'PHONE', 'at': '" + at + "', 'result': 'NO_ANSWER', 'messageLeft': false, "
                        + "'nextAction': 'again', 'duration': 'PT5M', 'version': 0}"),
                new Target("POST", c + "/assign", "{'queue': 'FRONT_DESK', 'owner': 'admin', 'version': 0}"),
                new Target("POST", c + "/wait", "{'on': 'REFERRAL_DOCUMENTS', 'note': 'n', 'expectedBy': '2026-11-30', 'version': 0}"),
                new Target("POST", c + "/resume", "{'version': 0}"),
                new Target("POST", c + "/close", "{'outcome': 'QUESTION_ANSWERED', 'note': 'n', 'details': {'a': 'b'}, 'version': 0}"),
                new Target("POST", c + "/escalate", "{'reason': 'r', 'version': 0}"),
                new Target("POST", c + "/urgency", "{'urgency': 'SAME_DAY', 'reason': 'r', 'version': 0}"),
                new Target("POST", c + "/next-step", "{'note': 'n', 'version': 0}"),
                new Target("PUT", p + "/categories/BILLING", "{'name': 'Billing', 'queue': 'FRONT_DESK', "
                        + "'responseWindow': {'kind': 'WITHIN', 'duration': 'PT4H'}, 'resolutionTarget': 'PT48H', "
                        + "'ladder': {'maxAttempts': 3, 'minGap': 'PT2H', 'differentWindow': true}, 'closureOutcomes': ['QUESTION_ANSWERED']}"),
                new Target("POST", "/api/v1/users", "{'username': 'fuzzuser', 'password': 'a-long-enough-password', 'displayName': 'F', "
                        + "'roles': ['STAFF'], 'practiceIds': ['" + practice.id() + "']}"),
                new Target("PUT", p + "/scripts", "{'category': 'ANY', 'situation': 'OPENING', 'language': 'en', 'text': 'Hello.'}"),
                new Target("POST", p + "/scripts/preview", "{'situation': 'OPENING', 'language': 'en'}"),
                new Target("PUT", p + "/telephony", "{'ownNumbers': ['+1 617 555 0100'], 'blockedNumbers': []}"),
                new Target("POST", "/fhir/Task", "{'resourceType': 'Task', 'status': 'requested', 'intent': 'order'}"),
                new Target("POST", "/fhir/CommunicationRequest", "{'resourceType': 'CommunicationRequest', 'status': 'active'}"),
                new Target("GET", p + "/callbacks?status=OPEN&limit=10&cursor=abc&queue=FRONT_DESK", null),
                new Target("GET", c, null),
                new Target("GET", p + "/review/end-of-day?date=2026-11-23", null),
                new Target("GET", p + "/reports/weekly?week=2026-W47", null),
                new Target("GET", p + "/reports/weekly/rows.csv?week=2026-W47&table=items", null),
                new Target("GET", p + "/audit?from=2026-11-23T00:00:00Z&limit=5&after=0", null),
                new Target("GET", p + "/coverage?weeks=8&target=0.9", null),
                new Target("GET", "/fhir/Task?patient=" + patientId, null));
    }

    private static final Arbitrary<String> NASTY_TEXT = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.strings().withChars('\u0000', '\uD800', '\uDFFF', '\u202E', '"', '\\', '{', '[', '%', '&', '=').ofMaxLength(20),
            Arbitraries.of("", " ", "null", "NaN", "-1", "0", "9999999999999999999999", "1e309", "../..", "%00", "%zz", "' or 1=1 --",
                    "2026-02-30", "2026-13-01T25:61:00Z", "P-1D", "PT-5M", "P999999999Y", "24:00", "not-a-uuid",
                    "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-fffffffffffff", "DROP", "ROUTINE ", "routine",
                    "SAME_DAY", "EMERGENCY", "QUESTION_ANSWERED", "ANY", "+999999999999999999", "2026-W99", "2026-W00", "\uFEFF"));

    private static final Arbitrary<String> JSON_VALUE = Arbitraries.oneOf(
            NASTY_TEXT.map(MalformedInputIntegrationTest::quoted),
            Arbitraries.of("null", "true", "false", "0", "-0", "1.5", "-2147483649", "2147483648", "1e400", "[]", "{}", "[null]",
                    "{\"a\": {}}", "[1, 2, 3]", "\"\"", "-", "01", "NaN", "Infinity", "\"\\u0000\"", "\"\\ud800\""),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf));

    private Sent apiRequest(Random random, Target target) {
        String path = target.path();
        if (random.nextInt(8) == 0) {
            path = badIds(random, path);
        }
        if (target.template() == null) {
            return new Sent("GET", badQuery(random, path), "", new byte[0], Map.of());
        }
        String valid = target.template().replace('\'', '"');
        byte[] body = mutateJson(random, valid);
        String contentType = random.nextInt(12) == 0
                ? pick(random, "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json; charset=latin1",
                "multipart/form-data; boundary=x", "application/problem+json", "*/*", "application/fhir+json", "")
                : target.path().startsWith("/fhir/") ? "application/fhir+json" : "application/json";
        return new Sent(target.method(), path, contentType, body, Map.of());
    }

    private byte[] mutateJson(Random random, String valid) {
        switch (random.nextInt(13)) {
            case 0: // truncated
                return valid.substring(0, random.nextInt(valid.length())).getBytes(StandardCharsets.UTF_8);
            case 1: // random bytes
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                return bytes;
            case 2: // random text
                return sample(random, Arbitraries.strings().all().ofMaxLength(200)).getBytes(StandardCharsets.UTF_8);
            case 3: // a huge string value (over and under the size limit)
                return replaceValue(random, valid, quoted("x".repeat(random.nextBoolean() ? 25_000 : 1_200_000))).getBytes(StandardCharsets.UTF_8);
            case 4: // deep nesting
                int depth = 500 + random.nextInt(5000);
                return replaceValue(random, valid, "[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            case 5: // duplicate keys
                int brace = valid.indexOf('{');
                return (valid.substring(0, brace + 1) + firstField(valid) + ", " + valid.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
            case 6: // an unknown field
                return valid.replaceFirst("\\{", "{\"" + sample(random, NASTY_TEXT).replace("\"", "").replace("\\", "") + "x\": "
                        + sample(random, JSON_VALUE) + ", ").getBytes(StandardCharsets.UTF_8);
            case 7: // a field removed
                return removeField(random, valid).getBytes(StandardCharsets.UTF_8);
            case 8: // not JSON text at all, or an array/scalar where an object belongs
                return pick(random, "", "[]", "null", "42", "\"text\"", "{", "}", "{\"a\"}", "{,}", "{\"a\":1,}", "[{}]",
                        "\u0000", "{\"a\": 1} trailing", "{'single': 'quotes'}", "{\"a\": 01}").getBytes(StandardCharsets.UTF_8);
            case 9: // invalid UTF-8 inside a string
                byte[] text = valid.getBytes(StandardCharsets.UTF_8);
                int at = valid.indexOf(": \"");
                if (at > 0) {
                    text[at + 3] = (byte) (0xC0 | random.nextInt(0x40));
                }
                return text;
            default: // one or more values of the wrong type, unknown enum or bad date
                String mutated = valid;
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    mutated = replaceValue(random, mutated, sample(random, JSON_VALUE));
                }
                return mutated.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Replaces the value of one "name": value pair (a string, number, boolean or null literal) with another JSON text. */
    private static String replaceValue(Random random, String json, String value) {
        var values = java.util.regex.Pattern.compile(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|true|false|null)").matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[]{values.start(1), values.end(1)});
        }
        if (spans.isEmpty()) {
            return json;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return json.substring(0, span[0]) + value + json.substring(span[1]);
    }

    private static String firstField(String json) {
        var field = java.util.regex.Pattern.compile("\"[^\"]+\":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|true|false|null)").matcher(json);
        return field.find() ? field.group() : "\"a\": 1";
    }

    private static String removeField(Random random, String json) {
        var fields = java.util.regex.Pattern.compile("\"[^\"]+\":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.]+|true|false|null),?\\s*").matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (fields.find()) {
            spans.add(new int[]{fields.start(), fields.end()});
        }
        if (spans.isEmpty()) {
            return json;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return json.substring(0, span[0]) + json.substring(span[1]);
    }

    private String badIds(Random random, String path) {
        String bad = pick(random, "not-a-uuid", "00000000-0000-0000-0000-000000000000", "%20", "..", "%2e%2e", "123",
                UUID.randomUUID().toString(), "x".repeat(5000), "%00", "%ZZ", "%C0%AF", UUID.randomUUID() + "%20");
        return path.replace(practice.id(), random.nextBoolean() ? bad : practice.id()).replace(callbackId, bad);
    }

    private String badQuery(Random random, String path) {
        int q = path.indexOf('?');
        if (q < 0) {
            return path + "?" + encode(sample(random, NASTY_TEXT)) + "=" + encode(sample(random, NASTY_TEXT));
        }
        String[] pairs = path.substring(q + 1).split("&");
        int i = random.nextInt(pairs.length);
        String name = pairs[i].substring(0, pairs[i].indexOf('='));
        String value = random.nextInt(6) == 0 ? pick(random, "%", "%zz", "%00", "a%20b%", "x".repeat(9000)) : encode(sample(random, NASTY_TEXT));
        pairs[i] = name + "=" + value;
        return path.substring(0, q + 1) + String.join("&", pairs);
    }

    // --- the Twilio webhooks, validly signed so that the fuzz reaches the parsing ---

    private Sent webhook(Random random) {
        String kind = random.nextBoolean() ? "voice" : "transcription";
        String path = "/webhooks/twilio/" + kind + "/" + practice.id();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
        params.put("From", "+16175550" + (100 + random.nextInt(900)));
        params.put("To", "+16175550100");
        params.put("CallStatus", kind.equals("voice") ? "no-answer" : "completed");
        if (kind.equals("transcription")) {
            params.put("TranscriptionText", "Please call me back");
            params.put("TranscriptionStatus", "completed");
            params.put("RecordingUrl", "https://api.twilio.com/rec/RE1");
        }
        List<String> names = new ArrayList<>(params.keySet());
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            switch (random.nextInt(5)) {
                case 0 -> params.remove(names.get(random.nextInt(names.size())));
                case 1 -> params.put(names.get(random.nextInt(names.size())), sample(random, NASTY_TEXT));
                case 2 -> params.put(names.get(random.nextInt(names.size())), "x".repeat(random.nextBoolean() ? 5_000 : 300_000));
                case 3 -> params.put(sample(random, NASTY_TEXT), sample(random, NASTY_TEXT));
                default -> params.put("CallStatus", pick(random, "", "ringing", "busy", "failed", "canceled", "in-progress", "COMPLETED", "??"));
            }
        }
        String body = random.nextInt(10) == 0
                ? pick(random, "%", "a=%zz", "&&&", "=", "CallSid", "a=1&a=2", "%E0%A4%A")
                : form(params);
        String url = "http://localhost:" + port + path;
        String signature = sign(url, parse(body));
        return new Sent("POST", path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Twilio-Signature", signature));
    }

    /** The parameters as the webhook reads them (the last of a repeated name wins); undecodable bodies sign as none. */
    private static Map<String, String> parse(String body) {
        var params = new LinkedHashMap<String, String>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException undecodable) {
            return Map.of();
        }
        return params;
    }

    /** Twilio's documented signature: HMAC-SHA1 under the auth token of the URL and each parameter, sorted by name. */
    private String sign(String url, Map<String, String> params) {
        var data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    // --- the public callback form (with its CSRF cookie and token) ---

    private List<String> formFields(Random random) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("name", "Ann Lee", "phone", "6175550" + (100 + random.nextInt(900)),
                "reason", "BILLING", "details", "my bill", "windows", "MORNING", "voicemail", "true", "sms", "false"));
        List<String> names = new ArrayList<>(fields.keySet());
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            String name = random.nextInt(8) == 0 ? pick(random, "key", "website", "_csrf", "lang") : names.get(random.nextInt(names.size()));
            fields.put(name, random.nextInt(10) == 0 ? "x".repeat(random.nextBoolean() ? 3_000 : 200_000) : sample(random, NASTY_TEXT));
        }
        List<String> flat = new ArrayList<>();
        fields.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        return flat;
    }

    // --- sending and counting ---

    private HttpResponse<String> send(Sent sent) {
        try {
            var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sent.path())).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            if (sent.path().startsWith("/webhooks/")) {
                builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sent.path())).timeout(Duration.ofSeconds(120));
            }
            if (!sent.contentType().isEmpty()) {
                builder.header("Content-Type", sent.contentType());
            }
            sent.headers().forEach(builder::header);
            builder.method(sent.method(), sent.method().equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException unsendable) {
            // A path the HTTP client itself refuses to send (e.g. a bare '%'): nothing reached the server.
            return new NothingSent(400, "");
        } catch (IOException e) {
            // No answer at all (dropped, or none within the timeout): as bad as a 5xx.
            return new NothingSent(599, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Row counts of every table the app writes: a practice's own rows for the tables keyed by practice, else all. */
    private String rowCountQuery() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
                .query(String.class).list();
        List<String> keyed = jdbc.sql("""
                        select table_name from information_schema.columns
                        where table_schema = 'public' and column_name = 'practice_id'""")
                .query(String.class).list();
        return tables.stream().filter(t -> !RECORDS_REFUSALS.contains(t))
                .map(t -> "select '" + t + "' as t, count(*) as n from " + t
                        + (keyed.contains(t) ? " where practice_id = '" + practice.id() + "'::uuid" : ""))
                .collect(Collectors.joining(" union all "));
    }

    private Map<String, Long> counts() {
        return jdbc.sql(rowCounts).query((rs, n) -> Map.entry(rs.getString("t"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static String difference(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " " + before.get(e.getKey()) + "->" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static <T> T sample(Random random, Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = arbitrary.generator(100);
        return generator.next(random).value();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String quoted(String text) {
        var out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append(ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }

    /**
     * Stands for a request without an answer: one the client could not build (a 400 the server never saw), or one
     * the server dropped or left unanswered (599).
     */
    private static final class NothingSent implements HttpResponse<String> {
        private final int status;
        private final String body;

        NothingSent(int status, String body) {
            this.status = status;
            this.body = body;
        }

        @Override public int statusCode() { return status; }
        @Override public HttpRequest request() { return null; }
        @Override public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        @Override public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true); }
        @Override public String body() { return body; }
        @Override public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        @Override public URI uri() { return null; }
        @Override public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}

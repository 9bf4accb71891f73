package org.ringback.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Small builders for integration test data over the real API: each test makes its own practice (a unique
 * name), its own users and patients, so tests sharing one database never see each other's data.
 */
public final class Fixtures {

    /** Monday 2026-11-23 09:00 in New York (EST, UTC-5): the instant most tests start at. */
    public static final Instant MONDAY_0900 = Instant.parse("2026-11-23T14:00:00Z");

    /** Monday to Friday 08:00-17:00, the hours of a practice made by {@link #practice()}. */
    public static final String WEEKDAYS_8_TO_5 = Api.json("""
            {'MONDAY': [{'start': '08:00', 'end': '17:00'}], 'TUESDAY': [{'start': '08:00', 'end': '17:00'}],
             'WEDNESDAY': [{'start': '08:00', 'end': '17:00'}], 'THURSDAY': [{'start': '08:00', 'end': '17:00'}],
             'FRIDAY': [{'start': '08:00', 'end': '17:00'}]}""");

    public static final String PASSWORD = "correct-horse-battery";

    public record Practice(String id, String name) {
    }

    public record User(String username, String password, Api api) {
    }

    private final int port;
    private final Api admin;

    public Fixtures(int port) {
        this.port = port;
        this.admin = Api.admin(port);
    }

    public Api admin() {
        return admin;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A New York practice open Monday to Friday 08:00-17:00 with the US holiday calendar. */
    public Practice practice() {
        return practice(WEEKDAYS_8_TO_5, "[]");
    }

    public Practice practice(String businessHoursJson, String closuresJson) {
        String name = unique("Lakeside Family Medicine");
        var response = admin.post("/api/v1/practices", Api.json("""
                {'name': '%s', 'timeZone': 'America/New_York', 'holidayCalendar': 'US',
                 'businessHours': %s, 'closures': %s}""", name, businessHoursJson, closuresJson));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new Practice(response.text("/id"), name);
    }

    /** A user with the given roles working the given practice, and a client signed in as it. */
    public User user(String practiceId, String... roles) {
        String username = unique("user").toLowerCase();
        var response = admin.post("/api/v1/users", Api.json("""
                {'username': '%s', 'password': '%s', 'displayName': 'Dana R.', 'roles': %s, 'practiceIds': ['%s']}""",
                username, PASSWORD, jsonArray(roles), practiceId));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return new User(username, PASSWORD, Api.as(port, username, PASSWORD));
    }

    public User staff(String practiceId) {
        return user(practiceId, "STAFF");
    }

    public User clinical(String practiceId) {
        return user(practiceId, "CLINICAL");
    }

    public User manager(String practiceId) {
        return user(practiceId, "MANAGER");
    }

    /** A patient with one phone and consent to voicemail only. */
    public String patient(String practiceId, String phone) {
        return patient(practiceId, phone, "{'voicemail': true, 'detailedVoicemail': false, 'sms': false, 'portal': false, 'email': false}");
    }

    public String patient(String practiceId, String phone, String consentJson) {
        var response = admin.post("/api/v1/practices/" + practiceId + "/patients", Api.json("""
                {'displayName': 'Maria Lopez', 'mrn': '%s', 'phones': ['%s'], 'preferredContact': 'PHONE', 'language': 'en',
                 'consent': %s}""", unique("MRN"), phone, consentJson.replace('\'', '"')));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("/id");
    }

    /** A fictional but valid US number, +1 617 555 01nn. */
    public static String phone(int n) {
        return "+1 617 555 01%02d".formatted(n);
    }

    public static String e164(int n) {
        return "+161755501%02d".formatted(n);
    }

    public CallbackBuilder aCallback(String practiceId) {
        return new CallbackBuilder(practiceId);
    }

    /** A callback request, built field by field; {@link #json()} leaves out what was not set. */
    public final class CallbackBuilder {
        private final String practiceId;
        private String channel = "VOICEMAIL";
        private String category;
        private String urgency;
        private String patientId;
        private String callerPhone;
        private String callerName;
        private String reason = "Please call me back";
        private Instant receivedAt = MONDAY_0900;
        private String detailsJson;
        private String idempotencyKey;

        private CallbackBuilder(String practiceId) {
            this.practiceId = practiceId;
        }

        public CallbackBuilder channel(String value) {
            channel = value;
            return this;
        }

        public CallbackBuilder inCategory(String value) {
            category = value;
            return this;
        }

        public CallbackBuilder urgency(String value) {
            urgency = value;
            return this;
        }

        public CallbackBuilder forPatient(String value) {
            patientId = value;
            return this;
        }

        public CallbackBuilder fromCaller(String phone, String name) {
            callerPhone = phone;
            callerName = name;
            return this;
        }

        public CallbackBuilder reason(String value) {
            reason = value;
            return this;
        }

        public CallbackBuilder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        public CallbackBuilder details(String json) {
            detailsJson = json.replace('\'', '"');
            return this;
        }

        public CallbackBuilder idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        public String json() {
            List<String> fields = new ArrayList<>();
            if (channel != null) {
                fields.add(field("channel", channel));
            }
            if (category != null) {
                fields.add(field("category", category));
            }
            if (urgency != null) {
                fields.add(field("urgency", urgency));
            }
            if (patientId != null) {
                fields.add(field("patientId", patientId));
            }
            if (callerPhone != null || callerName != null) {
                fields.add("\"caller\": {" + field("phone", callerPhone) + ", " + field("name", callerName) + "}");
            }
            if (reason != null) {
                fields.add(field("reason", reason));
            }
            if (receivedAt != null) {
                fields.add(field("receivedAt", receivedAt.toString()));
            }
            if (detailsJson != null) {
                fields.add("\"details\": " + detailsJson);
            }
            if (idempotencyKey != null) {
                fields.add(field("idempotencyKey", idempotencyKey));
            }
            return "{" + String.join(", ", fields) + "}";
        }

        public Api.Response postAs(Api api) {
            return api.post("/api/v1/practices/" + practiceId + "/callbacks", json());
        }

        /** Posts as admin, expects a new item (201), and answers its representation. */
        public JsonNode create() {
            var response = postAs(admin);
            assertThat(response.status()).as(response.raw()).isEqualTo(201);
            return response.body();
        }
    }

    /** The ids of a list answer's items, in order. */
    public static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.at("/items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** The field names of a problem's {@code errors} array. */
    public static List<String> errorFields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json("/errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    /** True for a JSON null or an absent field. */
    public static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private static String field(String name, String value) {
        return "\"" + name + "\": " + (value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    private static String jsonArray(String... values) {
        return "[" + String.join(", ", java.util.Arrays.stream(values).map(v -> "'" + v + "'").toList()) + "]";
    }
}

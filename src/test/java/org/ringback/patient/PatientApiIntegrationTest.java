package org.ringback.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.errorFields;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class PatientApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Fixtures.Practice practice;
    Fixtures.User staff;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fx = new Fixtures(port);
        practice = fx.practice();
        staff = fx.staff(practice.id());
    }

    private String patients() {
        return "/api/v1/practices/" + practice.id() + "/patients";
    }

    private static String body(String mrn, String phonesJson) {
        return Api.json("""
                {'displayName': 'Maria Lopez', 'mrn': '%s', 'phones': %s, 'preferredContact': 'PHONE',
                 'preferredWindows': ['AFTERNOON'], 'language': 'es',
                 'consent': {'voicemail': true, 'detailedVoicemail': false, 'sms': true, 'portal': false, 'email': false}}""",
                mrn, phonesJson);
    }

    @Test
    void staffRegistersAPatientWithPhonesInE164() {
        var created = staff.api().post(patients(), body("A10023", "['+1 617 555 0134', '(617) 555-0135']"));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("/id")).isNotBlank();
        assertThat(created.text("/practiceId")).isEqualTo(practice.id());
        assertThat(created.text("/displayName")).isEqualTo("Maria Lopez");
        assertThat(created.text("/mrn")).isEqualTo("A10023");
        assertThat(created.json("/phones")).hasSize(2);
        assertThat(created.text("/phones/0")).isEqualTo("+16175550134");
        assertThat(created.text("/phones/1")).isEqualTo("+16175550135");
        assertThat(created.text("/preferredContact")).isEqualTo("PHONE");
        assertThat(created.text("/preferredWindows/0")).isEqualTo("AFTERNOON");
        assertThat(created.text("/language")).isEqualTo("es");
        assertThat(created.json("/consent/sms").asBoolean()).isTrue();
        assertThat(created.json("/consent/detailedVoicemail").asBoolean()).isFalse();

        var read = staff.api().get(patients() + "/" + created.text("/id"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/phones/0")).isEqualTo("+16175550134");
    }

    @Test
    void invalidPhoneIsRefusedNamingItsIndexWithoutEchoingIt() {
        var response = staff.api().post(patients(), body("A10024", "['+1 617 555 0136', '555-01']"));

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(errorFields(response)).containsExactly("phones[1]");
        assertThat(response.raw()).doesNotContain("555-01\"");

        var first = staff.api().post(patients(), body("A10025", "['not a phone']"));
        assertThat(first.status()).isEqualTo(400);
        assertThat(errorFields(first)).containsExactly("phones[0]");
    }

    @Test
    void duplicateMrnInOnePracticeIsAConflictButAnotherPracticeMayReuseIt() {
        assertThat(staff.api().post(patients(), body("MRN-7", "['+1 617 555 0137']")).status()).isEqualTo(201);

        var duplicate = staff.api().post(patients(), body("MRN-7", "['+1 617 555 0138']"));
        assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(409);
        assertThat(duplicate.text("/detail")).containsIgnoringCase("MRN");

        var otherPractice = fx.practice();
        var elsewhere = fx.admin().post("/api/v1/practices/" + otherPractice.id() + "/patients", body("MRN-7", "['+1 617 555 0137']"));
        assertThat(elsewhere.status()).as(elsewhere.raw()).isEqualTo(201);
    }

    @Test
    void missingOrMalformedFieldsAreRefused() {
        var noName = staff.api().post(patients(), body("A1", "['+1 617 555 0139']").replace("\"displayName\": \"Maria Lopez\",", ""));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(errorFields(noName)).containsExactly("displayName");

        var noConsent = staff.api().post(patients(), Api.json("{'displayName': 'Maria Lopez', 'phones': ['+1 617 555 0139']}"));
        assertThat(noConsent.status()).isEqualTo(400);
        assertThat(errorFields(noConsent)).containsExactly("consent");

        var badContact = staff.api().post(patients(), body("A2", "['+1 617 555 0139']").replace("\"PHONE\"", "\"PIGEON\""));
        assertThat(badContact.status()).isEqualTo(400);
        assertThat(errorFields(badContact)).containsExactly("preferredContact");

        var notJson = staff.api().post(patients(), "{'displayName': ");
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void nulCharacterInANameIsRefusedWith4xxNot500() {
        var response = staff.api().post(patients(), body("A3", "['+1 617 555 0139']").replace("Maria Lopez", "Maria \\u0000Lopez"));

        assertThat(response.status()).as(response.raw()).isBetween(400, 499);
    }

    @Test
    void unknownPatientIs404AndMalformedIdIs400() {
        assertThat(staff.api().get(patients() + "/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(staff.api().get(patients() + "/xyz").status()).isEqualTo(400);
    }
}

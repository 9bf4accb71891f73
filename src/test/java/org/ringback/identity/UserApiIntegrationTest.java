package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.errorFields;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class UserApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;
    Api admin;
    Fixtures.Practice practice;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
        fx = new Fixtures(port);
        admin = fx.admin();
        practice = fx.practice();
    }

    private static String user(String username, String password, String roles, String practiceId) {
        return Api.json("{'username': '%s', 'password': '%s', 'displayName': 'Sam Ortiz', 'roles': %s, 'practiceIds': ['%s']}",
                username, password, roles, practiceId);
    }

    @Test
    void adminCreatesAUserWhoCanSignIn() {
        String username = Fixtures.unique("sam").toLowerCase();

        var created = admin.post("/api/v1/users", user(username, "a-long-passphrase", "['STAFF', 'CLINICAL']", practice.id()));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.text("/id")).isNotBlank();
        assertThat(created.text("/username")).isEqualTo(username);
        assertThat(created.text("/displayName")).isEqualTo("Sam Ortiz");
        assertThat(created.json("/roles")).hasSize(2);
        assertThat(created.text("/practiceIds/0")).isEqualTo(practice.id());
        assertThat(created.raw()).doesNotContain("a-long-passphrase");

        var me = Api.as(port, username, "a-long-passphrase").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/username")).isEqualTo(username);
        assertThat(me.text("/displayName")).isEqualTo("Sam Ortiz");
    }

    @Test
    void duplicateUsernameIsAConflict() {
        String username = Fixtures.unique("kim").toLowerCase();
        assertThat(admin.post("/api/v1/users", user(username, "a-long-passphrase", "['STAFF']", practice.id())).status()).isEqualTo(201);

        var again = admin.post("/api/v1/users", user(username, "another-long-passphrase", "['STAFF']", practice.id()));

        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        // The first user's password still works: nothing was overwritten.
        assertThat(Api.as(port, username, "a-long-passphrase").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void invalidUsersAreRefusedNamingTheField() {
        var shortPassword = admin.post("/api/v1/users", user(Fixtures.unique("lee").toLowerCase(), "short", "['STAFF']", practice.id()));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(errorFields(shortPassword)).containsExactly("password");
        assertThat(shortPassword.raw()).doesNotContain("short\"");

        var elevenChars = admin.post("/api/v1/users", user(Fixtures.unique("lee").toLowerCase(), "12345678901", "['STAFF']", practice.id()));
        assertThat(elevenChars.status()).isEqualTo(400);
        assertThat(errorFields(elevenChars)).containsExactly("password");

        var unknownRole = admin.post("/api/v1/users", user(Fixtures.unique("lee").toLowerCase(), "a-long-passphrase", "['JANITOR']", practice.id()));
        assertThat(unknownRole.status()).isEqualTo(400);

        var badName = admin.post("/api/v1/users", user("Bad Name!", "a-long-passphrase", "['STAFF']", practice.id()));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(errorFields(badName)).containsExactly("username");

        var noPractice = admin.post("/api/v1/users", Api.json(
                "{'username': '%s', 'password': 'a-long-passphrase', 'displayName': 'X', 'roles': ['STAFF'], 'practiceIds': []}",
                Fixtures.unique("lee").toLowerCase()));
        assertThat(noPractice.status()).isIn(400, 422);
        assertThat(errorFields(noPractice)).containsExactly("practiceIds");
    }

    @Test
    void userForAnUnknownPracticeIsRefusedNotAServerError() {
        String username = Fixtures.unique("ghost").toLowerCase();

        var response = admin.post("/api/v1/users", user(username, "a-long-passphrase", "['STAFF']", "00000000-0000-0000-0000-000000000000"));

        assertThat(response.status()).as(response.raw()).isIn(404, 422);
        assertThat(Api.as(port, username, "a-long-passphrase").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void managerCreatesNonAdminUsersForItsOwnPracticeOnly() {
        var manager = fx.manager(practice.id());
        var otherPractice = fx.practice();

        var staff = manager.api().post("/api/v1/users", user(Fixtures.unique("ana").toLowerCase(), "a-long-passphrase", "['STAFF']", practice.id()));
        assertThat(staff.status()).as(staff.raw()).isEqualTo(201);

        var anAdmin = manager.api().post("/api/v1/users", Api.json(
                "{'username': '%s', 'password': 'a-long-passphrase', 'displayName': 'X', 'roles': ['ADMIN'], 'practiceIds': ['%s']}",
                Fixtures.unique("ana").toLowerCase(), practice.id()));
        assertThat(anAdmin.status()).isEqualTo(403);

        var elsewhere = manager.api().post("/api/v1/users", user(Fixtures.unique("ana").toLowerCase(), "a-long-passphrase", "['STAFF']", otherPractice.id()));
        assertThat(elsewhere.status()).isIn(403, 404);
    }

    @Test
    void staffMayNotCreateUsers() {
        var staff = fx.staff(practice.id());

        var response = staff.api().post("/api/v1/users", user(Fixtures.unique("eve").toLowerCase(), "a-long-passphrase", "['STAFF']", practice.id()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unauthenticatedRequestGets401WithABasicChallenge() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));

        var anonymousPost = Api.anonymous(port).post("/api/v1/practices/" + practice.id() + "/callbacks", "{}");
        assertThat(anonymousPost.status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/api/v1/practices").status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordOrUnknownUserGets401() throws IOException, InterruptedException {
        var staff = fx.staff(practice.id());

        assertThat(Api.as(port, staff.username(), "not-the-password").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "nobody-" + Fixtures.unique("x"), "whatever-password").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, "admin", "wrong").get("/api/v1/practices").status()).isEqualTo(401);
    }
}

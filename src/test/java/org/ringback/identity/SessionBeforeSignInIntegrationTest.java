package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.StaffSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Anonymous requests to the staff pages write no session: a session row exists only once a sign-in succeeds. */
@IntegrationTest
class SessionBeforeSignInIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSignInPageAProtectedPageAndAWrongPasswordWriteNoSession() {
        var fixtures = new Fixtures(port);
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        var browser = StaffSession.anonymous(port);
        long started = System.currentTimeMillis();

        HttpResponse<String> board = browser.get("/practices/" + practice.id() + "/board");
        HttpResponse<String> form = browser.get("/login");
        HttpResponse<String> wrong = browser.post("/login", "username=" + StaffSession.encode(staff.username()) + "&password=not-the-password");
        HttpResponse<String> noToken = browser.postWithoutToken("/login",
                "username=" + StaffSession.encode(staff.username()) + "&password=" + StaffSession.encode(Fixtures.PASSWORD));

        assertThat(board.statusCode()).isEqualTo(302);
        assertThat(form.body()).contains("name=\"_csrf\"");
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(noToken.statusCode()).as("a sign-in without the form's token is refused").isEqualTo(403);
        assertThat(List.of(board, form, wrong, noToken)).allSatisfy(response -> assertThat(response.headers().allValues("Set-Cookie"))
                .noneMatch(cookie -> cookie.startsWith("SESSION=")));
        assertThat(jdbc.sql("select count(*) from spring_session where creation_time >= :since").param("since", started)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSignInAfterAProtectedPageGoesBackToItAndStartsOneSession() {
        var fixtures = new Fixtures(port);
        var practice = fixtures.practice();
        var staff = fixtures.staff(practice.id());
        var browser = StaffSession.anonymous(port);
        String board = "/practices/" + practice.id() + "/board";

        browser.get(board);
        browser.get("/login");
        HttpResponse<String> signIn = browser.post("/login",
                "username=" + StaffSession.encode(staff.username()) + "&password=" + StaffSession.encode(Fixtures.PASSWORD));
        String back = signIn.headers().firstValue("Location").orElse("");

        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(back).contains(board);
        assertThat(browser.get(back).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :name").param("name", staff.username())
                .query(Long.class).single()).isEqualTo(1);
    }
}

package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic with remembered password checks, through the real filter chain: a wrong password is refused right after
 * the right one was accepted, and a changed password hash refuses the old password at once. (Lock-out despite a
 * remembered check: SignInSecurityIntegrationTest, whose right password is accepted before the account locks.)
 */
@IntegrationTest
class VerifiedPasswordsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void setUp() {
        clock.set(Fixtures.MONDAY_0900);
    }

    @Test
    void theApiRemembersOnlyTheRightPasswordAndForgetsItWhenThePasswordChanges() {
        var fixtures = new Fixtures(port);
        var staff = fixtures.staff(fixtures.practice().id());
        assertThat(encoder).isInstanceOf(VerifiedPasswords.class);

        assertThat(staff.api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(staff.api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(Api.as(port, staff.username(), staff.password() + "x").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.as(port, staff.username(), "").get("/api/v1/me").status()).isEqualTo(401);

        jdbc.sql("update app_user set password_hash = :hash where username = :username")
                .param("hash", encoder.encode("A-brand-new-passphrase-42"))
                .param("username", staff.username())
                .update();

        assertThat(staff.api().get("/api/v1/me").status()).as("the old password, remembered a moment ago").isEqualTo(401);
        assertThat(Api.as(port, staff.username(), "A-brand-new-passphrase-42").get("/api/v1/me").status()).isEqualTo(200);
    }
}

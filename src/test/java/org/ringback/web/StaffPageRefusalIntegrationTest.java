package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.StaffSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A staff page refused by the domain answers with the API's status for that refusal, and the reason in words. */
@IntegrationTest
class StaffPageRefusalIntegrationTest {

    @LocalServerPort
    int port;

    StaffSession manager;
    String practiceId;

    @BeforeEach
    void setUp() {
        var fx = new Fixtures(port);
        practiceId = fx.practice().id();
        manager = StaffSession.signIn(port, fx.manager(practiceId).username(), Fixtures.PASSWORD);
    }

    @Test
    void unreadableInputIsABadRequestNotAConflict() {
        var weeks = manager.get("/practices/" + practiceId + "/coverage?weeks=0");
        assertThat(weeks.statusCode()).isEqualTo(400);
        assertThat(weeks.body()).contains("weeks").contains("between 1 and 52");

        var target = manager.get("/practices/" + practiceId + "/coverage?target=1.5");
        assertThat(target.statusCode()).isEqualTo(400);
        assertThat(target.body()).contains("target");

        assertThat(manager.get("/practices/" + practiceId + "/reviews/last-tuesday").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownPracticeIsNotFound() {
        var page = manager.get("/practices/" + UUID.randomUUID() + "/coverage");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("not found");
    }
}

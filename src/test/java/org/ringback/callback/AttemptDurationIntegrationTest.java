package org.ringback.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An attempt may say how long it took; coverage planning sizes the desk from those durations. */
@IntegrationTest
class AttemptDurationIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900.plus(Duration.ofHours(1)));
        fx = new Fixtures(port);
    }

    @Test
    void anAttemptKeepsItsDurationAndRefusesAnImpossibleOne() {
        var practice = fx.practice();
        String id = fx.aCallback(practice.id()).inCategory("BILLING").fromCaller(Fixtures.phone(95), "D").create().get("id").asString();
        Api admin = fx.admin();

        var timed = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:30:00-05:00', 'result': 'NO_ANSWER', 'nextAction': 'again', 'duration': 'PT1M30S'}"));
        assertThat(timed.status()).as(timed.raw()).isEqualTo(201);
        assertThat(timed.text("/attempts/0/duration")).isEqualTo("PT1M30S");

        var negative = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:40:00-05:00', 'result': 'NO_ANSWER', 'nextAction': 'again', 'duration': '-PT1M'}"));
        var malformed = admin.post("/api/v1/callbacks/" + id + "/attempts", Api.json(
                "{'method': 'PHONE', 'at': '2026-11-23T09:40:00-05:00', 'result': 'NO_ANSWER', 'nextAction': 'again', 'duration': 'ten minutes'}"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(Fixtures.errorFields(negative)).containsExactly("duration");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(Fixtures.errorFields(malformed)).containsExactly("duration");
        assertThat(admin.get("/api/v1/callbacks/" + id).json("/attemptCount").asInt()).as("refused attempts store nothing").isEqualTo(1);
    }
}

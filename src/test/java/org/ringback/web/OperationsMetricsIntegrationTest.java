package org.ringback.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringback.support.Fixtures.MONDAY_0900;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringback.callback.EscalationSweep;
import org.ringback.support.Api;
import org.ringback.support.Fixtures;
import org.ringback.support.IntegrationTest;
import org.ringback.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health for the load balancer, Prometheus metrics for operators: counts only, no patient data, admins only. */
@IntegrationTest
class OperationsMetricsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    EscalationSweep sweep;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        clock.set(MONDAY_0900);
        fx = new Fixtures(port);
    }

    @Test
    void healthIsOpenForLoadBalancers() {
        var health = Api.anonymous(port).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("/status")).isEqualTo("UP");
    }

    @Test
    void metricsAreForAdminsOnly() {
        var practice = fx.practice();

        assertThat(Api.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(fx.manager(practice.id()).api().get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.admin(port).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(Api.admin(port).get("/actuator/env").status()).as("nothing else is exposed").isEqualTo(404);
    }

    @Test
    void intakeOpenItemsAndSweepsAreCountedWithoutPatientData() {
        var practice = fx.practice();
        String before = metrics();
        String phone = Fixtures.phone(77);

        fx.aCallback(practice.id()).fromCaller(phone, "Zebediah Quuxworth").reason("Chest pain since this morning").create();
        sweep.sweep();
        clock.advance(Duration.ofSeconds(31));
        String after = metrics();

        assertThat(value(after, "ringback_intake_total{channel=\"VOICEMAIL\",result=\"CREATED\"}"))
                .isEqualTo(value(before, "ringback_intake_total{channel=\"VOICEMAIL\",result=\"CREATED\"}") + 1);
        assertThat(value(after, "ringback_callbacks_open")).isGreaterThanOrEqualTo(value(before, "ringback_callbacks_open") + 1);
        assertThat(value(after, "ringback_sweep_duration_seconds_count"))
                .isEqualTo(value(before, "ringback_sweep_duration_seconds_count") + 1);
        assertThat(after).contains("ringback_callbacks_overdue");
        assertThat(after).doesNotContain("Zebediah", "Quuxworth", "Chest pain", phone.replaceAll("\\D", "").substring(1), practice.id());
    }

    private String metrics() {
        var response = Api.admin(port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.raw();
    }

    /** A sample's value, 0 when the series does not exist yet. */
    private static double value(String exposition, String series) {
        var line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(exposition);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}

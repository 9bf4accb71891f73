package org.ringback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ringback.support.Api;
import org.ringback.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SmokeIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void adminSeesItself() {
        var me = Api.admin(port).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("/username")).isEqualTo("admin");
    }
}

package org.ringback.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class TelephonyPropertiesTest {

    @Test
    void thePublicBaseUrlComesFromTheEnvironmentVariableTheReadmeNames() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test",
                Map.of("RINGBACK_TELEPHONY_PUBLIC_BASE_URL", "https://ringback.example.org")));

        var properties = Binder.get(environment).bindOrCreate("ringback.telephony", TelephonyProperties.class);

        assertThat(properties.publicBaseUrl()).isEqualTo("https://ringback.example.org");
        assertThat(properties.worker().maxAttempts()).isEqualTo(8);
        assertThat(properties.worker().retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }
}

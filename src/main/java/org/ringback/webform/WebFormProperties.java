package org.ringback.webform;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The web form's spam limits: at most {@code rateLimit} posts per client address and practice in each fixed
 * {@code rateWindow} (counted in PostgreSQL, so every app instance shares the count).
 */
@Validated
@ConfigurationProperties("ringback.webform")
record WebFormProperties(@Min(1) Integer rateLimit, @NotNull Duration rateWindow) {

    WebFormProperties {
        rateLimit = rateLimit == null ? 10 : rateLimit;
        rateWindow = rateWindow == null ? Duration.ofMinutes(15) : rateWindow;
    }
}

package org.ringback.identity;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword the bootstrap admin's password ({@code RINGBACK_ADMIN_PASSWORD}); generated when empty
 * @param dataDir       where the generated password is written ({@code RINGBACK_DATA_DIR})
 */
@ConfigurationProperties("ringback")
record IdentityProperties(String adminPassword, @DefaultValue("data") Path dataDir) {
}

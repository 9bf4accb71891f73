package org.ringback.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the user {@code admin} on first start, with the configured password or a generated one (API.md). */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String FIRST_START_LOCK = "ringback.admin-bootstrap";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Users users;
    private final PasswordEncoder encoder;
    private final IdentityProperties properties;
    private final Clock clock;

    AdminBootstrap(Users users, PasswordEncoder encoder, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Instances started together on an empty database would both create the admin; the second would fail.
        users.lockUntilCommit(FIRST_START_LOCK);
        if (users.exists(ADMIN)) {
            return;
        }
        String configured = properties.adminPassword();
        String password = configured == null || configured.isBlank() ? generatedPassword() : configured;
        users.insert(new CurrentUser(UUID.randomUUID(), ADMIN, "Administrator", Set.of(Role.ADMIN), Set.of()),
                encoder.encode(password), clock.instant());
        if (configured == null || configured.isBlank()) {
            Path file = properties.dataDir().resolve("initial-admin-password");
            writeOwnerOnly(file, password);
            log.info("Created user 'admin' with the generated password {} (also in {})", password, file.toAbsolutePath());
        } else {
            log.info("Created user 'admin' with the password from RINGBACK_ADMIN_PASSWORD");
        }
    }

    private static String generatedPassword() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static void writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, password + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the initial admin password", e);
        }
    }
}

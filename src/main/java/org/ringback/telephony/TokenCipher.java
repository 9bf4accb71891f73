package org.ringback.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Practices' Twilio auth tokens at rest: AES-GCM (Spring Security's {@code Encryptors.delux}) under a key kept
 * outside the database, so a copy or a backup of the database does not carry a credential that signs webhooks.
 * The key is {@code ringback.telephony.token-key} ({@code RINGBACK_TELEPHONY_TOKEN_KEY}, which several instances on
 * one database must share) or, when that is empty, a random key written once to {@code <data-dir>/telephony-token-key}.
 */
@Component
class TokenCipher {

    /** Marks a sealed value; a stored value without it was written before tokens were sealed. */
    static final String SEALED = "aesgcm:";
    static final String KEY_FILE = "telephony-token-key";
    /** The key is random (or chosen by the operator), so a fixed salt only separates this use of it from others. */
    private static final String SALT = HexFormat.of().formatHex("ringback-twilio-token".getBytes(StandardCharsets.UTF_8));

    private final TextEncryptor encryptor;

    TokenCipher(TelephonyProperties properties, @Value("${ringback.data-dir:data}") Path dataDir) {
        String key = properties.tokenKey().isBlank() ? keyFile(dataDir.resolve(KEY_FILE)) : properties.tokenKey().strip();
        this.encryptor = Encryptors.delux(key, SALT);
    }

    String seal(String token) {
        return SEALED + encryptor.encrypt(token);
    }

    /**
     * The token of a stored value (one stored before sealing is returned as it is); empty when the value was sealed
     * under another key (instances that do not share one, or a restore without the key).
     */
    Optional<String> open(String stored) {
        if (!isSealed(stored)) {
            return Optional.of(stored);
        }
        try {
            return Optional.of(encryptor.decrypt(stored.substring(SEALED.length())));
        } catch (IllegalStateException | IllegalArgumentException wrongKey) {
            return Optional.empty();
        }
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(SEALED);
    }

    private static String keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = HexFormat.of().formatHex(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The file system has no POSIX permissions; the data directory's own access applies.
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the telephony token key " + file, e);
        }
    }
}

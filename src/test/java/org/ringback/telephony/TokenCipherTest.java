package org.ringback.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dataDir;

    @Test
    void aSealedTokenOpensToItselfAndDoesNotShowIt() {
        var cipher = cipher("a-key-chosen-by-the-operator");

        String sealed = cipher.seal(TOKEN);

        assertThat(sealed).startsWith(TokenCipher.SEALED).doesNotContain(TOKEN);
        assertThat(cipher.seal(TOKEN)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(sealed)).contains(TOKEN);
    }

    @Test
    void aTokenStoredBeforeSealingOpensAsItWasStored() {
        assertThat(cipher("key").open(TOKEN)).contains(TOKEN);
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        String sealed = cipher("one key").seal(TOKEN);

        assertThat(cipher("another key").open(sealed)).isEmpty();
    }

    @Test
    void withoutAConfiguredKeyARandomOneIsKeptInTheDataDirectoryForTheOwnerOnly() throws IOException {
        String sealed = cipher("").seal(TOKEN);
        Path file = dataDir.resolve(TokenCipher.KEY_FILE);

        assertThat(Files.readString(file).strip()).hasSize(64);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(cipher("").open(sealed)).as("the next start reads the same key").contains(TOKEN);
    }

    private TokenCipher cipher(String key) {
        return new TokenCipher(new TelephonyProperties("", new TelephonyProperties.Worker(null, 100, 8, null), key), dataDir);
    }
}

package org.ringback.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ringback.support.TestClock;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The remembered password checks: only successes, only for the same stored hash, only for a minute. */
class VerifiedPasswordsTest {

    /** A plain-text encoder that counts how often it is really asked. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        @SuppressWarnings("deprecation")
        public String encode(CharSequence raw) {
            return NoOpPasswordEncoder.getInstance().encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return raw.toString().equals(encoded);
        }
    }

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T12:00:00Z"));
    final CountingEncoder bcrypt = new CountingEncoder();
    final VerifiedPasswords passwords = new VerifiedPasswords(bcrypt, clock, Duration.ofSeconds(60));

    @Test
    void aRightPasswordIsCheckedOnceAMinute() {
        assertThat(passwords.matches("right-one", "right-one")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(passwords.matches("right-one", "right-one")).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(passwords.matches("right-one", "right-one")).isTrue();
        assertThat(bcrypt.checks).as("expired after 60 s").hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverServedFromMemoryEvenRightAfterTheRightOne() {
        assertThat(passwords.matches("right-one", "right-one")).isTrue();

        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("wrong-one", "right-one")).isFalse();
            assertThat(passwords.matches("right-on", "right-one")).isFalse();
            assertThat(passwords.matches("right-one ", "right-one")).isFalse();
        }
        assertThat(bcrypt.checks).as("every wrong password is really checked").hasValue(10);
        assertThat(passwords.size()).isEqualTo(1);
    }

    @Test
    void aChangedPasswordHashMakesTheOldPasswordCheckedAgain() {
        assertThat(passwords.matches("old-password", "old-password")).isTrue();

        assertThat(passwords.matches("old-password", "new-password")).as("old password against the new hash").isFalse();
        assertThat(passwords.matches("new-password", "new-password")).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void theMemoryIsBounded() {
        for (int i = 0; i <= VerifiedPasswords.MAX_ENTRIES; i++) {
            passwords.matches("p" + i, "p" + i);
        }
        assertThat(passwords.size()).isLessThanOrEqualTo(VerifiedPasswords.MAX_ENTRIES);
    }

    @Test
    void nullsGoStraightToTheRealEncoder() {
        assertThat(new VerifiedPasswords(NoOpPasswordEncoder.getInstance(), clock, Duration.ofSeconds(60)).matches("x", null)).isFalse();
    }
}

package org.ringback.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, that a password matched its stored hash, so an API client that sends HTTP Basic on
 * every request pays for one bcrypt (about 100 ms of CPU here) per minute instead of one per request
 * (BENCHMARKS.md, "Intake load driver").
 * <p>
 * Only successful checks are remembered, under an HMAC-SHA-256 of the stored hash and the offered password with a
 * key drawn at random when the process starts: the map holds neither, a wrong password never has a remembered
 * entry, and a changed password has a new stored hash and so a new key, which leaves the old entries unreachable.
 * Locked and disabled accounts are refused by the account checks that Spring Security runs before the password
 * check, on every request, remembered or not. Entries live {@code ttl}; the map is bounded.
 */
final class VerifiedPasswords implements PasswordEncoder {

    static final Duration TTL = Duration.ofSeconds(60);
    /** Far above the number of API users of one instance; when full, expired entries go, then everything. */
    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Clock clock;
    private final Duration ttl;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder delegate, Clock clock, Duration ttl) {
        this.delegate = delegate;
        this.clock = clock;
        this.ttl = ttl;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        Instant now = clock.instant();
        String entry = entry(rawPassword, encodedPassword);
        Instant until = verified.get(entry);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            remember(entry, now.plus(ttl), now);
        } else {
            verified.remove(entry);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    int size() {
        return verified.size();
    }

    private void remember(String entry, Instant until, Instant now) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(expiry -> !now.isBefore(expiry));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(entry, until);
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

package org.ringback.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.ringback.shared.Refusal;

/**
 * What a password must be (NIST SP 800-63B, OWASP ASVS 2.1): long rather than complicated, not a known common
 * password, not the username. No composition rules and no forced rotation: both make passwords weaker.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** BCrypt reads only the first 72 bytes: a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load("/identity/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Refuses the password with every reason it fails, or returns quietly. */
    static void check(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters");
        } else {
            String lower = password.toLowerCase(Locale.ROOT);
            if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                problems.add("must be at most " + MAX_BYTES + " bytes");
            }
            if (COMMON.contains(lower)) {
                problems.add("is a commonly used password");
            }
            if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
                problems.add("must not contain the username");
            }
            if (lower.chars().distinct().count() < 4) {
                problems.add("must use more than three different characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal.RuleViolation("The password does not meet the password policy",
                    problems.stream().map(problem -> new Refusal.FieldError("password", problem)).toList());
        }
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.ringback.scripts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One approved script as it applies to a practice: its key, its text with placeholders, and whether it is a
 * built-in default or the practice's own wording (with who changed it last, and when).
 */
public record Script(ScriptKey key, String text, Source source, Optional<Instant> updatedAt, Optional<String> updatedBy) {

    public enum Source { DEFAULT, PRACTICE }

    public Script {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
    }

    static Script byDefault(ScriptKey key, String text) {
        return new Script(key, text, Source.DEFAULT, Optional.empty(), Optional.empty());
    }

    static Script ofPractice(ScriptKey key, String text, Instant updatedAt, String updatedBy) {
        return new Script(key, text, Source.PRACTICE, Optional.of(updatedAt), Optional.of(updatedBy));
    }
}

package org.ringback.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash escapes. One buffer per
 * table and practice, handed to the database in one COPY, then reused.
 */
final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean first = true;
    private long rows;

    CopyRows add(Object value) {
        if (value instanceof Optional<?> optional) {
            return add(optional.orElse(null));
        }
        if (!first) {
            text.append('\t');
        }
        first = false;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Instant || value instanceof LocalDate || value instanceof UUID || value instanceof Number
                || value instanceof Boolean) {
            text.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A text[] value. */
    CopyRows array(Collection<String> values) {
        var literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return add(literal.append('}').toString());
    }

    void endRow() {
        text.append('\n');
        first = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    void clear() {
        text.setLength(0);
        first = true;
        rows = 0;
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}

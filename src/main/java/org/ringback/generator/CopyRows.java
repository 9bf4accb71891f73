package org.ringback.generator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format: each value as its type's wire form (a uuid in 16 bytes, a timestamp in
 * 8), so the database parses no text for them; at millions of rows that parsing was a large part of its CPU. The
 * Java type of a value names its column type: String text, UUID uuid, Instant timestamptz, LocalDate date, Short
 * smallint, Integer integer, Long bigint, Boolean boolean; {@link #json} for jsonb and {@link #array} for text[].
 * An empty Optional or null is SQL null. One buffer per table and practice, handed to the database in one COPY.
 */
final class CopyRows {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    /** PostgreSQL counts timestamps from 2000-01-01T00:00:00Z and dates from 2000-01-01. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final int TEXT_OID = 25;
    private static final int JSONB_VERSION = 1;

    private final int columns;
    private byte[] buffer = new byte[1 << 16];
    private int length;
    private int fields;
    private long rows;

    /** @param columns the number of columns each row has (checked at the end of every row) */
    CopyRows(int columns) {
        this.columns = columns;
    }

    CopyRows add(Object value) {
        startField();
        if (value instanceof Optional<?> optional) {
            value = optional.orElse(null);
        }
        if (value == null) {
            putInt(-1);
        } else if (value instanceof String text) {
            putBytes(text.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof UUID uuid) {
            putInt(16);
            putLong(uuid.getMostSignificantBits());
            putLong(uuid.getLeastSignificantBits());
        } else if (value instanceof Instant instant) {
            putInt(8);
            putLong((instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + instant.getNano() / 1_000);
        } else if (value instanceof LocalDate date) {
            putInt(4);
            putInt((int) (date.toEpochDay() - POSTGRES_EPOCH_DAY));
        } else if (value instanceof Short number) {
            putInt(2);
            ensure(2);
            buffer[length++] = (byte) (number >> 8);
            buffer[length++] = (byte) (short) number;
        } else if (value instanceof Integer number) {
            putInt(4);
            putInt(number);
        } else if (value instanceof Long number) {
            putInt(8);
            putLong(number);
        } else if (value instanceof Boolean bool) {
            putInt(1);
            ensure(1);
            buffer[length++] = (byte) (bool ? 1 : 0);
        } else {
            throw new IllegalArgumentException("No binary COPY form for a " + value.getClass().getSimpleName());
        }
        return this;
    }

    /** A jsonb value from its JSON text. */
    CopyRows json(String text) {
        startField();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length + 1);
        ensure(1);
        buffer[length++] = JSONB_VERSION;
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    /** A text[] value (one dimension, no nulls). */
    CopyRows array(Collection<String> values) {
        startField();
        byte[][] elements = values.stream().map(value -> value.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int size = 12 + (elements.length == 0 ? 0 : 8);
        for (byte[] element : elements) {
            size += 4 + element.length;
        }
        putInt(size);
        putInt(elements.length == 0 ? 0 : 1);
        putInt(0);
        putInt(TEXT_OID);
        if (elements.length > 0) {
            putInt(elements.length);
            putInt(1);
            for (byte[] element : elements) {
                putBytes(element);
            }
        }
        return this;
    }

    void endRow() {
        if (fields != columns) {
            throw new IllegalStateException("A row of " + fields + " values for " + columns + " columns");
        }
        fields = 0;
        rows++;
    }

    long rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** The whole COPY stream: header, rows, trailer. */
    InputStream stream() {
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(HEADER), new ByteArrayInputStream(buffer, 0, length)),
                new ByteArrayInputStream(TRAILER));
    }

    /** The stream's bytes (for comparing two renderings). */
    byte[] bytes() {
        byte[] all = Arrays.copyOf(HEADER, HEADER.length + length + TRAILER.length);
        System.arraycopy(buffer, 0, all, HEADER.length, length);
        System.arraycopy(TRAILER, 0, all, HEADER.length + length, TRAILER.length);
        return all;
    }

    private void startField() {
        if (fields == 0) {
            ensure(2);
            buffer[length++] = (byte) (columns >> 8);
            buffer[length++] = (byte) columns;
        }
        fields++;
    }

    private void putBytes(byte[] bytes) {
        putInt(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void putInt(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}

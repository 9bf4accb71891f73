package org.ringback.importer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ringback.patient.PhoneNumbers;
import org.ringback.shared.Refusal;

/**
 * The rows of one CSV file, read one at a time (constant memory whatever the file's size), each checked and
 * either ready for intake or rejected with every reason. Values never appear in a rejection.
 */
final class CallRows implements Iterator<CallRows.Row>, AutoCloseable {

    /** What intake needs from a row, and the row's stable key (a hash of practice and normalised content). */
    record Call(long line, String phone, Instant receivedAt, Optional<String> name, Optional<String> reason,
                Optional<String> category, String key) {
    }

    /** One row of the file: a call, or a rejection with its reasons. */
    record Row(long line, Optional<Call> call, List<Refusal.FieldError> problems) {
    }

    /** How to read one practice's files. */
    record Rules(UUID practiceId, String phoneRegion, java.time.ZoneId zone, Predicate<String> knownCategory, Instant now) {
    }

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 20_000;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;
    private final ColumnMapping mapping;
    private final Rules rules;
    private final ReceivedAt dates;
    private final MessageDigest sha256;
    private final Map<String, Boolean> knownCategories = new HashMap<>();

    private CallRows(CSVParser parser, List<String> headers, ColumnMapping mapping, Rules rules) {
        this.parser = parser;
        this.records = parser.iterator();
        this.headers = headers;
        this.mapping = mapping;
        this.rules = rules;
        this.dates = new ReceivedAt(rules.zone(), rules.phoneRegion());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a file: reads its header line and maps its columns.
     *
     * @throws Refusal.RuleViolation when the file has no header or its columns cannot be mapped
     */
    static CallRows open(Reader reader, Map<String, String> userMap, Rules rules) {
        try {
            var format = CSVFormat.DEFAULT.builder()
                    .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                    .setAllowMissingColumnNames(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                    .get();
            var parser = CSVParser.parse(reader, format);
            List<String> headers = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
            if (headers.isEmpty()) {
                parser.close();
                throw new Refusal.RuleViolation("The file is empty: it needs a header line naming its columns");
            }
            return new CallRows(parser, headers, ColumnMapping.of(headers, userMap), rules);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new Refusal.RuleViolation("The file is not a readable CSV file");
        }
    }

    Map<String, ImportField> describeMapping() {
        return mapping.describe(headers);
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new Refusal.RuleViolation("The file is not a readable CSV file (after line " + parser.getCurrentLineNumber() + ")");
        }
    }

    @Override
    public Row next() {
        CSVRecord record;
        try {
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new Refusal.RuleViolation("The file is not a readable CSV file (after line " + parser.getCurrentLineNumber() + ")");
        }
        // The header is line 1; a quoted value spanning lines makes the record's own line the one it starts on.
        long line = record.getRecordNumber() + 1;
        var problems = new ArrayList<Refusal.FieldError>();

        String phone = null;
        String rawPhone = value(record, ImportField.PHONE).orElse("");
        if (rawPhone.isEmpty()) {
            problems.add(new Refusal.FieldError("phone", "is missing"));
        } else {
            try {
                phone = PhoneNumbers.normalise(rawPhone, rules.phoneRegion(), "phone");
            } catch (Refusal.InvalidInput e) {
                problems.add(new Refusal.FieldError("phone", "is not a valid phone number"));
            }
        }

        Instant receivedAt = null;
        Optional<String> date = value(record, ImportField.RECEIVED_AT).or(() -> value(record, ImportField.DATE));
        if (date.isEmpty()) {
            problems.add(new Refusal.FieldError("date", "is missing"));
        } else {
            receivedAt = dates.parse(date.get(), value(record, ImportField.TIME)).orElse(null);
            if (receivedAt == null) {
                problems.add(new Refusal.FieldError("date", mapping.column(ImportField.TIME).isPresent() || mapping.column(ImportField.RECEIVED_AT).isPresent()
                        ? "is not a date and time this import can read" : "is not a date and time this import can read (a date alone needs a time column)"));
            } else if (receivedAt.isAfter(rules.now().plus(FUTURE_TOLERANCE))) {
                problems.add(new Refusal.FieldError("date", "is in the future"));
                receivedAt = null;
            }
        }

        Optional<String> name = value(record, ImportField.NAME);
        if (name.filter(n -> n.length() > MAX_NAME).isPresent()) {
            problems.add(new Refusal.FieldError("name", "is longer than " + MAX_NAME + " characters"));
        }
        Optional<String> reason = value(record, ImportField.REASON);
        if (reason.filter(r -> r.length() > MAX_REASON).isPresent()) {
            problems.add(new Refusal.FieldError("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (name.filter(CallRows::hasNul).isPresent() || reason.filter(CallRows::hasNul).isPresent()) {
            problems.add(new Refusal.FieldError(name.filter(CallRows::hasNul).isPresent() ? "name" : "reason", "contains a NUL character"));
        }
        Optional<String> category = value(record, ImportField.CATEGORY)
                .map(c -> c.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
        if (category.filter(c -> !isKnownCategory(c)).isPresent()) {
            problems.add(new Refusal.FieldError("category", "is not a category of this practice"));
        }
        if (!problems.isEmpty()) {
            return new Row(line, Optional.empty(), List.copyOf(problems));
        }
        String key = key(phone, receivedAt, name, reason, category);
        return new Row(line, Optional.of(new Call(line, phone, receivedAt, name, reason, category, key)), List.of());
    }

    private boolean isKnownCategory(String code) {
        if (knownCategories.size() > 1000) {
            knownCategories.clear(); // a file of made-up categories must not grow the memo without bound
        }
        return knownCategories.computeIfAbsent(code, rules.knownCategory()::test);
    }

    /** The same call in the same practice always gets the same key, whatever the file's layout or spacing. */
    private String key(String phone, Instant receivedAt, Optional<String> name, Optional<String> reason, Optional<String> category) {
        String content = String.join("\u001f", rules.practiceId().toString(), phone, receivedAt.toString(),
                name.map(CallRows::collapse).orElse(""), reason.map(CallRows::collapse).orElse(""), category.orElse(""));
        return "import:" + HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    private Optional<String> value(CSVRecord record, ImportField field) {
        return mapping.column(field)
                .filter(index -> index < record.size())
                .map(record::get)
                .map(String::strip)
                .filter(v -> !v.isEmpty());
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.ringback.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Looks for patients' names and phone numbers in log files. A phone number is found however it was written
 * ("+16175550101", "(617) 555-0101", "617.555.0101"): any separators between its national digits, never inside
 * a longer run of digits. A name is found as the whole name, in any case.
 */
final class LogScan {

    /** One finding: which file and line, and what kind of PHI (never the PHI itself, so the report can be shared). */
    record Leak(Path file, int line, String kind) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " (" + kind + ")";
        }
    }

    private record Canary(String kind, Pattern pattern) {
    }

    /** What people put between a phone number's digits: spaces, dots, dashes, brackets. */
    private static final String SEPARATOR = "[\\s().-]{0,2}";

    private final List<Canary> canaries = new ArrayList<>();

    LogScan(Collection<String> names, Collection<String> phones) {
        names.stream().map(String::strip).filter(name -> name.length() >= 6 && name.contains(" ")).distinct()
                .forEach(name -> canaries.add(new Canary("name", Pattern.compile(Pattern.quote(name),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))));
        phones.stream().map(LogScan::phoneRegex).flatMap(Optional::stream).distinct()
                .forEach(regex -> canaries.add(new Canary("phone", Pattern.compile(regex))));
    }

    int canaryCount() {
        return canaries.size();
    }

    List<Leak> scan(Collection<Path> files) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    for (Canary canary : canaries) {
                        if (canary.pattern().matcher(line).find()) {
                            leaks.add(new Leak(file, number, canary.kind()));
                        }
                    }
                }
            }
        }
        return leaks;
    }

    /** The number's national digits with any separators, after an optional country code; empty if not a number. */
    private static Optional<String> phoneRegex(String phone) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(phone, "US");
            String digits = util.getNationalSignificantNumber(number);
            if (digits.length() < 7) {
                return Optional.empty();
            }
            String separated = digits.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(SEPARATOR));
            String countryCode = "(?:\\+?" + number.getCountryCode() + SEPARATOR + ")?";
            return Optional.of("(?<!\\d)" + countryCode + "\\(?" + separated + "(?!\\d)");
        } catch (NumberParseException notAPhoneNumber) {
            return Optional.empty();
        }
    }
}

package org.ringback.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Looks for patients' names and phone numbers in log files, fast enough for every caller of a whole test suite.
 * A name is found as its whole run of words, in any case. A phone number is found however it was written
 * ("+16175550101", "(617) 555-0101", "617.555.0101"): a run of digit groups joined by spaces, dots, dashes or
 * brackets whose groups, from one to another, spell its national digits (with or without the country code) —
 * never a part of a longer group of digits.
 */
final class LogScan {

    /** One finding: which file and line, and what kind of PHI (never the PHI itself, so the report can be shared). */
    record Leak(Path file, int line, String kind) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + " (" + kind + ")";
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*");
    /** Digit groups joined by what people put between a phone number's digits. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d+(?:[\\s().-]{1,2}\\d+)*");
    private static final Pattern NOT_DIGITS = Pattern.compile("\\D+");

    private final Set<String> names = new HashSet<>();
    private final Set<String> phones = new HashSet<>();
    private int longestName;

    LogScan(Collection<String> names, Collection<String> phones) {
        names.stream().map(LogScan::words).filter(words -> words.size() >= 2 && String.join(" ", words).length() >= 6)
                .forEach(words -> {
                    this.names.add(String.join(" ", words));
                    longestName = Math.max(longestName, words.size());
                });
        phones.forEach(this::addPhone);
    }

    /** How many different names and numbers (with and without country code) are looked for. */
    int canaryCount() {
        return names.size() + phones.size();
    }

    List<Leak> scan(Collection<Path> files) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (hasName(line)) {
                        leaks.add(new Leak(file, number, "name"));
                    }
                    if (hasPhone(line)) {
                        leaks.add(new Leak(file, number, "phone"));
                    }
                }
            }
        }
        return leaks;
    }

    private boolean hasName(String line) {
        List<String> words = words(line);
        for (int from = 0; from < words.size(); from++) {
            for (int to = from + 2; to <= Math.min(words.size(), from + longestName); to++) {
                if (names.contains(String.join(" ", words.subList(from, to)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasPhone(String line) {
        Matcher run = DIGIT_RUN.matcher(line);
        while (run.find()) {
            String[] groups = NOT_DIGITS.split(run.group());
            for (int from = 0; from < groups.length; from++) {
                var digits = new StringBuilder();
                for (int to = from; to < groups.length; to++) {
                    digits.append(groups[to]);
                    if (phones.contains(digits.toString())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(word.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The number's national digits, and the same after its country code; nothing if it is not a phone number. */
    private void addPhone(String phone) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(phone, "US");
            String digits = util.getNationalSignificantNumber(number);
            if (digits.length() >= 7) {
                phones.add(digits);
                phones.add(number.getCountryCode() + digits);
            }
        } catch (NumberParseException notAPhoneNumber) {
            // Free text in a phone column is not a number to look for.
        }
    }
}

package org.ringback.scripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a script may use. {@code {practice}}, {@code {patientFirstName}}, {@code {callbackNumber}},
 * {@code {staffName}} and {@code {appointmentLink}} (a booking link messaging fills in) are safe anywhere; {@code {reason}}, {@code {categoryName}} and {@code {details.<field>}}
 * say what the patient called about, so they are sensitive.
 */
final class Placeholders {

    enum Kind { SAFE, SENSITIVE, UNKNOWN }

    /** A script split into literal text and placeholders, in order. */
    sealed interface Segment permits Literal, Slot {
    }

    /** Text as written; a brace in it is a stray one that belongs to no placeholder. */
    record Literal(String text) implements Segment {
        boolean hasStrayBrace() {
            return text.indexOf('{') >= 0 || text.indexOf('}') >= 0;
        }
    }

    /** A placeholder, by the name between its braces. */
    record Slot(String name) implements Segment {
        Kind kind() {
            return kindOf(name);
        }

        String written() {
            return "{" + name + "}";
        }
    }

    static final List<String> SAFE = List.of("practice", "patientFirstName", "callbackNumber", "staffName", "appointmentLink");
    static final Set<String> SENSITIVE = Set.of("reason", "categoryName");
    static final String DETAILS_PREFIX = "details.";

    private static final Pattern SLOT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern DETAIL_FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");

    private Placeholders() {
    }

    static Kind kindOf(String name) {
        if (SAFE.contains(name)) {
            return Kind.SAFE;
        }
        if (SENSITIVE.contains(name)) {
            return Kind.SENSITIVE;
        }
        if (name.startsWith(DETAILS_PREFIX) && DETAIL_FIELD.matcher(name.substring(DETAILS_PREFIX.length())).matches()) {
            return Kind.SENSITIVE;
        }
        return Kind.UNKNOWN;
    }

    static List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = SLOT.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                segments.add(new Literal(text.substring(at, matcher.start())));
            }
            segments.add(new Slot(matcher.group(1)));
            at = matcher.end();
        }
        if (at < text.length()) {
            segments.add(new Literal(text.substring(at)));
        }
        return segments;
    }
}

package org.ringback.scripts;

import java.util.Map;
import java.util.Objects;

/**
 * Fills a script's placeholders. A missing or blank value reads as a neutral phrase in the script's language
 * ("a member of our team", "our main number"), so a rendered script never shows a raw {@code {...}}. When
 * sensitive values are not allowed (an unattended script without detailed consent) {@code {reason}},
 * {@code {categoryName}} and {@code {details.<field>}} read as their neutral phrase whatever the values say:
 * a safety net behind the lint, for scripts saved before the word list grew.
 */
final class ScriptRenderer {

    private static final Map<String, Map<String, String>> FALLBACKS = Map.of(
            "en", Map.of(
                    "practice", "our office",
                    "patientFirstName", "you",
                    "callbackNumber", "our main number",
                    "staffName", "a member of our team",
                    "appointmentLink", "our website",
                    "reason", "your request",
                    "categoryName", "your request",
                    Placeholders.DETAILS_PREFIX, "the information we have on file"),
            "es", Map.of(
                    "practice", "nuestra oficina",
                    "patientFirstName", "usted",
                    "callbackNumber", "número principal de nuestra oficina",
                    "staffName", "un miembro de nuestro equipo",
                    "appointmentLink", "nuestro sitio web",
                    "reason", "su solicitud",
                    "categoryName", "su solicitud",
                    Placeholders.DETAILS_PREFIX, "la información que tenemos"));

    private ScriptRenderer() {
    }

    /**
     * The script's text with every placeholder filled.
     *
     * @param values placeholder name to value ({@code "practice"}, {@code "details.visitType"}…); may be empty
     * @param sensitiveAllowed whether {@code {reason}}, {@code {categoryName}} and {@code {details.<field>}} may show their values
     */
    static String render(String text, String language, Map<String, String> values, boolean sensitiveAllowed) {
        Objects.requireNonNull(text, "text");
        Map<String, String> given = values == null ? Map.of() : values;
        Map<String, String> fallbacks = FALLBACKS.getOrDefault(ScriptKey.languageFor(language), FALLBACKS.get("en"));
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (Placeholders.Segment segment : Placeholders.split(text)) {
            if (segment instanceof Placeholders.Literal literal) {
                out.append(literal.text().replace("{", "").replace("}", ""));
            } else if (segment instanceof Placeholders.Slot slot) {
                out.append(fill(slot, given, fallbacks, sensitiveAllowed));
            }
        }
        return out.toString();
    }

    private static String fill(Placeholders.Slot slot, Map<String, String> values, Map<String, String> fallbacks, boolean sensitiveAllowed) {
        String name = slot.name();
        String fallback = name.startsWith(Placeholders.DETAILS_PREFIX)
                ? fallbacks.get(Placeholders.DETAILS_PREFIX)
                : fallbacks.getOrDefault(name, "");
        return switch (slot.kind()) {
            case UNKNOWN -> "";
            case SENSITIVE -> sensitiveAllowed ? valueOr(values.get(name), fallback) : fallback;
            case SAFE -> valueOr(values.get(name), fallback);
        };
    }

    private static String valueOr(String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        // A value is read out or sent as one phrase: line breaks and runs of spaces become one space, and braces
        // go, so neither a value nor the script ever shows something that looks like a placeholder.
        return value.replace("{", "").replace("}", "").strip().replaceAll("\\s+", " ");
    }
}

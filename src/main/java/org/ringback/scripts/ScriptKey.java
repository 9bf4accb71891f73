package org.ringback.scripts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.ringback.shared.Refusal;

/**
 * Which script: a category code (or {@link #ANY}) × situation × language × whether it is the detailed variant
 * for patients who consented to detailed messages. Only unattended situations have a detailed variant: on a
 * live call staff confirm who they speak to before giving details.
 */
public record ScriptKey(String category, Situation situation, String language, boolean detailed) {

    /** The category of scripts that apply to every category without one of its own. */
    public static final String ANY = "ANY";

    /** The languages scripts are kept in; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private static final Pattern CATEGORY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public ScriptKey {
        if (category == null || !isCategoryCode(category)) {
            throw new Refusal.InvalidInput("category", "must be ANY or a category code in UPPER_SNAKE, e.g. BILLING");
        }
        if (situation == null) {
            throw new Refusal.InvalidInput("situation", "is required");
        }
        if (language == null || !LANGUAGES.contains(language)) {
            throw new Refusal.InvalidInput("language", "must be one of " + LANGUAGES);
        }
        if (detailed && !situation.unattended()) {
            throw new Refusal.InvalidInput("detailed", "only unattended situations (VOICEMAIL, TEXT, FINAL_ATTEMPT, APPOINTMENT_LINK) have a detailed variant");
        }
    }

    /** The generic script every practice starts with for a situation and language. */
    public static ScriptKey any(Situation situation, String language) {
        return new ScriptKey(ANY, situation, language, false);
    }

    public boolean forAnyCategory() {
        return ANY.equals(category);
    }

    /** Whether the text is {@link #ANY} or could be a category code; codes are checked against the practice elsewhere. */
    public static boolean isCategoryCode(String text) {
        return text != null && CATEGORY_CODE.matcher(text).matches();
    }

    /** The script language for a patient's language tag ("es", "es-MX", "ES"), falling back to English. */
    public static String languageFor(String languageTag) {
        if (languageTag == null) {
            return LANGUAGES.get(0);
        }
        String primary = languageTag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGES.contains(primary) ? primary : LANGUAGES.get(0);
    }

    @Override
    public String toString() {
        return category + "/" + situation + "/" + language + (detailed ? "/detailed" : "");
    }
}

package org.ringback.scripts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which script applies: a practice's own scripts override the defaults key by key, and for a callback the most
 * specific script wins — the patient's language before English, then the callback's category before
 * {@link ScriptKey#ANY}, then the detailed variant before the generic one, but the detailed variant only for a
 * patient who consented to detailed messages. Language comes first because a script the patient understands
 * matters more than one tailored to the category.
 */
final class ScriptSelection {

    /** The order the library is listed in: by situation, ANY before categories, languages as listed, generic first. */
    static final Comparator<ScriptKey> ORDER = Comparator.comparing(ScriptKey::situation)
            .thenComparing(key -> !key.forAnyCategory())
            .thenComparing(ScriptKey::category)
            .thenComparingInt(key -> ScriptKey.LANGUAGES.indexOf(key.language()))
            .thenComparing(ScriptKey::detailed);

    private ScriptSelection() {
    }

    /** The effective library: the defaults, each replaced by the practice's script with the same key, plus the practice's others. */
    static List<Script> merge(List<Script> defaults, List<Script> practiceScripts) {
        Map<ScriptKey, Script> byKey = new LinkedHashMap<>();
        defaults.forEach(script -> byKey.put(script.key(), script));
        practiceScripts.forEach(script -> byKey.put(script.key(), script));
        return byKey.values().stream().sorted(Comparator.comparing(Script::key, ORDER)).toList();
    }

    /** The keys to try, most specific first. */
    static List<ScriptKey> candidates(String category, Situation situation, String languageTag, boolean detailedConsent) {
        Set<String> languages = new LinkedHashSet<>(List.of(ScriptKey.languageFor(languageTag), ScriptKey.LANGUAGES.get(0)));
        List<String> categories = category != null && !category.equals(ScriptKey.ANY) && ScriptKey.isCategoryCode(category)
                ? List.of(category, ScriptKey.ANY)
                : List.of(ScriptKey.ANY);
        List<Boolean> variants = detailedConsent && situation.unattended() ? List.of(true, false) : List.of(false);
        List<ScriptKey> keys = new ArrayList<>();
        for (String language : languages) {
            for (String code : categories) {
                for (boolean detailed : variants) {
                    keys.add(new ScriptKey(code, situation, language, detailed));
                }
            }
        }
        return keys;
    }

    static Optional<Script> pick(List<Script> library, String category, Situation situation, String languageTag, boolean detailedConsent) {
        Map<ScriptKey, Script> byKey = new LinkedHashMap<>();
        library.forEach(script -> byKey.put(script.key(), script));
        return candidates(category, situation, languageTag, detailedConsent).stream()
                .map(byKey::get)
                .filter(script -> script != null)
                .findFirst();
    }
}

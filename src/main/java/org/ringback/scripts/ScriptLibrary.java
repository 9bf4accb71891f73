package org.ringback.scripts;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.practice.Category;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scripts module's facade: a practice's approved language per category × situation × language, the
 * shipped defaults merged with the practice's own scripts, editable by its managers, linted on save and
 * rendered with placeholders.
 */
@Service
public class ScriptLibrary {

    /** The longest script a manager may save, in characters. */
    public static final int MAX_LENGTH = 2000;

    private final Scripts scripts;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final Clock clock;
    private final ScriptLint lint = ScriptLint.withDefaults();
    /** Loaded with the bean, so a defaults file that misses a situation or fails the lint stops the start. */
    private final List<Script> defaults = DefaultScripts.all();

    ScriptLibrary(Scripts scripts, PracticeDirectory practices, Identity identity, Clock clock) {
        this.scripts = scripts;
        this.practices = practices;
        this.identity = identity;
        this.clock = clock;
    }

    /** The practice's effective library: every default, replaced where the practice has its own, plus its category scripts. */
    public List<Script> library(UUID practiceId) {
        practices.get(practiceId);
        return effective(practiceId);
    }

    /**
     * Saves the practice's wording for one key (a practice's manager only). The key's category must be
     * {@link ScriptKey#ANY} or one of the practice's categories. An unattended script that is not the detailed
     * variant is refused, naming the words and placeholders that broke the rule, when it mentions the reason,
     * category details or clinical words; any script is refused for placeholders that cannot be filled.
     */
    @Transactional
    public Script replace(UUID practiceId, ScriptKey key, String text) {
        CurrentUser manager = identity.requireManager(practiceId);
        practices.find(practiceId);
        if (!key.forAnyCategory()) {
            practices.category(practiceId, key.category());
        }
        String approved = checkedText(text);
        var verdict = lint.check(key.situation(), key.detailed(), approved);
        if (!verdict.allowed()) {
            throw new Refusal.RuleViolation(verdict.summary(key.situation()),
                    verdict.offences().stream().map(o -> new Refusal.FieldError("text", o.message())).toList());
        }
        return scripts.save(practiceId, key, approved, clock.instant(), manager.username());
    }

    /** Removes the practice's own script for the key (a manager only), so the default applies again. */
    @Transactional
    public void revert(UUID practiceId, ScriptKey key) {
        identity.requireManager(practiceId);
        practices.find(practiceId);
        if (!scripts.delete(practiceId, key)) {
            throw new Refusal.NotFound("Practice script");
        }
    }

    /**
     * The script to use for a callback: the patient's language before English, the category's own script before
     * the one for any category, and the detailed variant only when the patient consented to detailed messages.
     */
    public Script select(UUID practiceId, String category, Situation situation, String language, boolean detailedConsent) {
        practices.get(practiceId);
        return pick(effective(practiceId), category, situation, language, detailedConsent);
    }

    /**
     * The selected script with its placeholders filled. {@code values} are keyed by placeholder name
     * ({@code "patientFirstName"}, {@code "details.visitType"}…); {@code practice} and {@code categoryName} default
     * to the practice's and the category's names. A missing value reads as a neutral phrase, never as a raw
     * placeholder, and a generic unattended script never shows the reason, category or details, whatever the values.
     */
    public String render(UUID practiceId, String category, Situation situation, String language, boolean detailedConsent,
                         Map<String, String> values) {
        Practice practice = practices.get(practiceId);
        Script script = pick(effective(practiceId), category, situation, language, detailedConsent);
        Map<String, String> filled = new HashMap<>();
        filled.put("practice", practice.name());
        if (category != null && !ScriptKey.ANY.equals(category)) {
            practices.categories(practiceId).stream()
                    .filter(c -> c.code().equals(category))
                    .map(Category::name)
                    .findFirst()
                    .ifPresent(name -> filled.put("categoryName", name));
        }
        if (values != null) {
            values.forEach((name, value) -> {
                if (name != null && value != null && !value.isBlank()) {
                    filled.put(name, value);
                }
            });
        }
        boolean sensitiveAllowed = !script.key().situation().unattended() || script.key().detailed();
        return ScriptRenderer.render(script.text(), script.key().language(), filled, sensitiveAllowed);
    }

    private List<Script> effective(UUID practiceId) {
        return ScriptSelection.merge(defaults, scripts.findAll(practiceId));
    }

    private static Script pick(List<Script> library, String category, Situation situation, String language, boolean detailedConsent) {
        if (situation == null) {
            throw new Refusal.InvalidInput("situation", "is required");
        }
        return ScriptSelection.pick(library, category, situation, language, detailedConsent)
                .orElseThrow(() -> new IllegalStateException("No default script for " + situation));
    }

    private static String checkedText(String text) {
        String approved = text == null ? "" : text.strip();
        if (approved.isEmpty()) {
            throw new Refusal.InvalidInput("text", "must not be blank");
        }
        if (approved.length() > MAX_LENGTH) {
            throw new Refusal.InvalidInput("text", "must be at most " + MAX_LENGTH + " characters");
        }
        return approved;
    }
}

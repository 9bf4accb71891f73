package org.ringback.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ringback.shared.Refusal;

class ScriptKeyTest {

    @Test
    void onlyVoicemailTextAndFinalAttemptAreUnattended() {
        assertThat(java.util.Arrays.stream(Situation.values()).filter(Situation::unattended))
                .containsExactly(Situation.VOICEMAIL, Situation.TEXT, Situation.FINAL_ATTEMPT, Situation.APPOINTMENT_LINK);
    }

    @Test
    void aKeyNamesAnyOrACategoryCodeAndAScriptLanguage() {
        assertThat(new ScriptKey("BILLING", Situation.VOICEMAIL, "es", true).forAnyCategory()).isFalse();
        assertThat(ScriptKey.any(Situation.OPENING, "en").forAnyCategory()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "billing, OPENING, en, false, category",
            ", OPENING, en, false, category",
            "ANY, , en, false, situation",
            "ANY, OPENING, fr, false, language",
            "ANY, OPENING, EN, false, language",
            "ANY, OPENING, , false, language",
            "ANY, OPENING, en, true, detailed",
            "ANY, EMERGENCY, es, true, detailed"})
    void anInvalidKeyIsRefusedNamingTheField(String category, Situation situation, String language, boolean detailed, String field) {
        assertThatThrownBy(() -> new ScriptKey(category, situation, language, detailed))
                .isInstanceOfSatisfying(Refusal.InvalidInput.class,
                        refusal -> assertThat(refusal.errors()).extracting(Refusal.FieldError::field).containsExactly(field));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"es, es", "ES, es", "es-MX, es", "es_US, es", "en-GB, en", "fr, en", "'', en", "null, en"})
    void aPatientsLanguageMapsToAScriptLanguage(String tag, String expected) {
        assertThat(ScriptKey.languageFor(tag)).isEqualTo(expected);
    }
}

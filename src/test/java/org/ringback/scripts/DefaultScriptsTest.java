package org.ringback.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DefaultScriptsTest {

    private static final ScriptLint LINT = ScriptLint.withDefaults();

    private static Script defaultFor(Situation situation, String language) {
        return DefaultScripts.all().stream().filter(s -> s.key().equals(ScriptKey.any(situation, language))).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Situation.class)
    void everySituationHasAnEnglishAndASpanishDefaultForAnyCategory(Situation situation) {
        for (String language : ScriptKey.LANGUAGES) {
            var script = defaultFor(situation, language);
            assertThat(script.text()).isNotBlank().hasSizeLessThanOrEqualTo(ScriptLibrary.MAX_LENGTH);
            assertThat(script.source()).isEqualTo(Script.Source.DEFAULT);
            assertThat(script.updatedAt()).isEmpty();
        }
    }

    @Test
    void everyDefaultPassesTheLint() {
        assertThat(DefaultScripts.all()).allSatisfy(script ->
                assertThat(LINT.check(script.key().situation(), script.key().detailed(), script.text()).found())
                        .as(script.key().toString()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(value = Situation.class, names = {"VOICEMAIL", "TEXT", "FINAL_ATTEMPT", "APPOINTMENT_LINK"})
    void unattendedDefaultsAreGenericAndGiveThePathBack(Situation situation) {
        for (String language : ScriptKey.LANGUAGES) {
            var script = defaultFor(situation, language);
            assertThat(script.text()).contains("{callbackNumber}").doesNotContain("{reason}", "{categoryName}", "{details.");
            assertThat(LINT.sensitiveTerms(script.text())).isEmpty();
        }
    }

    @Test
    void renderedWithoutValuesNoDefaultShowsARawPlaceholder() {
        assertThat(DefaultScripts.all()).allSatisfy(script ->
                assertThat(ScriptRenderer.render(script.text(), script.key().language(), Map.of(), false)).doesNotContain("{", "}"));
    }

    @Test
    void theSafetyScriptsSayWhatDesignMdAsks() {
        assertThat(defaultFor(Situation.VOICEMAIL, "en").text()).isEqualTo(
                "Hello, this is {staffName} from {practice} returning a call for {patientFirstName}. Please call us back at {callbackNumber}. Thank you.");
        assertThat(defaultFor(Situation.CLINICAL_BOUNDARY, "en").text())
                .isEqualTo("I can't advise on symptoms, but I can route this to the clinical team right now.");
        assertThat(defaultFor(Situation.EMERGENCY, "en").text()).isEqualTo("If this is an emergency, please hang up and call 911 now.");
        assertThat(defaultFor(Situation.EMERGENCY, "es").text()).contains("911");
        assertThat(defaultFor(Situation.OPENING, "es").text()).contains("¿Podría");
    }

    @Test
    void aDefaultsFileMissingASituationOrFailingTheLintIsRejected() {
        assertThatThrownBy(() -> DefaultScripts.parse(new StringReader("OPENING.en = Hello\n"), "test", LINT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VOICEMAIL.en: missing").hasMessageContaining("OPENING.es: missing");
        assertThatThrownBy(() -> DefaultScripts.parse(new StringReader("VOICEMAIL.en = Your lab results {reason}\n"), "test", LINT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VOICEMAIL.en: refused by the lint: [{reason}, lab, results]");
        assertThatThrownBy(() -> DefaultScripts.parse(new StringReader("OPENING.fr = Bonjour\nSONG.en = la\nOPENING.en.detailed = Hi\n"), "test", LINT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPENING.fr").hasMessageContaining("SONG.en").hasMessageContaining("OPENING.en.detailed");
    }
}

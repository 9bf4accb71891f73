package org.ringback.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringback.scripts.ScriptLint.Rule;
import org.ringback.scripts.ScriptLint.Term;

class ScriptLintTest {

    private static final ScriptLint LINT = ScriptLint.withDefaults();

    private static final String GENERIC_VOICEMAIL =
            "Hello, this is {staffName} from {practice} returning a call for {patientFirstName}. Please call us back at {callbackNumber}. Thank you.";

    @ParameterizedTest
    @EnumSource(Situation.class)
    void genericScriptWithSafePlaceholdersPassesInEverySituation(Situation situation) {
        assertThat(LINT.check(situation, false, GENERIC_VOICEMAIL).allowed()).isTrue();
    }

    @Test
    void clinicalWordsInAGenericVoicemailAreRefusedAndNamed() {
        var verdict = LINT.check(Situation.VOICEMAIL, false,
                "Hi {patientFirstName}, your lab results and the cardiology referral are in. Call {callbackNumber}.");

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.found()).containsExactly("lab", "results", "cardiology", "referral");
        assertThat(verdict.offences()).extracting(ScriptLint.Offence::rule).containsOnly(Rule.SENSITIVE_WORD);
        assertThat(verdict.summary(Situation.VOICEMAIL)).contains("VOICEMAIL", "lab, results, cardiology, referral");
    }

    @ParameterizedTest
    @EnumSource(value = Situation.class, names = {"VOICEMAIL", "TEXT", "FINAL_ATTEMPT", "APPOINTMENT_LINK"})
    void everyUnattendedSituationIsLinted(Situation situation) {
        assertThat(LINT.check(situation, false, "About your prescription.").found()).containsExactly("prescription");
    }

    @ParameterizedTest
    @EnumSource(value = Situation.class, names = {"VOICEMAIL", "TEXT", "FINAL_ATTEMPT", "APPOINTMENT_LINK"}, mode = EnumSource.Mode.EXCLUDE)
    void attendedSituationsMayMentionClinicalWordsAndTheReason(Situation situation) {
        var verdict = LINT.check(situation, false, "You called about {reason} ({categoryName}, {details.visitType}): your lab results.");

        assertThat(verdict.allowed()).as(verdict.found().toString()).isTrue();
    }

    @Test
    void theDetailedVariantMayCarryTheReasonDetailsAndClinicalWords() {
        var verdict = LINT.check(Situation.VOICEMAIL, true,
                "Hi {patientFirstName}, about {categoryName}: {reason}. Your biopsy results for {details.visitType} are in.");

        assertThat(verdict.allowed()).isTrue();
    }

    @Test
    void sensitivePlaceholdersInAGenericUnattendedScriptAreRefusedAndNamed() {
        var verdict = LINT.check(Situation.TEXT, false, "About {reason} and {categoryName} ({details.visitType}), call {callbackNumber}.");

        assertThat(verdict.found()).containsExactly("{reason}", "{categoryName}", "{details.visitType}");
        assertThat(verdict.offences()).extracting(ScriptLint.Offence::rule).containsOnly(Rule.SENSITIVE_PLACEHOLDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Your DIAGNOSIS is ready", "Su diagnóstico está listo", "Su DIAGNOSTICO está listo", "su Diagnóstico."})
    void wordsMatchIgnoringCaseAndAccents(String text) {
        assertThat(LINT.check(Situation.VOICEMAIL, false, text).allowed()).isFalse();
    }

    @Test
    void theRefusalNamesTheWordAsTheListSpellsIt() {
        assertThat(LINT.check(Situation.VOICEMAIL, false, "Su DIAGNOSTICO y sus RESULTADOS").found())
                .containsExactly("diagnóstico", "resultados");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Thanks for your collaboration.",     // lab inside a word
            "Our Labrador mascot says hello.",
            "We are stable and available.",
            "Please call the main desk.",
            "Hello, we hope you are doing well."})
    void onlyWholeWordsMatch(String text) {
        assertThat(LINT.check(Situation.VOICEMAIL, false, text).allowed()).as(text).isTrue();
    }

    @Test
    void phrasesMatchWhateverSpacingOrPunctuationSeparatesTheirWords() {
        assertThat(LINT.check(Situation.TEXT, false, "Your X-Ray is ready").found()).containsExactly("x-ray");
        assertThat(LINT.check(Situation.TEXT, false, "about your blood   work").found()).containsExactly("blood work");
        assertThat(LINT.check(Situation.TEXT, false, "about MENTAL-HEALTH services").found()).containsExactly("mental health");
    }

    @Test
    void theLongestListedPhraseIsReportedNotTheWordsInsideIt() {
        assertThat(LINT.check(Situation.VOICEMAIL, false, "Your test results are in; results vary.").found())
                .containsExactly("test results", "results");
    }

    @Test
    void bothLanguagesApplyToEveryScript() {
        assertThat(LINT.check(Situation.VOICEMAIL, false, "Hola, sobre su pregnancy y embarazo.").found())
                .containsExactly("pregnancy", "embarazo");
    }

    @Test
    void eachOffenceIsReportedOnceInOrderOfAppearance() {
        var verdict = LINT.check(Situation.VOICEMAIL, false, "HIV {reason} hiv medication {reason} HIV");

        assertThat(verdict.found()).containsExactly("{reason}", "hiv", "medication");
    }

    @ParameterizedTest
    @EnumSource(Situation.class)
    void unknownPlaceholdersAreRefusedInEverySituation(Situation situation) {
        var verdict = LINT.check(situation, false, "Hello {patientName}, this is {Practice}: {details.} {}");

        assertThat(verdict.found()).containsExactly("{patientName}", "{Practice}", "{details.}", "{}");
        assertThat(verdict.offences()).extracting(ScriptLint.Offence::rule).containsOnly(Rule.UNKNOWN_PLACEHOLDER);
        assertThat(verdict.offences().get(0).message()).contains("{patientFirstName}");
    }

    @Test
    void strayBracesAreRefusedBecauseTheyWouldBeReadOutAsIs() {
        var verdict = LINT.check(Situation.OPENING, false, "Hello {{practice}} and {staffName");

        assertThat(verdict.found()).containsExactly("{", "}");
        assertThat(verdict.offences()).extracting(ScriptLint.Offence::rule).containsOnly(Rule.STRAY_BRACE);
    }

    @Test
    void wordsInsidePlaceholderNamesAreNotReportedTwice() {
        assertThat(LINT.check(Situation.VOICEMAIL, false, "{details.medication}").found()).containsExactly("{details.medication}");
    }

    @Test
    void noTextAndPlainTextPass() {
        assertThat(LINT.check(Situation.VOICEMAIL, false, null).allowed()).isTrue();
        assertThat(LINT.check(Situation.VOICEMAIL, false, "Please call us back.").allowed()).isTrue();
    }

    @Test
    void aWordListWithDuplicatesOrEmptyEntriesIsRejected() {
        assertThatThrownBy(() -> new ScriptLint(List.of(new Term("Diagnóstico", "es"), new Term("diagnostico", "es"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicates");
        assertThatThrownBy(() -> new ScriptLint(List.of(new Term(" - ", "en"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no letters");
    }

    @Test
    void aCustomWordListIsUsedAsGiven() {
        var lint = new ScriptLint(List.of(new Term("podiatry", "en")));

        assertThat(lint.check(Situation.TEXT, false, "Podiatry lab").found()).containsExactly("podiatry");
    }
}

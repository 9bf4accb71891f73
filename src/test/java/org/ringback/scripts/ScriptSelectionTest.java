package org.ringback.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScriptSelectionTest {

    private static final Instant AT = Instant.parse("2026-11-23T14:00:00Z");

    private static Script ofPractice(String category, Situation situation, String language, boolean detailed) {
        return Script.ofPractice(new ScriptKey(category, situation, language, detailed), category + "/" + language + (detailed ? "/detailed" : ""),
                AT, "manager");
    }

    private static List<Script> library(Script... practiceScripts) {
        return ScriptSelection.merge(DefaultScripts.all(), List.of(practiceScripts));
    }

    private static Script pick(List<Script> library, String category, Situation situation, String language, boolean detailedConsent) {
        return ScriptSelection.pick(library, category, situation, language, detailedConsent).orElseThrow();
    }

    @Test
    void withoutPracticeScriptsTheDefaultForAnyCategoryInThePatientsLanguageApplies() {
        var script = pick(library(), "BILLING", Situation.VOICEMAIL, "es", false);

        assertThat(script.key()).isEqualTo(ScriptKey.any(Situation.VOICEMAIL, "es"));
        assertThat(script.source()).isEqualTo(Script.Source.DEFAULT);
    }

    @Test
    void theCategorysOwnScriptComesBeforeTheOneForAnyCategory() {
        var lib = library(ofPractice("BILLING", Situation.VOICEMAIL, "en", false), ofPractice("ANY", Situation.VOICEMAIL, "en", false));

        assertThat(pick(lib, "BILLING", Situation.VOICEMAIL, "en", false).text()).isEqualTo("BILLING/en");
        assertThat(pick(lib, "RESCHEDULE", Situation.VOICEMAIL, "en", false).text()).isEqualTo("ANY/en");
        assertThat(pick(lib, null, Situation.VOICEMAIL, "en", false).text()).isEqualTo("ANY/en");
    }

    @Test
    void thePatientsLanguageComesBeforeTheCategory() {
        var lib = library(ofPractice("BILLING", Situation.VOICEMAIL, "en", false));

        var script = pick(lib, "BILLING", Situation.VOICEMAIL, "es", false);

        assertThat(script.key()).isEqualTo(ScriptKey.any(Situation.VOICEMAIL, "es"));
    }

    @Test
    void aLanguageWithoutScriptsFallsBackToEnglishAndRegionsAreIgnored() {
        var lib = library(ofPractice("BILLING", Situation.OPENING, "es", false));

        assertThat(pick(lib, "BILLING", Situation.OPENING, "fr", false).key()).isEqualTo(ScriptKey.any(Situation.OPENING, "en"));
        assertThat(pick(lib, "BILLING", Situation.OPENING, null, false).key().language()).isEqualTo("en");
        assertThat(pick(lib, "BILLING", Situation.OPENING, "ES-mx", false).text()).isEqualTo("BILLING/es");
    }

    @Test
    void theDetailedVariantIsUsedOnlyWithConsent() {
        var lib = library(ofPractice("ANY", Situation.VOICEMAIL, "en", true));

        assertThat(pick(lib, "BILLING", Situation.VOICEMAIL, "en", true).text()).isEqualTo("ANY/en/detailed");
        assertThat(pick(lib, "BILLING", Situation.VOICEMAIL, "en", false).key().detailed()).isFalse();
        assertThat(pick(lib, "BILLING", Situation.VOICEMAIL, "es", true).key())
                .as("a Spanish-speaking patient gets the generic Spanish script before the detailed English one")
                .isEqualTo(ScriptKey.any(Situation.VOICEMAIL, "es"));
    }

    @Test
    void withConsentTheCategorysGenericScriptComesBeforeTheDetailedOneForAnyCategory() {
        var lib = library(ofPractice("ANY", Situation.TEXT, "en", true), ofPractice("BILLING", Situation.TEXT, "en", false),
                ofPractice("BILLING", Situation.TEXT, "en", true));

        assertThat(ScriptSelection.candidates("BILLING", Situation.TEXT, "en", true)).containsExactly(
                new ScriptKey("BILLING", Situation.TEXT, "en", true), new ScriptKey("BILLING", Situation.TEXT, "en", false),
                new ScriptKey("ANY", Situation.TEXT, "en", true), new ScriptKey("ANY", Situation.TEXT, "en", false));
        assertThat(pick(lib, "BILLING", Situation.TEXT, "en", true).text()).isEqualTo("BILLING/en/detailed");
        assertThat(pick(lib.stream().filter(s -> !s.text().equals("BILLING/en/detailed")).toList(), "BILLING", Situation.TEXT, "en", true)
                .text()).isEqualTo("BILLING/en");
    }

    @Test
    void attendedSituationsHaveNoDetailedCandidates() {
        assertThat(ScriptSelection.candidates("BILLING", Situation.OPENING, "es", true)).containsExactly(
                new ScriptKey("BILLING", Situation.OPENING, "es", false), new ScriptKey("ANY", Situation.OPENING, "es", false),
                new ScriptKey("BILLING", Situation.OPENING, "en", false), new ScriptKey("ANY", Situation.OPENING, "en", false));
    }

    @Test
    void aMalformedCategoryIsTreatedAsAnyCategory() {
        assertThat(ScriptSelection.candidates("not a code", Situation.OPENING, "en", false))
                .containsExactly(ScriptKey.any(Situation.OPENING, "en"));
    }

    @Test
    void everySituationAndLanguageResolvesFromTheDefaults() {
        for (Situation situation : Situation.values()) {
            for (String language : List.of("en", "es", "fr")) {
                assertThat(ScriptSelection.pick(library(), "BILLING", situation, language, true)).isPresent();
            }
        }
    }

    @Test
    void aPracticeScriptReplacesTheDefaultWithTheSameKeyAndTheLibraryIsOrdered() {
        var own = ofPractice("ANY", Situation.OPENING, "en", false);
        var billing = ofPractice("BILLING", Situation.OPENING, "es", false);

        var lib = library(billing, own);

        assertThat(lib).hasSize(DefaultScripts.all().size() + 1);
        assertThat(lib).contains(own, billing);
        assertThat(lib.stream().filter(s -> s.key().equals(own.key()))).containsExactly(own);
        var sorted = new ArrayList<>(lib);
        sorted.sort((a, b) -> ScriptSelection.ORDER.compare(a.key(), b.key()));
        assertThat(lib).containsExactlyElementsOf(sorted);
        assertThat(lib.subList(0, 3)).extracting(Script::key).containsExactly(
                ScriptKey.any(Situation.OPENING, "en"), ScriptKey.any(Situation.OPENING, "es"),
                new ScriptKey("BILLING", Situation.OPENING, "es", false));
    }
}

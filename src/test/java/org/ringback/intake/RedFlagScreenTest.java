package org.ringback.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringback.callback.Urgency;
import org.ringback.intake.RedFlagScreen.Hit;
import org.ringback.intake.RedFlagScreen.Phrase;
import org.ringback.intake.RedFlagScreen.Screening;

class RedFlagScreenTest {

    private static final RedFlagScreen DEFAULTS = RedFlagScreen.withDefaults();

    private static RedFlagScreen screenOf(Phrase... phrases) {
        return new RedFlagScreen(List.of(phrases));
    }

    private static Phrase emergency(String text) {
        return new Phrase(text, "en", Urgency.EMERGENCY);
    }

    private static Phrase clinical(String text) {
        return new Phrase(text, "en", Urgency.CLINICAL);
    }

    private static List<String> phrasesHit(Screening screening) {
        return screening.hits().stream().map(Hit::phrase).toList();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvFileSource(resources = "/intake/red-flag-transcripts.csv", numLinesToSkip = 1)
    void screensRealisticTranscripts(String transcript, String urgency, String phrases) {
        Screening screening = DEFAULTS.screen(transcript);

        if ("NONE".equals(urgency)) {
            assertThat(screening.hits()).as(transcript).isEmpty();
            assertThat(screening.flagged()).isFalse();
            assertThat(screening.urgency()).isEmpty();
        } else {
            assertThat(screening.urgency()).as(transcript).contains(Urgency.valueOf(urgency));
            assertThat(phrasesHit(screening)).as(transcript)
                    .containsExactlyElementsOf(Arrays.asList(phrases.split(";")));
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n\t "})
    void nothingToScreenIsNoHit(String text) {
        assertThat(DEFAULTS.screen(text).hits()).isEmpty();
    }

    @Test
    void reportsThePhraseAsConfiguredWithItsLanguageAndUrgency() {
        Screening screening = DEFAULTS.screen("mi hijo tuvo convulsiones y fiebre");

        assertThat(screening.hits()).containsExactly(
                new Hit("convulsiones", "es", Urgency.EMERGENCY),
                new Hit("fiebre", "es", Urgency.CLINICAL));
    }

    @Test
    void ignoresAccentsOnEitherSide() {
        RedFlagScreen screen = screenOf(emergency("convulsión"), clinical("mareo"));

        assertThat(phrasesHit(screen.screen("tuvo una CONVULSION"))).containsExactly("convulsión");
        assertThat(phrasesHit(screen.screen("tiene máreo"))).containsExactly("mareo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I can't breathe", "I can’t breathe", "I can‘t breathe", "I cant breathe", "I CAN'T BREATHE"})
    void treatsApostropheVariantsAlike(String text) {
        assertThat(phrasesHit(screenOf(emergency("can't breathe")).screen(text))).containsExactly("can't breathe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chest-pain", "chest   pain", "chest\tpain", "\"chest\" pain", "chest / pain"})
    void collapsesWhitespaceAndPunctuationInsideAPhrase(String text) {
        assertThat(phrasesHit(screenOf(emergency("chest pain")).screen(text))).containsExactly("chest pain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"chest. pain", "chest, pain", "chest\npain", "chest; pain", "chest? pain"})
    void doesNotMatchAcrossAClauseMark(String text) {
        assertThat(screenOf(emergency("chest pain")).screen(text).hits()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"brash", "rashes", "crashed", "feverfew", "feverish", "worsen", "worsening", "strokes"})
    void matchesWholeWordsOnly(String word) {
        RedFlagScreen screen = screenOf(clinical("rash"), clinical("fever"), clinical("worse"), emergency("stroke"));

        assertThat(screen.screen("patient mentions " + word + " today").hits()).isEmpty();
    }

    @Test
    void reportsEachPhraseOnceAtItsFirstOccurrence() {
        Screening screening = DEFAULTS.screen("fever, rash, fever again and more rash, fever");

        assertThat(phrasesHit(screening)).containsExactly("fever", "rash");
    }

    @Test
    void ordersHitsByUrgencyThenPosition() {
        Screening screening = DEFAULTS.screen("dizzy and a rash, then she fainted, now chest pain");

        assertThat(phrasesHit(screening)).containsExactly("fainted", "chest pain", "dizzy", "rash");
        assertThat(screening.urgency()).contains(Urgency.EMERGENCY);
    }

    @Test
    void aPhraseInsideALongerOneOfTheSameUrgencyIsNotReportedTwice() {
        assertThat(phrasesHit(DEFAULTS.screen("tiene fiebre alta"))).containsExactly("fiebre alta");
        assertThat(phrasesHit(DEFAULTS.screen("it keeps getting worse"))).containsExactly("getting worse");
    }

    @Test
    void aMoreUrgentPhraseInsideALessUrgentOneIsStillReported() {
        RedFlagScreen screen = screenOf(clinical("pregnant and bleeding heavily"), emergency("bleeding heavily"));

        assertThat(screen.screen("pregnant and bleeding heavily").hits()).containsExactly(
                new Hit("bleeding heavily", "en", Urgency.EMERGENCY),
                new Hit("pregnant and bleeding heavily", "en", Urgency.CLINICAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "no chest pain", "not chest pain", "denies chest pain", "denied any chest pain", "without chest pain",
            "no recent chest pain", "no history of chest pain", "NO CHEST PAIN"})
    void aNegationWithinThreeWordsSuppressesTheHit(String text) {
        assertThat(DEFAULTS.screen(text).hits()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sin dolor de pecho", "niega dolor de pecho", "no tiene dolor de pecho",
            "ningún dolor de pecho", "ninguna presión en el pecho", "negó dolor de pecho"})
    void aSpanishNegationSuppressesTheHit(String text) {
        assertThat(DEFAULTS.screen(text).hits()).isEmpty();
    }

    @Test
    void aNegationFourWordsBackNoLongerApplies() {
        assertThat(phrasesHit(DEFAULTS.screen("no history of recent chest pain"))).containsExactly("chest pain");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "no fever but chest pain", "no fever, chest pain", "no fever. chest pain", "no fever; chest pain",
            "no fever however chest pain", "no fever (chest pain)", "no fever \u2014 chest pain"})
    void aNegationDoesNotReachPastAClauseBoundary(String text) {
        assertThat(phrasesHit(DEFAULTS.screen(text))).containsExactly("chest pain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no relief from chest pain", "no improvement in chest pain", "not sure chest pain",
            "sin alivio del dolor de pecho", "sin mejoría del dolor de pecho"})
    void aPseudoNegationDoesNotSuppress(String text) {
        assertThat(DEFAULTS.screen(text).urgency()).contains(Urgency.EMERGENCY);
    }

    @Test
    void negationAppliesPerOccurrence() {
        assertThat(phrasesHit(DEFAULTS.screen("no fever yesterday. Today a fever of 102"))).containsExactly("fever");
        assertThat(DEFAULTS.screen("no fever yesterday and no fever today").hits()).isEmpty();
    }

    @Test
    void aPhraseThatStartsWithACueWordStillMatches() {
        assertThat(phrasesHit(DEFAULTS.screen("ya no puedo respirar"))).containsExactly("no puedo respirar");
    }

    @ParameterizedTest
    @EnumSource(value = Urgency.class, names = {"ROUTINE", "TIME_SENSITIVE", "DEADLINE", "SAME_DAY"})
    void rejectsPhrasesThatWouldNotRouteToTheClinicalQueue(Urgency urgency) {
        List<Phrase> phrases = List.of(new Phrase("chest pain", "en", urgency));

        assertThatThrownBy(() -> new RedFlagScreen(phrases))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CLINICAL or EMERGENCY");
    }

    @Test
    void rejectsPhrasesWithoutUrgencyWordsOrLanguage() {
        assertThatThrownBy(() -> screenOf(new Phrase("chest pain", "en", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> screenOf(emergency("  ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> screenOf(emergency("--")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> screenOf(new Phrase("chest pain", " ", Urgency.EMERGENCY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsPhrasesThatCouldNeverMatch() {
        assertThatThrownBy(() -> screenOf(emergency("chest, pain")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never match");
    }

    @Test
    void rejectsPhrasesThatAreTheSameOnceNormalised() {
        assertThatThrownBy(() -> screenOf(emergency("Convulsión"), new Phrase("convulsion", "es", Urgency.EMERGENCY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicates");
    }

    @Test
    void anEmptyPhraseListFlagsNothing() {
        assertThat(new RedFlagScreen(List.of()).screen("chest pain").hits()).isEmpty();
    }

    @Test
    void defaultsAreLoadedOnceAndCoverBothLanguagesAndUrgencies() {
        assertThat(RedFlagScreen.withDefaults()).isSameAs(DEFAULTS);
        assertThat(DEFAULTS.screen("chest pain").hits()).containsExactly(new Hit("chest pain", "en", Urgency.EMERGENCY));
        assertThat(DEFAULTS.screen("fever").hits()).containsExactly(new Hit("fever", "en", Urgency.CLINICAL));
        assertThat(DEFAULTS.screen("dolor de pecho").hits())
                .containsExactly(new Hit("dolor de pecho", "es", Urgency.EMERGENCY));
        assertThat(DEFAULTS.screen("fiebre").hits()).containsExactly(new Hit("fiebre", "es", Urgency.CLINICAL));
    }

    @Test
    void everyDefaultPhraseFlagsOnItsOwn() throws IOException {
        List<Phrase> defaults = defaultPhrases();

        assertThat(defaults.stream().filter(p -> p.language().equals("en"))).hasSizeGreaterThanOrEqualTo(40);
        assertThat(defaults.stream().filter(p -> p.language().equals("es"))).hasSizeGreaterThanOrEqualTo(40);
        for (Phrase phrase : defaults) {
            assertThat(DEFAULTS.screen("Patient called: " + phrase.text() + ", please call back").hits())
                    .as(phrase.text())
                    .contains(new Hit(phrase.text(), phrase.language(), phrase.urgency()));
        }
    }

    @Test
    void screensALongTranscriptQuickly() {
        StringBuilder text = new StringBuilder();
        String[] filler = {"no", "chest", "the", "pain", "fever", "denies", "dolor", "de", "worse", "pero"};
        for (int i = 0; text.length() < 20_000; i++) {
            text.append(filler[i % filler.length]).append(i % 7 == 0 ? ", " : " ");
        }
        text.append(". And now trouble breathing");

        Screening screening = assertTimeoutPreemptively(Duration.ofMillis(500), () -> DEFAULTS.screen(text.toString()));

        assertThat(screening.urgency()).contains(Urgency.EMERGENCY);
        assertThat(phrasesHit(screening)).contains("trouble breathing");
    }

    /** Reads the default list independently of the screen, so a phrase that can never match is caught. */
    static List<Phrase> defaultPhrases() throws IOException {
        try (InputStream in = RedFlagScreenTest.class.getClassLoader().getResourceAsStream("intake/red-flags.csv")) {
            assertThat(in).as("intake/red-flags.csv on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .skip(1)
                    .map(line -> line.split(","))
                    .map(f -> new Phrase(f[0], f[1], Urgency.valueOf(f[2].toUpperCase(Locale.ROOT))))
                    .toList();
        }
    }
}

package org.ringback.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringback.callback.Urgency;
import org.ringback.intake.RedFlagScreen.Hit;
import org.ringback.intake.RedFlagScreen.Phrase;
import org.ringback.intake.RedFlagScreen.Screening;

class RedFlagScreenProperties {

    private static final RedFlagScreen DEFAULTS = RedFlagScreen.withDefaults();

    /** Words that are neither phrases, negation cues, clause breakers nor parts of a longer phrase. */
    private static final List<String> FILLER = List.of(
            "today", "morning", "doctor", "appointment", "please", "call", "back", "thanks", "patient", "since",
            "hola", "cita", "gracias", "ayer", "mañana", "llamar", "por", "favor");

    private static final List<Phrase> PHRASES = load();

    private static List<Phrase> load() {
        try {
            return RedFlagScreenTest.defaultPhrases();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<Phrase> defaultPhrase() {
        return Arbitraries.of(PHRASES);
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.of(FILLER).list().ofMaxSize(8).map(words -> String.join(" ", words));
    }

    @Property
    void aPhraseAmongHarmlessWordsFlagsWithItsUrgency(@ForAll("defaultPhrase") Phrase phrase,
            @ForAll("filler") String before, @ForAll("filler") String after) {
        Screening screening = DEFAULTS.screen(before + " " + phrase.text() + " " + after);

        assertThat(screening.hits()).contains(new Hit(phrase.text(), phrase.language(), phrase.urgency()));
        assertThat(screening.urgency()).contains(phrase.urgency());
    }

    @Property
    void caseAndAccentsNeverChangeTheResult(@ForAll("defaultPhrase") Phrase phrase, @ForAll boolean upper) {
        String stripped = Normalizer.normalize(phrase.text(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String text = "llamada: " + (upper ? stripped.toUpperCase(Locale.ROOT) : stripped);

        assertThat(DEFAULTS.screen(text).hits()).contains(new Hit(phrase.text(), phrase.language(), phrase.urgency()));
    }

    @Property
    void aNegatedPhraseIsNotReported(@ForAll("defaultPhrase") Phrase phrase,
            @ForAll("negation") String cue) {
        Screening screening = DEFAULTS.screen(cue + " " + phrase.text());

        assertThat(screening.hits()).extracting(Hit::phrase).doesNotContain(phrase.text());
    }

    @Provide
    Arbitrary<String> negation() {
        return Arbitraries.of("no", "not", "denies", "patient denies", "without", "sin", "niega", "no tiene",
                "ningún", "ninguna");
    }

    @Property
    void anyTextScreensWithoutFailureAndOnlyReportsConfiguredPhrases(@ForAll String text) {
        Screening screening = DEFAULTS.screen(text);

        Set<Hit> configured = PHRASES.stream()
                .map(p -> new Hit(p.text(), p.language(), p.urgency()))
                .collect(Collectors.toSet());
        assertThat(configured).containsAll(screening.hits());
        assertThat(screening.hits()).doesNotHaveDuplicates();
        assertThat(screening.urgency()).isEqualTo(screening.hits().stream().map(Hit::urgency).max(Urgency::compareTo));
    }

    @Property
    void hitsAreOrderedMostUrgentFirst(@ForAll("mixedText") String text) {
        List<Urgency> urgencies = DEFAULTS.screen(text).hits().stream().map(Hit::urgency).toList();

        assertThat(urgencies).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.of(FILLER),
                Arbitraries.of(PHRASES).map(Phrase::text),
                Arbitraries.of("no", "but", ",", ".", "pero", "sin"));
        return words.list().ofMaxSize(30).map(list -> String.join(" ", list));
    }
}

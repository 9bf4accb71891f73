package org.ringback.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScriptRendererTest {

    private static final String VOICEMAIL =
            "Hello, this is {staffName} from {practice} returning a call for {patientFirstName}. Please call us back at {callbackNumber}. Thank you.";

    private static final Map<String, String> VALUES = Map.of(
            "staffName", "Dana", "practice", "Lakeside Family Medicine", "patientFirstName", "Maria",
            "callbackNumber", "(617) 555-0100", "reason", "refill request", "categoryName", "Prescription question",
            "details.visitType", "follow-up");

    @Test
    void fillsEveryPlaceholder() {
        assertThat(ScriptRenderer.render(VOICEMAIL, "en", VALUES, false)).isEqualTo(
                "Hello, this is Dana from Lakeside Family Medicine returning a call for Maria. Please call us back at (617) 555-0100. Thank you.");
    }

    @Test
    void aMissingOrBlankValueReadsAsANeutralPhraseInTheScriptsLanguage() {
        assertThat(ScriptRenderer.render(VOICEMAIL, "en", Map.of("patientFirstName", "  "), false)).isEqualTo(
                "Hello, this is a member of our team from our office returning a call for you. Please call us back at our main number. Thank you.");
        assertThat(ScriptRenderer.render("Le habla {staffName} de {practice}. Llámenos al {callbackNumber}.", "es", Map.of(), false))
                .isEqualTo("Le habla un miembro de nuestro equipo de nuestra oficina. Llámenos al número principal de nuestra oficina.");
    }

    @Test
    void sensitiveValuesShowOnlyWhenAllowed() {
        String text = "About {categoryName}: {reason} ({details.visitType}).";

        assertThat(ScriptRenderer.render(text, "en", VALUES, true)).isEqualTo("About Prescription question: refill request (follow-up).");
        assertThat(ScriptRenderer.render(text, "en", VALUES, false))
                .isEqualTo("About your request: your request (the information we have on file).")
                .doesNotContain("refill", "Prescription", "follow-up");
    }

    @Test
    void aMissingDetailReadsAsANeutralPhrase() {
        assertThat(ScriptRenderer.render("Visit: {details.visitType}", "es", Map.of(), true)).isEqualTo("Visit: la información que tenemos");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hi {unknown}!", "Hi {{patientFirstName}}", "Hi {patientFirstName", "Hi }{", "{}"})
    void neverShowsARawPlaceholderOrBrace(String text) {
        assertThat(ScriptRenderer.render(text, "en", VALUES, true)).doesNotContain("{", "}");
    }

    @Test
    void valuesAreNotExpandedAgainAndReadAsOnePhrase() {
        var rendered = ScriptRenderer.render("Hi {patientFirstName}, {staffName} here.", "en",
                Map.of("patientFirstName", "{reason}", "staffName", "  Dana\n  R. ", "reason", "secret"), true);

        assertThat(rendered).isEqualTo("Hi reason, Dana R. here.");
    }

    @Test
    void anUnknownLanguageUsesEnglishFallbacks() {
        assertThat(ScriptRenderer.render("{staffName}", "fr", Map.of(), false)).isEqualTo("a member of our team");
        assertThat(ScriptRenderer.render("{staffName}", null, null, false)).isEqualTo("a member of our team");
    }
}

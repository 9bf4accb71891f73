package org.ringback.scripts.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.scripts.Script;
import org.ringback.scripts.ScriptKey;
import org.ringback.scripts.ScriptLibrary;
import org.ringback.scripts.Situation;
import org.ringback.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scripts library over JSON.
 * <ul>
 *   <li>{@code GET /api/v1/practices/{practiceId}/scripts[?situation=&language=&category=]} → {@code {items, next: null}}
 *       of the effective library, each {@code {category, situation, language, detailed, text, source, unattended,
 *       updatedAt, updatedBy}}; {@code source} is {@code DEFAULT} or {@code PRACTICE}. Any user of the practice.</li>
 *   <li>{@code PUT /api/v1/practices/{practiceId}/scripts} with {@code {category, situation, language, detailed, text}}
 *       → 200 with the saved script. The key travels in the body: {@code category} defaults to {@code ANY},
 *       {@code detailed} to false. A manager of the practice only (403 otherwise). 400 for an unknown situation,
 *       a language other than en/es, a detailed variant of an attended situation, a blank text or one over 2000
 *       characters; 422 when the category is not the practice's, or the lint refuses the text (each refused word
 *       or placeholder is one {@code errors} entry for field {@code text}).</li>
 *   <li>{@code DELETE /api/v1/practices/{practiceId}/scripts/{category}/{situation}/{language}[?detailed=true]}
 *       → 204: the practice's own script is removed and the default applies again (404 when it had none).</li>
 *   <li>{@code POST /api/v1/practices/{practiceId}/scripts/preview} with {@code {category, situation, language,
 *       detailedConsent, values}} → {@code {text, script}}: the script that would be used for such a callback,
 *       rendered with the given placeholder values. Any user of the practice.</li>
 * </ul>
 * Another practice's id answers 404.
 */
@RestController
class ScriptController {

    private static final String CATEGORY = "ANY|[A-Z][A-Z0-9_]{1,39}";
    private static final String CATEGORY_MESSAGE = "must be ANY or a category code in UPPER_SNAKE, e.g. BILLING";

    record ScriptJson(String category, Situation situation, String language, boolean detailed, String text,
                      Script.Source source, boolean unattended, Instant updatedAt, String updatedBy) {
        static ScriptJson of(Script script) {
            ScriptKey key = script.key();
            return new ScriptJson(key.category(), key.situation(), key.language(), key.detailed(), script.text(),
                    script.source(), key.situation().unattended(), script.updatedAt().orElse(null), script.updatedBy().orElse(null));
        }
    }

    record ScriptRequest(
            @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category,
            @NotNull Situation situation,
            @NotNull @Pattern(regexp = "en|es", message = "must be en or es") String language,
            boolean detailed,
            @NotBlank @Size(max = ScriptLibrary.MAX_LENGTH, message = "must be at most " + ScriptLibrary.MAX_LENGTH + " characters") String text) {
    }

    record PreviewRequest(
            @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category,
            @NotNull Situation situation,
            @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", message = "must be a language tag like en or es-MX") String language,
            boolean detailedConsent,
            @Size(max = 30) Map<@NotBlank @Size(max = 80) String, @Size(max = ScriptLibrary.MAX_LENGTH) String> values) {
    }

    record PreviewJson(String text, ScriptJson script) {
    }

    private final ScriptLibrary library;

    ScriptController(ScriptLibrary library) {
        this.library = library;
    }

    @GetMapping("/api/v1/practices/{practiceId}/scripts")
    Page<ScriptJson> list(@PathVariable UUID practiceId,
                          @RequestParam(required = false) Situation situation,
                          @RequestParam(required = false) String language,
                          @RequestParam(required = false) String category) {
        return Page.of(library.library(practiceId).stream()
                .filter(s -> situation == null || s.key().situation() == situation)
                .filter(s -> language == null || s.key().language().equals(language))
                .filter(s -> category == null || s.key().category().equals(category))
                .map(ScriptJson::of)
                .toList());
    }

    @PutMapping("/api/v1/practices/{practiceId}/scripts")
    ScriptJson replace(@PathVariable UUID practiceId, @Valid @RequestBody ScriptRequest request) {
        var key = new ScriptKey(request.category() == null ? ScriptKey.ANY : request.category(), request.situation(),
                request.language(), request.detailed());
        return ScriptJson.of(library.replace(practiceId, key, request.text()));
    }

    @DeleteMapping("/api/v1/practices/{practiceId}/scripts/{category}/{situation}/{language}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revert(@PathVariable UUID practiceId,
                @PathVariable @Pattern(regexp = CATEGORY, message = CATEGORY_MESSAGE) String category,
                @PathVariable Situation situation,
                @PathVariable @Pattern(regexp = "en|es", message = "must be en or es") String language,
                @RequestParam(defaultValue = "false") boolean detailed) {
        library.revert(practiceId, new ScriptKey(category, situation, language, detailed));
    }

    @PostMapping("/api/v1/practices/{practiceId}/scripts/preview")
    PreviewJson preview(@PathVariable UUID practiceId, @Valid @RequestBody PreviewRequest request) {
        String category = request.category() == null ? ScriptKey.ANY : request.category();
        Script script = library.select(practiceId, category, request.situation(), request.language(), request.detailedConsent());
        String text = library.render(practiceId, category, request.situation(), request.language(), request.detailedConsent(),
                request.values() == null ? Map.of() : request.values());
        return new PreviewJson(text, ScriptJson.of(script));
    }
}

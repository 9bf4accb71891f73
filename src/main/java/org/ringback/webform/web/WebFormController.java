package org.ringback.webform.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ringback.webform.WebForms;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET/PUT /practices/{id}/web-form}: the address of the practice's public callback form and whether it is open. */
@RestController
class WebFormController {

    record WebFormJson(@NotNull @Size(max = 60) String slug, @NotNull Boolean enabled) {
    }

    record WebFormView(String slug, boolean enabled, String path, long spamTrapped) {
        static WebFormView of(WebForms.Settings settings) {
            return new WebFormView(settings.slug(), settings.enabled(),
                    settings.slug() == null ? null : "/p/" + settings.slug() + "/callback", settings.spamTrapped());
        }
    }

    private final WebForms webForms;

    WebFormController(WebForms webForms) {
        this.webForms = webForms;
    }

    @GetMapping("/api/v1/practices/{practiceId}/web-form")
    WebFormView get(@PathVariable UUID practiceId) {
        return WebFormView.of(webForms.settings(practiceId));
    }

    @PutMapping("/api/v1/practices/{practiceId}/web-form")
    WebFormView put(@PathVariable UUID practiceId, @Valid @RequestBody WebFormJson body) {
        return WebFormView.of(webForms.configure(practiceId, body.slug(), body.enabled()));
    }
}

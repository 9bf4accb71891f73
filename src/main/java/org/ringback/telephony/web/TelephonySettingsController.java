package org.ringback.telephony.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ringback.telephony.Telephony;
import org.ringback.telephony.TelephonyProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /practices/{id}/telephony}: a manager sets the Twilio auth token (never shown again) and the number lists. */
@RestController
class TelephonySettingsController {

    record SettingsRequest(
            @Size(max = 200) @Pattern(regexp = "\\S*", message = "must not contain spaces") String twilioAuthToken,
            @Size(max = 100) List<@NotNull @Size(max = 40) String> ownNumbers,
            @Size(max = 100) List<@NotNull @Size(max = 40) String> blockedNumbers) {
    }

    record Webhooks(String voice, String transcription) {
    }

    record SettingsView(boolean twilioAuthTokenConfigured, List<String> ownNumbers, List<String> blockedNumbers,
                        Webhooks webhooks, int pendingWebhooks, int failedWebhooks) {
    }

    private final Telephony telephony;
    private final TelephonyProperties properties;

    TelephonySettingsController(Telephony telephony, TelephonyProperties properties) {
        this.telephony = telephony;
        this.properties = properties;
    }

    @GetMapping("/api/v1/practices/{practiceId}/telephony")
    SettingsView get(@PathVariable UUID practiceId) {
        return view(practiceId, telephony.settings(practiceId));
    }

    @PutMapping("/api/v1/practices/{practiceId}/telephony")
    SettingsView put(@PathVariable UUID practiceId, @Valid @RequestBody SettingsRequest request) {
        return view(practiceId, telephony.configure(practiceId, new Telephony.SettingsChange(Optional.ofNullable(request.twilioAuthToken()),
                Optional.ofNullable(request.ownNumbers()), Optional.ofNullable(request.blockedNumbers()))));
    }

    @PostMapping("/api/v1/practices/{practiceId}/telephony/retry-failed")
    Map<String, Integer> retryFailed(@PathVariable UUID practiceId) {
        return Map.of("requeued", telephony.retryFailedWebhooks(practiceId));
    }

    private SettingsView view(UUID practiceId, Telephony.SettingsView settings) {
        String base = properties.publicBaseUrl().isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : properties.publicBaseUrl().replaceAll("/$", "");
        return new SettingsView(settings.twilioAuthTokenConfigured(), settings.ownNumbers(), settings.blockedNumbers(),
                new Webhooks(base + "/webhooks/twilio/voice/" + practiceId, base + "/webhooks/twilio/transcription/" + practiceId),
                settings.pendingWebhooks(), settings.failedWebhooks());
    }
}

package org.ringback.telephony;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.identity.Identity;
import org.ringback.patient.PhoneNumbers;
import org.ringback.practice.PracticeCreated;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The telephony module's facade for a practice's Twilio settings (managers only). The auth token is write-only. */
@Service
public class Telephony {

    /** The settings as they may be shown: whether a token is set, never the token. */
    public record SettingsView(boolean twilioAuthTokenConfigured, List<String> ownNumbers, List<String> blockedNumbers,
                               int pendingWebhooks, int failedWebhooks) {
    }

    /** A change: absent fields keep their value; an empty token removes it (webhooks are then refused). */
    public record SettingsChange(Optional<String> twilioAuthToken, Optional<List<String>> ownNumbers,
                                 Optional<List<String>> blockedNumbers) {
    }

    static final int MAX_NUMBERS = 100;

    private final SettingsStore settings;
    private final Inbox inbox;
    private final PracticeDirectory practices;
    private final Identity identity;
    private final Clock clock;

    Telephony(SettingsStore settings, Inbox inbox, PracticeDirectory practices, Identity identity, Clock clock) {
        this.settings = settings;
        this.inbox = inbox;
        this.practices = practices;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SettingsView settings(UUID practiceId) {
        identity.requireManager(practiceId);
        practices.find(practiceId);
        return view(settings.find(practiceId).orElseGet(() -> TelephonySettings.none(practiceId)));
    }

    @Transactional
    public SettingsView configure(UUID practiceId, SettingsChange change) {
        identity.requireManager(practiceId);
        String region = practices.find(practiceId).phoneRegion();
        TelephonySettings current = settings.find(practiceId).orElseGet(() -> TelephonySettings.none(practiceId));
        Optional<String> token = change.twilioAuthToken().isPresent()
                ? change.twilioAuthToken().map(String::strip).filter(t -> !t.isEmpty())
                : current.authToken();
        var changed = new TelephonySettings(practiceId, token,
                change.ownNumbers().map(numbers -> normalise(numbers, region, "ownNumbers")).orElse(current.ownNumbers()),
                change.blockedNumbers().map(numbers -> normalise(numbers, region, "blockedNumbers")).orElse(current.blockedNumbers()));
        settings.save(changed, change.twilioAuthToken().isPresent(), clock.instant());
        return view(changed);
    }

    /** The token given when the practice was created (API.md), stored in the same transaction. */
    @EventListener
    void practiceCreated(PracticeCreated created) {
        created.twilioAuthToken().ifPresent(token -> configure(created.practiceId(),
                new SettingsChange(Optional.of(token), Optional.empty(), Optional.empty())));
    }

    /** After the cause of a failure is fixed: the practice's failed webhooks are tried again; answers how many. */
    @Transactional
    public int retryFailedWebhooks(UUID practiceId) {
        identity.requireManager(practiceId);
        practices.find(practiceId);
        return inbox.retryFailed(practiceId, clock.instant());
    }

    private SettingsView view(TelephonySettings s) {
        Map<Inbox.Status, Integer> counts = inbox.counts(s.practiceId());
        return new SettingsView(s.authToken().isPresent(), s.ownNumbers(), s.blockedNumbers(),
                counts.get(Inbox.Status.PENDING), counts.get(Inbox.Status.FAILED));
    }

    private static List<String> normalise(List<String> numbers, String region, String field) {
        if (numbers.size() > MAX_NUMBERS) {
            throw new Refusal.InvalidInput(field, "may list at most " + MAX_NUMBERS + " numbers");
        }
        var normalised = new LinkedHashSet<String>();
        for (int i = 0; i < numbers.size(); i++) {
            normalised.add(PhoneNumbers.normalise(numbers.get(i), region, field + "[" + i + "]"));
        }
        return new ArrayList<>(normalised);
    }
}

package org.ringback.webform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ringback.audit.AuditLog;
import org.ringback.callback.Actor;
import org.ringback.callback.Channel;
import org.ringback.callback.Urgency;
import org.ringback.identity.Identity;
import org.ringback.intake.Intake;
import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.patient.PhoneNumbers;
import org.ringback.practice.CallWindow;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The web form module's facade: a practice's form settings (for managers), and for the public page the open
 * form behind a slug, its spam limits, and the submission that goes through intake like every other channel.
 */
@Service
public class WebForms {

    /** A practice's form: its address slug, whether it is open, and how many posts the spam trap caught. */
    public record Settings(UUID practiceId, String slug, boolean enabled, long spamTrapped) {
    }

    /** An open form: the practice behind the slug and what the form offers. */
    public record OpenForm(Practice practice, String slug, List<CallWindow> windows, List<ReasonChoice> reasons) {
    }

    /** The form as posted: raw text, checked by {@link #check}. */
    public record Input(String name, String phone, String reason, String details, List<String> windows, boolean voicemail,
                        boolean sms, String language, String submissionKey) {
    }

    /** A form that passed every check: normalised values only. */
    public record Entry(String name, String phone, ReasonChoice reason, Optional<String> details, List<String> windows,
                        boolean voicemail, boolean sms, String language, String submissionKey) {
    }

    /** The outcome of the checks: either errors (field to message code) or the entry. */
    public record Checked(Map<String, String> errors, Optional<Entry> entry) {
    }

    /** The consent given on the form, with the version of the wording shown and when. */
    public record GivenConsent(boolean voicemail, boolean sms, String wordingVersion, Instant at) {
    }

    /** What the confirmation page shows: an opaque id, the promised first call, and no patient data. */
    public record Receipt(UUID practiceId, UUID id, Instant promisedBy, String language, boolean emergency, GivenConsent consent) {
    }

    public static final Set<String> LANGUAGES = Set.of("en", "es");
    public static final int MAX_NAME = 200;
    public static final int MAX_DETAILS = 4000;

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Actor WEB_FORM = new Actor("web form", false);

    private final Forms forms;
    private final Submissions submissions;
    private final RateLimits rateLimits;
    private final WebFormProperties properties;
    private final PracticeDirectory practices;
    private final PatientRegistry patients;
    private final Intake intake;
    private final Identity identity;
    private final AuditLog audit;
    private final Clock clock;

    WebForms(Forms forms, Submissions submissions, RateLimits rateLimits, WebFormProperties properties, PracticeDirectory practices,
             PatientRegistry patients, Intake intake, Identity identity, AuditLog audit, Clock clock) {
        this.forms = forms;
        this.submissions = submissions;
        this.rateLimits = rateLimits;
        this.properties = properties;
        this.practices = practices;
        this.patients = patients;
        this.intake = intake;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- settings (managers) ----

    /** The practice's form settings; a practice without a form answers a closed form without a slug. */
    public Settings settings(UUID practiceId) {
        identity.requireAccess(practiceId);
        practices.find(practiceId);
        return forms.find(practiceId).orElse(new Settings(practiceId, null, false, 0));
    }

    @Transactional
    public Settings configure(UUID practiceId, String slug, boolean enabled) {
        identity.requireManager(practiceId);
        practices.find(practiceId);
        if (slug == null || slug.length() < 3 || slug.length() > 60 || !SLUG.matcher(slug).matches()) {
            throw new Refusal.InvalidInput("slug", "must be 3 to 60 lowercase letters or digits, with single hyphens between them");
        }
        try {
            forms.save(practiceId, slug, enabled, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new Refusal.Conflict("Another practice already uses this web form address");
        }
        return forms.find(practiceId).orElseThrow();
    }

    /** Opens a form at this slug for a practice without a form yet, unless the slug is taken (first-start demo). */
    @Transactional
    public boolean publishIfFree(UUID practiceId, String slug) {
        return forms.saveIfFree(practiceId, slug, clock.instant());
    }

    // ---- the public form ----

    /** @throws UnknownForm when no practice has an open form at this slug */
    public OpenForm open(String slug) {
        if (slug == null || slug.length() > 60 || !SLUG.matcher(slug).matches()) {
            throw new UnknownForm();
        }
        UUID practiceId = forms.enabledPractice(slug).orElseThrow(UnknownForm::new);
        Practice practice = practices.find(practiceId);
        return new OpenForm(practice, slug, offeredWindows(practice), Arrays.asList(ReasonChoice.values()));
    }

    /** Counts a post from this client; false when it is over the limit (the post must then change nothing). */
    @Transactional
    public boolean admit(OpenForm form, String clientAddress) {
        return rateLimits.hit(form.practice().id(), fingerprint(clientAddress), clock.instant(), properties.rateWindow())
                <= properties.rateLimit();
    }

    /** Forgets the post counts of windows that have ended; answers how many were dropped. */
    @Transactional
    public int forgetEndedRateWindows() {
        return rateLimits.forgetEnded(clock.instant(), properties.rateWindow());
    }

    public int rateLimit() {
        return properties.rateLimit();
    }

    public Duration rateWindow() {
        return properties.rateWindow();
    }

    /** A post that filled the hidden trap field: counted, nothing else kept. */
    @Transactional
    public void trapped(OpenForm form) {
        forms.countTrapped(form.practice().id());
    }

    /** When a request of this kind received now would be called back (what a trapped post is shown, for looks). */
    public Instant promise(OpenForm form, ReasonChoice reason) {
        var category = practices.category(form.practice().id(), reason.category());
        return category.responseWindow().dueAt(clock.instant(), form.practice().calendar());
    }

    public Checked check(OpenForm form, Input input) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = strip(input.name());
        if (name.isEmpty()) {
            errors.put("name", "webform.error.name.required");
        } else if (name.length() > MAX_NAME) {
            errors.put("name", "webform.error.name.tooLong");
        }
        String phone = strip(input.phone());
        String e164 = null;
        if (phone.isEmpty()) {
            errors.put("phone", "webform.error.phone.required");
        } else {
            try {
                e164 = PhoneNumbers.normalise(phone, form.practice().phoneRegion(), "phone");
            } catch (Refusal.InvalidInput invalid) {
                errors.put("phone", "webform.error.phone.invalid");
            }
        }
        Optional<ReasonChoice> reason = ReasonChoice.of(strip(input.reason())).filter(form.reasons()::contains);
        if (reason.isEmpty()) {
            errors.put("reason", "webform.error.reason.required");
        }
        String details = strip(input.details());
        if (details.length() > MAX_DETAILS) {
            errors.put("details", "webform.error.details.tooLong");
        }
        List<String> windows = input.windows() == null ? List.of() : input.windows().stream().distinct().toList();
        Set<String> offered = Set.copyOf(form.windows().stream().map(CallWindow::name).toList());
        if (!offered.containsAll(windows)) {
            errors.put("windows", "webform.error.windows.unknown");
        }
        if (!errors.isEmpty()) {
            return new Checked(errors, Optional.empty());
        }
        String language = LANGUAGES.contains(input.language()) ? input.language() : "en";
        String key = input.submissionKey() != null && KEY.matcher(input.submissionKey()).matches()
                ? input.submissionKey() : UUID.randomUUID().toString();
        return new Checked(Map.of(), Optional.of(new Entry(name, e164, reason.get(), Optional.of(details).filter(d -> !d.isEmpty()),
                windows, input.voicemail(), input.sms(), language, key)));
    }

    /**
     * Files the request through intake (red-flag screen, repeat calls, idempotency) for the patient with this
     * phone, registering a new patient when nobody has it; a phone several patients share stays a caller phone.
     * The same submission key posted twice answers the first receipt.
     */
    @Transactional
    public Receipt submit(OpenForm form, Entry entry) {
        UUID practiceId = form.practice().id();
        // Locked first, so a double post (same key, same phone) waits for the first and then finds its receipt.
        forms.lockPhone(practiceId, entry.phone());
        Optional<Receipt> earlier = submissions.findByKey(practiceId, entry.submissionKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        Optional<Patient> patient = patients.findUniqueByPhone(practiceId, entry.phone());
        if (patient.isEmpty() && patients.countByPhone(practiceId, entry.phone()) == 0) {
            Patient created = new Patient(practiceId, UUID.randomUUID(), entry.name(), Optional.empty(), List.of(entry.phone()),
                    ContactMethod.PHONE, Set.copyOf(entry.windows()), entry.language(),
                    new Consent(entry.voicemail(), false, entry.sms(), false, false));
            patients.registerUnchecked(created);
            audit.record(practiceId, AuditLog.Action.CREATE, "patient", created.id().toString());
            patient = Optional.of(created);
        }
        Map<String, String> details = entry.windows().isEmpty() ? Map.of() : Map.of("preferredWindows", String.join(", ", entry.windows()));
        var outcome = intake.receive(new Intake.IntakeRequest(practiceId, Channel.WEB_FORM, Optional.of(entry.reason().category()),
                Optional.empty(), patient.map(Patient::id), Optional.of(entry.phone()), Optional.of(entry.name()), entry.details(),
                details, Optional.of(now), Optional.of("webform:" + entry.submissionKey())), WEB_FORM);
        var state = outcome.callback().state();
        var receipt = new Receipt(practiceId, UUID.randomUUID(), state.firstAttemptDueAt(), entry.language(),
                state.urgency() == Urgency.EMERGENCY, new GivenConsent(entry.voicemail(), entry.sms(), ConsentWording.VERSION, now));
        submissions.insert(receipt, entry.submissionKey(), outcome.callback().id(), patient.map(Patient::id), state.category(), now);
        return receipt;
    }

    /** A confirmation of this form's practice; another practice's id is as unknown as a made-up one. */
    public Optional<Receipt> receipt(OpenForm form, UUID id) {
        return submissions.find(form.practice().id(), id);
    }

    /** The practice's call windows that overlap its opening hours on some weekday (an evening window of a practice closed at 17:00 is not offered). */
    static List<CallWindow> offeredWindows(Practice practice) {
        return practice.callWindows().stream()
                .filter(window -> practice.businessHours().values().stream().flatMap(List::stream)
                        .anyMatch(open -> overlaps(open, window)))
                .toList();
    }

    private static boolean overlaps(OpeningInterval open, CallWindow window) {
        boolean endsAfterWindowStart = open.endsAtMidnight() || open.end().isAfter(window.start());
        return endsAfterWindowStart && open.start().isBefore(window.end());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** The rate limit keys on a hash of the address: the table never holds the address itself. */
    private static String fingerprint(String clientAddress) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

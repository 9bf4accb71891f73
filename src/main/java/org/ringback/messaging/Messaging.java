package org.ringback.messaging;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ringback.audit.AuditLog;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackDesk;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.scripts.ScriptLibrary;
import org.ringback.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messaging module's facade: queues outbound texts in the outbox, inside the caller's transaction, after the
 * {@link TextingPolicy} rules, with text from the practice's approved scripts; and lists a practice's messages.
 * A message a rule refuses is stored as SUPPRESSED with its reason, never dropped.
 */
@Service
public class Messaging {

    /** An https link without spaces or braces, short enough for a text. */
    private static final Pattern LINK = Pattern.compile("https://[^\\s{}]{1,300}");

    /** What staff (not managers) see: everything but the dead letters, which are for managers to act on. */
    private static final Set<MessageStatus> STAFF_STATUSES = EnumSet.complementOf(EnumSet.of(MessageStatus.DEAD));

    private final Outbox outbox;
    private final PracticeDirectory practices;
    private final PatientRegistry patients;
    private final ScriptLibrary scripts;
    private final Identity identity;
    private final AuditLog audit;
    private final Clock clock;
    private final CallbackDesk callbacks;

    Messaging(Outbox outbox, PracticeDirectory practices, PatientRegistry patients, ScriptLibrary scripts, Identity identity,
              AuditLog audit, Clock clock, CallbackDesk callbacks) {
        this.outbox = outbox;
        this.callbacks = callbacks;
        this.practices = practices;
        this.patients = patients;
        this.scripts = scripts;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a listing asks for: one status or all the caller may see, optionally one callback's, a page after a cursor. */
    public record Query(Optional<MessageStatus> status, Optional<UUID> callbackId, long before, int limit) {
    }

    /**
     * Queues a text of {@code kind} about a callback, in the caller's transaction (the change that causes it).
     * The text is the practice's approved script for the kind's situation, in the patient's language, rendered
     * with {@code values} (placeholder name to value); it is stored QUEUED for the practice's next open time, or
     * SUPPRESSED with the reason a rule gives.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public OutboundMessage queue(MessageKind kind, UUID practiceId, Optional<UUID> callbackId, Optional<UUID> patientId,
                                 String category, Map<String, String> values) {
        Instant now = clock.instant();
        Practice practice = practices.find(practiceId);
        Optional<Patient> patient = patientId.flatMap(id -> patients.find(practiceId, id));
        TextingPolicy.Recipient recipient = patient.map(Messaging::recipient).orElse(TextingPolicy.Recipient.UNKNOWN_CALLER);
        Set<LocalDate> daysTexted = patient.isPresent() && kind.automatic()
                ? outbox.daysTexted(practiceId, patient.get().id(), Optional.empty()) : Set.of();
        TextingPolicy.Verdict verdict = TextingPolicy.decide(recipient, kind.automatic(), daysTexted, practice.calendar(), now);
        UUID id = UUID.randomUUID();
        Optional<String> language = patient.map(Patient::language);
        if (verdict instanceof TextingPolicy.Send send) {
            var filled = new HashMap<String, String>(values);
            patient.map(Patient::displayName).map(Messaging::firstName).ifPresent(name -> filled.putIfAbsent("patientFirstName", name));
            String text = scripts.render(practiceId, category, kind.situation(), language.orElse(null),
                    recipient.consent().detailedVoicemail(), filled);
            boolean queued = outbox.insert(new Outbox.NewMessage(practiceId, id, callbackId, patientId, kind, language,
                    recipient.phone(), Optional.of(text), MessageStatus.QUEUED, Optional.empty(), Optional.of(send.day()), now, send.at()));
            if (!queued) {
                // Another transaction queued the patient's automatic text of that day first.
                verdict = new TextingPolicy.Suppress(SuppressionReason.DAILY_LIMIT);
            }
        }
        if (verdict instanceof TextingPolicy.Suppress suppress) {
            outbox.insert(new Outbox.NewMessage(practiceId, id, callbackId, patientId, kind, language, Optional.empty(),
                    Optional.empty(), MessageStatus.SUPPRESSED, Optional.of(suppress.reason().name()), Optional.empty(), now, now));
        }
        audit.record(practiceId, AuditLog.Action.CREATE, "message", id.toString());
        return outbox.find(practiceId, id).orElseThrow(() -> new IllegalStateException("The queued message is missing"));
    }

    /**
     * Queues the practice's approved APPOINTMENT_LINK text with a booking link for the patient of a callback the caller
     * may see (another practice's callback answers 404). Ringback has no booking step of its own yet: staff or an
     * integration call this (REST: {@code POST /api/v1/callbacks/{id}/messages/appointment-link}). It is not an
     * automatic text, so the one-a-day limit does not apply; consent and opening hours do.
     */
    @Transactional
    public OutboundMessage queueAppointmentLink(UUID callbackId, URI link) {
        if (link == null || !LINK.matcher(link.toString()).matches()) {
            throw new Refusal.InvalidInput("link", "must be an https link of at most 300 characters");
        }
        Callback callback = callbacks.get(callbackId);
        return queue(MessageKind.APPOINTMENT_LINK, callback.practiceId(), Optional.of(callbackId), callback.patientId(),
                callback.category(), Map.of("appointmentLink", link.toString()));
    }

    /**
     * A practice's messages, newest first. Managers (and admins) see every status including the dead letters;
     * other staff see all but DEAD, and asking for DEAD is refused. The listing carries patient data (numbers and
     * texts), so it is audited.
     */
    @Transactional
    public List<OutboundMessage> list(UUID practiceId, Query query) {
        CurrentUser user = identity.requireAccess(practiceId);
        practices.find(practiceId);
        boolean manager = user.manages(practiceId);
        if (query.status().filter(MessageStatus.DEAD::equals).isPresent() && !manager) {
            throw new Refusal.NotPermitted("Only a manager of this practice sees dead letters");
        }
        Set<MessageStatus> statuses = query.status().map(Set::of).orElse(manager ? Set.of() : STAFF_STATUSES);
        audit.record(practiceId, AuditLog.Action.LIST, "message", query.callbackId().map(id -> "callback:" + id).orElse(null));
        return outbox.page(practiceId, statuses, query.callbackId(), query.before(), query.limit());
    }

    static TextingPolicy.Recipient recipient(Patient patient) {
        return new TextingPolicy.Recipient(patient.consent(), patient.primaryPhone());
    }

    private static String firstName(String displayName) {
        String trimmed = displayName.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}

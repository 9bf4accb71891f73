package org.ringback.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.ringback.audit.AuditLog;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.patient.Consent;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The callback module's facade: load an item the caller may see, let the aggregate decide, save it.
 * Another practice's item answers 404, exactly like an unknown one.
 */
@Service
public class CallbackDesk {

    private final Callbacks callbacks;
    private final PracticeDirectory practices;
    private final PatientRegistry patients;
    private final Identity identity;
    private final Clock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CallbackDesk(Callbacks callbacks, PracticeDirectory practices, PatientRegistry patients, Identity identity, Clock clock,
                 AuditLog audit, ApplicationEventPublisher events) {
        this.audit = audit;
        this.events = events;
        this.callbacks = callbacks;
        this.practices = practices;
        this.patients = patients;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public Callback get(UUID id) {
        Callback callback = load(id);
        audit.record(callback.practiceId(), AuditLog.Action.READ, "callback", id.toString());
        return withClocks(callback);
    }

    @Transactional
    public List<Callback> board(UUID practiceId, BoardFilter filter, Optional<BoardCursor> after, int limit) {
        practices.get(practiceId);
        audit.record(practiceId, AuditLog.Action.LIST, "callback", null);
        return callbacks.board(practiceId, filter, after, limit);
    }

    /**
     * Every callback of one patient that the caller may see, oldest first, with attempts (no timeline): for the
     * FHIR Task search. A patient id belongs to one practice, so another practice's patient answers an empty list.
     */
    @Transactional
    public List<Callback> ofPatient(UUID patientId) {
        CurrentUser user = identity.current();
        List<Callback> found = callbacks.ofPatient(patientId).stream()
                .filter(callback -> user.canSee(callback.practiceId()))
                .toList();
        found.stream().map(Callback::practiceId).distinct()
                .forEach(practiceId -> audit.record(practiceId, AuditLog.Action.LIST, "callback", "patient:" + patientId));
        return found;
    }

    /** Records an attempt; {@link AttemptRecorded} is published in the same transaction (messaging's outbox listens). */
    @Transactional
    public Callback recordAttempt(UUID id, Callback.AttemptReport report, Optional<Integer> version) {
        var recorded = new Attempt[1];
        Callback changed = change(id, version, (callback, actor) ->
                recorded[0] = callback.recordAttempt(report, context(callback), actor, clock.instant()));
        // Only an open item takes an attempt, so a closure now is the one this attempt made.
        Optional<ClosureOutcome> closedAs = changed.state().closure().map(Closure::outcome);
        events.publishEvent(new AttemptRecorded(changed.practiceId(), id, changed.patientId(), changed.category(), recorded[0].seq(),
                recorded[0].method(), recorded[0].result(), recorded[0].at(), closedAs));
        return changed;
    }

    @Transactional
    public Callback assign(UUID id, Optional<String> queue, Optional<String> owner, Optional<Integer> version) {
        return change(id, version, (callback, actor) -> {
            owner.filter(username -> !identity.worksAt(username, callback.practiceId())).ifPresent(username -> {
                throw new Refusal.RuleViolation("The owner is not a user of this practice",
                        List.of(new Refusal.FieldError("owner", "is not a user of this practice")));
            });
            callback.assign(queue, owner, clock.instant(), actor);
        });
    }

    @Transactional
    public Callback waitOn(UUID id, WaitingOn on, Optional<String> note, Optional<LocalDate> expectedBy, Optional<Integer> version) {
        return change(id, version, (callback, actor) -> callback.waitOn(on, note, expectedBy, clock.instant(), context(callback), actor));
    }

    @Transactional
    public Callback resume(UUID id, Optional<Integer> version) {
        return change(id, version, (callback, actor) -> callback.resume(clock.instant(), context(callback), actor));
    }

    @Transactional
    public Callback escalate(UUID id, String reason, Optional<Integer> version) {
        return change(id, version, (callback, actor) -> callback.escalate(reason, clock.instant(), actor));
    }

    @Transactional
    public Callback changeUrgency(UUID id, Urgency urgency, String reason, Optional<Integer> version) {
        return change(id, version, (callback, actor) -> callback.changeUrgency(urgency, reason, clock.instant(), context(callback), actor));
    }

    @Transactional
    public Callback markNextStepDone(UUID id, Optional<String> note, Optional<Integer> version) {
        return change(id, version, (callback, actor) -> callback.markNextStepDone(note, clock.instant(), actor));
    }

    @Transactional
    public Callback close(UUID id, ClosureOutcome outcome, Optional<String> note, Map<String, String> details, int version) {
        Instant at = clock.instant();
        Callback closed = change(id, Optional.of(version), (callback, actor) ->
                callback.close(outcome, note, details, at, context(callback), actor));
        events.publishEvent(new CallbackClosed(closed.practiceId(), id, closed.patientId(), closed.category(), outcome, at));
        return closed;
    }

    // For intake, which has already checked the caller's access to the practice.

    /** The rules' view around a new or stored item of a practice. */
    public CallbackContext context(UUID practiceId, String category, Optional<UUID> patientId) {
        return contextFor(practiceId, category, patientId.flatMap(pid -> patients.find(practiceId, pid)));
    }

    private CallbackContext contextFor(UUID practiceId, String category, Optional<Patient> patient) {
        Practice practice = practices.find(practiceId);
        return new CallbackContext(practices.category(practiceId, category), practices.calendar(practiceId), practice.callWindows(),
                patient.map(Patient::preferredWindows).orElse(Set.of()),
                patient.map(Patient::consent).orElse(Consent.UNKNOWN_CALLER));
    }

    public List<RepeatCallDetector.Prior> priors(UUID practiceId, Optional<UUID> patientId, Optional<String> phone, Instant since) {
        return callbacks.priors(practiceId, patientId, phone, since);
    }

    /** An earlier request with the patient and phone it came from, so a batch can tell whose prior it is. */
    public record CallerPrior(RepeatCallDetector.Prior prior, Optional<UUID> patientId, Optional<String> phone) {
    }

    /** The bulk form of {@link #priors}: earlier requests from any of these patients or phones. */
    public List<CallerPrior> priorsOfMany(UUID practiceId, Collection<UUID> patientIds, Collection<String> phones, Instant since) {
        return callbacks.priorsOfMany(practiceId, patientIds, phones, since);
    }

    /**
     * The bulk form of {@link #create} for imports: the same aggregate rules per request, stored in batches;
     * the caller audits the import as a whole instead of each row.
     */
    public List<UUID> createAll(List<Callback.Request> requests, Actor actor) {
        var contexts = new HashMap<String, CallbackContext>();
        var created = new ArrayList<Callback>(requests.size());
        for (Callback.Request request : requests) {
            CallbackContext context = request.patientId().isPresent()
                    ? context(request.practiceId(), request.category(), request.patientId())
                    : contexts.computeIfAbsent(request.practiceId() + "/" + request.category(),
                    key -> context(request.practiceId(), request.category(), Optional.empty()));
            created.add(Callback.receive(request, context, actor));
        }
        callbacks.insertAll(created);
        return created.stream().map(Callback::id).toList();
    }

    public Callback create(Callback.Request request, Actor actor) {
        return create(request, request.patientId().flatMap(pid -> patients.find(request.practiceId(), pid)), actor);
    }

    /**
     * {@link #create(Callback.Request, Actor)} for a caller that has already loaded the request's patient (intake):
     * the item is stored in one statement and answered as stored, without reading it back.
     */
    public Callback create(Callback.Request request, Optional<Patient> patient, Actor actor) {
        if (!patient.map(Patient::id).equals(request.patientId())) {
            throw new IllegalArgumentException("The patient is not the request's");
        }
        var callback = Callback.receive(request, contextFor(request.practiceId(), request.category(), patient), actor);
        Callback stored = callbacks.insert(callback);
        audit.record(request.practiceId(), AuditLog.Action.CREATE, "callback", request.id().toString());
        return withClocks(stored);
    }

    public Callback attachRepeat(UUID practiceId, UUID id, Channel channel, Optional<String> reason, Urgency urgency,
                                 List<RedFlag> redFlags, Instant at, Actor actor) {
        var callback = callbacks.find(practiceId, id).orElseThrow(() -> new Refusal.NotFound("Callback"));
        callback.attachRepeat(channel, reason, urgency, redFlags, at, context(callback), actor);
        callbacks.save(callback);
        audit.record(practiceId, AuditLog.Action.CHANGE, "callback", id.toString());
        return withClocks(callbacks.find(practiceId, id).orElseThrow());
    }

    public Callback addTranscript(UUID practiceId, UUID id, String transcript, Urgency screened, List<RedFlag> redFlags, Actor actor) {
        var callback = callbacks.find(practiceId, id).orElseThrow(() -> new Refusal.NotFound("Callback"));
        callback.addTranscript(transcript, screened, redFlags, clock.instant(), context(callback), actor);
        callbacks.save(callback);
        audit.record(practiceId, AuditLog.Action.CHANGE, "callback", id.toString());
        return withClocks(callbacks.find(practiceId, id).orElseThrow());
    }

    /**
     * Stores a callback built outside the request path with its whole history (demo data, imports of past
     * calls): the aggregate has already checked every step, at the instants given to it.
     */
    @Transactional
    public void importHistory(Callback callback) {
        callbacks.save(callback);
    }

    public Callback find(UUID practiceId, UUID id) {
        return callbacks.find(practiceId, id).orElseThrow(() -> new Refusal.NotFound("Callback"));
    }

    public Actor actor() {
        CurrentUser user = identity.current();
        return new Actor(user.username(), user.isClinical());
    }

    private Callback change(UUID id, Optional<Integer> version, BiConsumer<Callback, Actor> change) {
        if (version.isEmpty()) {
            callbacks.lock(id);
        }
        Callback callback = load(id);
        version.filter(expected -> expected != callback.version()).ifPresent(expected -> {
            throw new Refusal.Conflict("This callback changed since you loaded it (version " + expected
                    + ", now " + callback.version() + "); reload it and try again");
        });
        change.accept(callback, actor());
        callbacks.save(callback);
        audit.record(callback.practiceId(), AuditLog.Action.CHANGE, "callback", id.toString());
        return withClocks(callbacks.find(callback.practiceId(), id).orElseThrow());
    }

    /** Reads the item's clocks at now in its practice's calendar, for showing them with the item. */
    private Callback withClocks(Callback callback) {
        callback.readClocks(practices.calendar(callback.practiceId()), clock.instant());
        return callback;
    }

    /** A callback the caller may see; another practice's answers exactly like an unknown id. */
    private Callback load(UUID id) {
        return callbacks.find(id)
                .filter(callback -> identity.current().canSee(callback.practiceId()))
                .orElseThrow(() -> new Refusal.NotFound("Callback"));
    }

    private CallbackContext context(Callback callback) {
        return context(callback.practiceId(), callback.category(), callback.patientId());
    }
}

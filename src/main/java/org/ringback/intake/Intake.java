package org.ringback.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ringback.callback.Actor;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackDesk;
import org.ringback.callback.Channel;
import org.ringback.callback.RedFlag;
import org.ringback.callback.RepeatCallDetector;
import org.ringback.callback.Urgency;
import org.ringback.identity.Identity;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.patient.PhoneNumbers;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door every channel comes through: screens for red flags, picks category and urgency when the
 * request does not say, joins repeat calls to the open item, and answers a retried request with the item
 * it made the first time.
 */
@Service
public class Intake {

    /** A request as a channel delivers it; category and urgency are optional. */
    public record IntakeRequest(UUID practiceId, Channel channel, Optional<String> category, Optional<Urgency> urgency,
                                Optional<UUID> patientId, Optional<String> callerPhone, Optional<String> callerName,
                                Optional<String> reason, Map<String, String> details, Optional<Instant> receivedAt,
                                Optional<String> idempotencyKey) {
    }

    /** The item the request made or joined; {@code created} is false for a repeat call or a replayed key. */
    public record Outcome(Callback callback, boolean created) {
    }

    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final CallbackDesk desk;
    private final PracticeDirectory practices;
    private final PatientRegistry patients;
    private final Identity identity;
    private final IntakeKeys keys;
    private final RedFlagScreen screen;
    private final RepeatCallDetector repeats;
    private final Clock clock;
    private final IntakeMetrics metrics;

    Intake(CallbackDesk desk, PracticeDirectory practices, PatientRegistry patients, Identity identity, IntakeKeys keys, Clock clock,
           IntakeMetrics metrics) {
        this.metrics = metrics;
        this.desk = desk;
        this.practices = practices;
        this.patients = patients;
        this.identity = identity;
        this.keys = keys;
        this.screen = RedFlagScreen.withDefaults();
        this.repeats = new RepeatCallDetector(RepeatCallDetector.DEFAULT_LOOKBACK);
        this.clock = clock;
    }

    @Transactional
    public Outcome receive(IntakeRequest request) {
        identity.requireAccess(request.practiceId());
        return receive(request, desk.actor());
    }

    /** For trusted channels without a signed-in user (demo data, and later webhooks and imports). */
    @Transactional
    public Outcome receive(IntakeRequest request, Actor actor) {
        UUID practiceId = request.practiceId();
        var practice = practices.find(practiceId);
        Instant now = clock.instant();
        // As the database keeps it, so that the item answered is the item stored.
        Instant receivedAt = request.receivedAt().orElse(now).truncatedTo(ChronoUnit.MICROS);
        if (receivedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new Refusal.InvalidInput("receivedAt", "must not be in the future");
        }
        Optional<String> phone = request.callerPhone().map(raw -> PhoneNumbers.normalise(raw, practice.phoneRegion(), "caller.phone"));
        Optional<Patient> patient = request.patientId()
                .map(id -> Optional.of(patients.find(practiceId, id).orElseThrow(() -> new Refusal.RuleViolation("Unknown patient",
                        List.of(new Refusal.FieldError("patientId", "is not a patient of this practice"))))))
                .orElseGet(() -> phone.flatMap(e164 -> patients.findUniqueByPhone(practiceId, e164)));
        if (patient.isEmpty() && phone.isEmpty()) {
            throw new Refusal.InvalidInput("patientId", "give a patientId or a caller with a phone number");
        }
        Optional<String> contactPhone = phone.or(() -> patient.flatMap(Patient::primaryPhone));

        keys.lockCaller(practiceId, patient.map(p -> p.id().toString()).orElseGet(contactPhone::orElseThrow));
        Optional<UUID> replayed = request.idempotencyKey().flatMap(key -> keys.find(practiceId, key));
        if (replayed.isPresent()) {
            metrics.taken(request.channel(), IntakeMetrics.Result.REPLAYED);
            return new Outcome(desk.find(practiceId, replayed.get()), false);
        }

        var screening = screen.screen(request.reason().orElse(null));
        List<RedFlag> flags = screening.hits().stream().map(hit -> new RedFlag(hit.phrase(), hit.language(), hit.urgency())).toList();
        String category = request.category().orElseGet(() -> defaultCategory(request.channel(), screening.flagged()));
        Urgency urgency = request.urgency().orElse(Urgency.ROUTINE);
        urgency = screening.urgency().map(urgency::atLeast).orElse(urgency);

        Optional<UUID> patientId = patient.map(Patient::id);
        var priors = desk.priors(practiceId, patientId, contactPhone, receivedAt.minus(RepeatCallDetector.DEFAULT_LOOKBACK));
        var decision = repeats.decide(category, receivedAt, priors);
        Outcome outcome;
        if (decision instanceof RepeatCallDetector.Decision.AttachTo attach) {
            outcome = new Outcome(desk.attachRepeat(practiceId, attach.callbackId(), request.channel(), request.reason(),
                    urgency, flags, receivedAt, actor), false);
        } else {
            Optional<UUID> repeatOf = decision instanceof RepeatCallDetector.Decision.SecondCallOf second
                    ? Optional.of(second.callbackId()) : Optional.empty();
            var newRequest = new Callback.Request(practiceId, UUID.randomUUID(), patientId, request.callerName(), contactPhone,
                    request.channel(), category, urgency, request.reason(), request.details(), flags, receivedAt, repeatOf);
            outcome = new Outcome(desk.create(newRequest, patient, actor), true);
        }
        request.idempotencyKey().ifPresent(key -> remember(practiceId, key, outcome.callback().id(), now));
        metrics.taken(request.channel(), outcome.created() ? IntakeMetrics.Result.CREATED : IntakeMetrics.Result.ATTACHED);
        return outcome;
    }

    /**
     * Adds a transcript to the item a request with this idempotency key made or joined (a voicemail transcribed
     * after the call ended), re-running the red-flag screen on it. A red flag in the transcript of an item closed
     * meanwhile is not left on the closed item: it comes in as a new request in the same category, a second call
     * of the closed one. Empty when the key was never seen.
     */
    @Transactional
    public Optional<Callback> addTranscript(UUID practiceId, String idempotencyKey, String transcript, Actor actor) {
        return keys.find(practiceId, idempotencyKey).map(callbackId -> {
            var screening = screen.screen(transcript);
            List<RedFlag> flags = screening.hits().stream().map(hit -> new RedFlag(hit.phrase(), hit.language(), hit.urgency())).toList();
            Callback enriched = desk.addTranscript(practiceId, callbackId, transcript, screening.urgency().orElse(Urgency.ROUTINE), flags, actor);
            var state = enriched.state();
            if (state.status().isOpen() || !screening.flagged()) {
                return enriched;
            }
            return receive(new IntakeRequest(practiceId, state.channel(), Optional.of(state.category()), Optional.empty(), state.patientId(),
                    state.contactPhone(), state.callerName(), Optional.of(transcript), Map.of(), Optional.empty(), Optional.empty()),
                    actor).callback();
        });
    }

    /** What a batch did: rows that made a new item, joined an open one, or were seen before (same key). */
    public record BatchOutcome(int created, int attached, int replayed) {
    }

    /**
     * The bulk form of {@link #receive(IntakeRequest, Actor)} for imports, in one transaction per batch: the same
     * rules (red-flag screen, default category, patient match by phone, repeat and second calls, idempotency keys)
     * applied in the batch's order, with one query per step for the whole batch instead of one per row. Earlier
     * rows of the batch count as priors of later ones, exactly as if they had come one by one. Every request needs
     * a caller phone and an idempotency key.
     */
    @Transactional
    public BatchOutcome receiveAll(UUID practiceId, List<IntakeRequest> requests, Actor actor) {
        var practice = practices.find(practiceId);
        Instant now = clock.instant();
        var rows = new ArrayList<BulkRow>(requests.size());
        for (IntakeRequest request : requests) {
            if (!practiceId.equals(request.practiceId()) || request.patientId().isPresent()) {
                throw new IllegalArgumentException("A batch is for one practice's callers by phone");
            }
            Instant receivedAt = request.receivedAt().orElse(now);
            if (receivedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
                throw new Refusal.InvalidInput("receivedAt", "must not be in the future");
            }
            String phone = PhoneNumbers.normalise(request.callerPhone().orElse(null), practice.phoneRegion(), "caller.phone");
            String key = request.idempotencyKey().orElseThrow(() -> new IllegalArgumentException("A batch row needs a key"));
            rows.add(new BulkRow(request, phone, receivedAt, key));
        }
        if (rows.isEmpty()) {
            return new BatchOutcome(0, 0, 0);
        }
        var phones = rows.stream().map(BulkRow::phone).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<String, Patient> byPhone = patients.findUniqueByPhones(practiceId, phones);
        keys.lockCallers(practiceId, rows.stream()
                .map(row -> Optional.ofNullable(byPhone.get(row.phone())).map(p -> p.id().toString()).orElse(row.phone())).toList());
        Map<String, UUID> seen = keys.findAll(practiceId, rows.stream().map(BulkRow::key).toList());

        Instant earliest = rows.stream().map(BulkRow::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
        var patientIds = byPhone.values().stream().map(Patient::id).collect(Collectors.toSet());
        Map<Object, List<RepeatCallDetector.Prior>> priors = new HashMap<>();
        for (var prior : desk.priorsOfMany(practiceId, patientIds, phones, earliest.minus(RepeatCallDetector.DEFAULT_LOOKBACK))) {
            prior.patientId().ifPresent(id -> priors.computeIfAbsent(id, k -> new ArrayList<>()).add(prior.prior()));
            prior.phone().ifPresent(phone -> priors.computeIfAbsent(phone, k -> new ArrayList<>()).add(prior.prior()));
        }

        var pending = new ArrayList<Callback.Request>();
        var pendingIds = new HashSet<UUID>();
        var remembered = new LinkedHashMap<String, UUID>();
        int created = 0;
        int attached = 0;
        int replayed = 0;
        for (BulkRow row : rows) {
            if (seen.containsKey(row.key()) || remembered.containsKey(row.key())) {
                replayed++;
                continue;
            }
            IntakeRequest request = row.request();
            Optional<Patient> patient = Optional.ofNullable(byPhone.get(row.phone()));
            var screening = screen.screen(request.reason().orElse(null));
            List<RedFlag> flags = screening.hits().stream().map(hit -> new RedFlag(hit.phrase(), hit.language(), hit.urgency())).toList();
            String category = request.category().orElseGet(() -> defaultCategory(request.channel(), screening.flagged()));
            Urgency urgency = request.urgency().orElse(Urgency.ROUTINE);
            urgency = screening.urgency().map(urgency::atLeast).orElse(urgency);

            var callerPriors = new LinkedHashSet<RepeatCallDetector.Prior>(priors.getOrDefault(row.phone(), List.of()));
            patient.ifPresent(p -> callerPriors.addAll(priors.getOrDefault(p.id(), List.of())));
            var decision = repeats.decide(category, row.receivedAt(), List.copyOf(callerPriors));
            if (decision instanceof RepeatCallDetector.Decision.AttachTo attach) {
                if (pendingIds.contains(attach.callbackId())) {
                    desk.createAll(pending, actor);
                    pending.clear();
                    pendingIds.clear();
                }
                desk.attachRepeat(practiceId, attach.callbackId(), request.channel(), request.reason(), urgency, flags,
                        row.receivedAt(), actor);
                remembered.put(row.key(), attach.callbackId());
                attached++;
            } else {
                Optional<UUID> repeatOf = decision instanceof RepeatCallDetector.Decision.SecondCallOf second
                        ? Optional.of(second.callbackId()) : Optional.empty();
                UUID id = UUID.randomUUID();
                pending.add(new Callback.Request(practiceId, id, patient.map(Patient::id), request.callerName(), Optional.of(row.phone()),
                        request.channel(), category, urgency, request.reason(), request.details(), flags, row.receivedAt(), repeatOf));
                pendingIds.add(id);
                var prior = new RepeatCallDetector.Prior(id, category, true, row.receivedAt(), Optional.empty());
                priors.computeIfAbsent(row.phone(), k -> new ArrayList<>()).add(prior);
                patient.ifPresent(p -> priors.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(prior));
                remembered.put(row.key(), id);
                created++;
            }
        }
        desk.createAll(pending, actor);
        keys.rememberAll(practiceId, remembered, now);
        return new BatchOutcome(created, attached, replayed);
    }

    private record BulkRow(IntakeRequest request, String phone, Instant receivedAt, String key) {
    }

    private void remember(UUID practiceId, String key, UUID callbackId, Instant now) {
        try {
            keys.remember(practiceId, key, callbackId, now);
        } catch (DuplicateKeyException e) {
            // The same key sent for a different caller: the lock above only serialises one caller's requests.
            throw new Refusal.Conflict("This idempotency key was already used for another request");
        }
    }

    /** When the request names no category: a red flag is a clinical concern, else the channel decides. */
    static String defaultCategory(Channel channel, boolean flagged) {
        if (flagged) {
            return "CLINICAL_CONCERN";
        }
        return switch (channel) {
            case MISSED_CALL, VOICEMAIL -> "MISSED_CALL";
            case APPOINTMENT_REQUEST -> "APPOINTMENT_REQUEST";
            case REFERRAL -> "REFERRAL_STATUS";
            case WEB_FORM, PORTAL, STAFF -> "GENERAL_QUESTION";
        };
    }
}

package org.ringback.generator;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.ringback.callback.Actor;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.Callback;
import org.ringback.callback.CallbackContext;
import org.ringback.callback.Channel;
import org.ringback.callback.RedFlag;
import org.ringback.callback.RepeatCallDetector;
import org.ringback.callback.SlaClock;
import org.ringback.callback.SlaEvent;
import org.ringback.callback.TimelineEvent;
import org.ringback.callback.Urgency;
import org.ringback.callback.WaitingOn;
import org.ringback.intake.RedFlagScreen;
import org.ringback.patient.Consent;
import org.ringback.patient.ContactMethod;
import org.ringback.patient.Patient;
import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Category;
import org.ringback.practice.ClosureOutcome;
import org.ringback.practice.Practice;

/**
 * One practice's patients and callback history, the way a US practice's desk sees a year: Monday-morning peaks,
 * the usual category mix, phone attempts that reach about three patients in ten (so about 60% of items reach the
 * patient within the ladder), texts beside voicemails, second calls after failed ladders, red flags routed to the
 * clinical queue, and a live queue at the end with a backlog of waiting, escalated and overdue items. Every step
 * goes through the callback aggregate, so the rows obey the same rules as real work (due times in the practice's
 * business time, the ladder, closure outcomes). Deterministic: the same random stream and "now" give the same
 * history.
 */
final class History {

    /** Average requests on a Tuesday for a practice of average size; Monday gets about 45% more. */
    static final double REQUESTS_PER_TUESDAY = 7.85;
    private static final double[] WEEKDAY_FACTOR = {1.45, 1.0, 0.95, 0.95, 0.85, 0.12, 0.08};
    /** Share of a day's requests per local hour 0..23: the morning rush and the lunch-closure voicemails. */
    private static final double[] HOURLY = {0, 0, 0, 0, 0, 0, 0.005, 0.03, 0.14, 0.13, 0.11, 0.09, 0.12, 0.09, 0.08, 0.07, 0.06,
            0.04, 0.02, 0.01, 0.005, 0, 0, 0};
    private static final double HOURLY_TOTAL = sum(HOURLY);
    private static final String[] CATEGORIES = {"APPOINTMENT_REQUEST", "RESCHEDULE", "PRESCRIPTION_ROUTE", "NEW_PATIENT_APPOINTMENT",
            "CANCELLATION", "REFERRAL_STATUS", "BILLING", "INSURANCE_ELIGIBILITY", "RECORDS_REQUEST", "GENERAL_QUESTION",
            "POST_VISIT_FOLLOW_UP", "TELEHEALTH_ACCESS", "INTAKE_FORM", "CLINICAL_CONCERN", "MISSED_CALL"};
    private static final int[] CATEGORY_WEIGHTS = {22, 10, 12, 6, 5, 7, 7, 5, 5, 6, 4, 2, 2, 3, 4};
    private static final Map<String, List<String>> REASONS = Map.ofEntries(
            Map.entry("APPOINTMENT_REQUEST", List.of("Would like a follow-up visit for blood pressure", "Needs an annual physical",
                    "Asking for a sick visit this week", "Wants to see the doctor about knee pain")),
            Map.entry("RESCHEDULE", List.of("Needs to move Thursday's appointment", "Work conflict, asks for a later time")),
            Map.entry("PRESCRIPTION_ROUTE", List.of("Refill request for lisinopril", "Pharmacy says the prescription was not received")),
            Map.entry("NEW_PATIENT_APPOINTMENT", List.of("New to the area, looking for a primary care doctor")),
            Map.entry("CANCELLATION", List.of("Cancels tomorrow's appointment", "Cannot make it on Monday")),
            Map.entry("REFERRAL_STATUS", List.of("Asks whether the cardiology referral was sent", "Checking on the dermatology referral")),
            Map.entry("BILLING", List.of("Question about a bill from last month", "Was charged a copay twice")),
            Map.entry("INSURANCE_ELIGIBILITY", List.of("Changed insurance, asks if the practice accepts the new plan")),
            Map.entry("RECORDS_REQUEST", List.of("Needs records sent to a new specialist", "Asks for immunization records for school")),
            Map.entry("GENERAL_QUESTION", List.of("Asks about office hours over the holiday", "Question about the patient portal login")),
            Map.entry("POST_VISIT_FOLLOW_UP", List.of("Question about the lab results discussed at the visit")),
            Map.entry("TELEHEALTH_ACCESS", List.of("Cannot join the video visit link")),
            Map.entry("INTAKE_FORM", List.of("Submitted the intake form, asks what is next")),
            Map.entry("CLINICAL_CONCERN", List.of("Cough for a week and getting worse", "Rash after starting the new medicine")),
            Map.entry("MISSED_CALL", List.of("")));
    /** Texts the red-flag screen routes to the clinical queue (chest pain, breathing, bleeding; English and Spanish). */
    private static final List<String> RED_FLAG_REASONS = List.of(
            "Calling about chest pain since this morning", "Mi mamá tiene dolor de pecho y dificultad para respirar",
            "Trouble breathing when walking up stairs", "Severe bleeding after the procedure");
    private static final RedFlagScreen SCREEN = RedFlagScreen.withDefaults();
    /** How often the app's escalation sweep looks for breached clocks (ringback.sweep.interval). */
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final RepeatCallDetector REPEATS = new RepeatCallDetector(RepeatCallDetector.DEFAULT_LOOKBACK);
    /** Chance that one phone attempt reaches the patient, by call window; three rungs reach about 60% of patients. */
    private static final Map<String, Double> REACH_BY_WINDOW = Map.of("MORNING", 0.3, "MIDDAY", 0.26, "AFTERNOON", 0.31, "EVENING", 0.42);
    /** Virtual assistants serve many practices, so the same few names work every generated practice. */
    private static final List<String> ASSISTANTS = List.of("va.dana", "va.alex", "va.jordan", "va.priya", "va.sam", "va.lee",
            "va.maria", "va.omar");
    private static final List<String> CLINICIANS = List.of("rn.chen", "rn.okafor", "rn.garcia");
    private static final String[] FIRST = {"Maria", "James", "Aisha", "Wei", "Olivia", "Carlos", "Priya", "Noah", "Fatima", "Liam",
            "Sofia", "Ethan", "Grace", "Mateo", "Hannah", "Omar", "Chloe", "Diego", "Emma", "Kwame", "Lucia", "Ben", "Mei", "Ana"};
    private static final String[] LAST = {"Lopez", "Smith", "Khan", "Chen", "Johnson", "Garcia", "Patel", "Brown", "Nguyen", "Williams",
            "Martinez", "Davis", "Okafor", "Rossi", "Kim", "Silva", "Murphy", "Haddad", "Cohen", "Torres"};
    /** Real area codes with 555-01xx numbers, which are reserved for fiction. */
    private static final String[] AREA_CODES = {"212", "312", "415", "617", "713", "305", "602", "303", "206", "404", "215", "512",
            "614", "919", "801", "503", "702", "808", "907", "313", "208", "317", "813", "651", "414", "504", "615", "916", "971", "469"};

    /** How an item is left at the end: worked to its natural end, or held open in one of the queue's states. */
    private enum Fate { NATURAL, NEW, IN_PROGRESS, WAITING_ON_PATIENT, WAITING_ON_INTERNAL, ESCALATED }

    /** What the generator needs from a practice; categories are read once through the practice module. */
    record Setup(Practice practice, BusinessCalendar calendar, Map<String, Category> categories) {
    }

    /** A practice's generated patients and callbacks, oldest first. */
    record Result(List<Patient> patients, List<Callback> callbacks) {
    }

    private record Caller(Optional<Patient> patient, Optional<String> name, Optional<String> phone) {
    }

    private record PendingCall(Instant at, Patient patient, String category) {
    }

    private record Earlier(Callback callback, String category, Instant receivedAt) {
    }

    private final Setup setup;
    private final Random random;
    /** The screen's verdict on each of the few reason texts, found once per practice instead of once per request. */
    private final Map<String, RedFlagScreen.Screening> screenings = new HashMap<>();
    private final int days;
    private final Instant now;
    private final double size;

    History(Setup setup, Random random, int days, Instant now) {
        this.setup = setup;
        this.random = random;
        this.days = days;
        this.now = now;
        // Practice sizes vary about fourfold; the mean stays 1.
        this.size = Math.exp(random.nextGaussian() * 0.45 - 0.45 * 0.45 / 2);
    }

    Result generate() {
        BusinessCalendar calendar = setup.calendar();
        List<Patient> patients = patients();
        LocalDate today = calendar.localDate(now);
        Map<UUID, List<Earlier>> byPatient = new HashMap<>();
        PriorityQueue<PendingCall> pending = new PriorityQueue<>(Comparator.comparing(PendingCall::at));
        List<Callback> callbacks = new ArrayList<>();
        for (LocalDate day = today.minusDays(days - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            List<PendingCall> calls = new ArrayList<>();
            double expected = REQUESTS_PER_TUESDAY * size * WEEKDAY_FACTOR[day.getDayOfWeek().getValue() - 1]
                    * (calendar.isBusinessDay(day) || isWeekend(day) ? 1.0 : 0.3);
            int count = poisson(expected);
            for (int i = 0; i < count; i++) {
                calls.add(new PendingCall(arrival(day), patients.get(random.nextInt(patients.size())), pick(CATEGORIES, CATEGORY_WEIGHTS)));
            }
            Instant endOfDay = calendar.at(day.plusDays(1), LocalTime.MIDNIGHT);
            while (!pending.isEmpty() && pending.peek().at().isBefore(endOfDay)) {
                calls.add(pending.poll());
            }
            calls.sort(Comparator.comparing(PendingCall::at));
            for (PendingCall call : calls) {
                if (!call.at().isBefore(now)) {
                    continue;
                }
                // About one request in twelve comes from a caller the practice cannot match to a patient.
                boolean unknown = random.nextDouble() < 0.08;
                Caller caller = unknown
                        ? new Caller(Optional.empty(), Optional.of(name()), Optional.of(phone(random.nextInt(AREA_CODES.length * 100))))
                        : new Caller(Optional.of(call.patient()), Optional.empty(), call.patient().primaryPhone());
                receive(caller, call.category(), call.at(), byPatient, pending).ifPresent(callbacks::add);
            }
        }
        for (Callback callback : callbacks) {
            sweep(callback, context(callback.category(), Optional.empty()), now);
        }
        return new Result(patients, callbacks);
    }

    /**
     * What the escalation sweep (every minute) would have recorded by {@code until}: each running, unpaused clock
     * of an open item that passed its due time gets its BREACHED event a minute after it, as in the app. Called
     * before each step of the item's history, so its timeline stays in time order.
     */
    private static void sweep(Callback callback, CallbackContext context, Instant until) {
        Callback.State s = callback.state();
        Instant seen = until.minus(SWEEP_INTERVAL);
        boolean mayBreach = s.status().isOpen() && (s.firstAttemptAt().isEmpty() && s.firstAttemptDueAt().isBefore(seen)
                || s.resolutionPausedSince().isEmpty() && s.resolutionDueAt().isBefore(seen));
        if (!mayBreach) {
            // The due-time columns are the running clocks' due times: nothing can have breached (the common case,
            // decided without deriving the clocks from their events).
            return;
        }
        for (int i = 0; i < SlaEvent.Clock.values().length && callback.state().status().isOpen(); i++) {
            Optional<Instant> due = nextBreach(callback, context.calendar());
            if (due.isEmpty() || !due.get().plus(SWEEP_INTERVAL).isBefore(until)) {
                return;
            }
            callback.recordBreaches(due.get().plus(SWEEP_INTERVAL), context);
        }
    }

    private static Optional<Instant> nextBreach(Callback callback, BusinessCalendar calendar) {
        List<SlaEvent> events = callback.slaEvents();
        Optional<Instant> next = Optional.empty();
        for (SlaEvent.Clock which : SlaEvent.Clock.values()) {
            SlaClock clock = SlaClock.of(which, events, calendar);
            if (clock.isStarted() && clock.fulfilledAt().isEmpty() && clock.breachRecordedAt().isEmpty() && !clock.isPaused()) {
                Instant due = clock.settledDue();
                next = next.filter(n -> n.isBefore(due)).or(() -> Optional.of(due));
            }
        }
        return next;
    }

    private Optional<Callback> receive(Caller caller, String code, Instant receivedAt, Map<UUID, List<Earlier>> byPatient,
                                       PriorityQueue<PendingCall> pending) {
        boolean redFlag = random.nextDouble() < 0.015;
        String category = redFlag && random.nextDouble() < 0.7 ? "CLINICAL_CONCERN" : code;
        boolean open = setup.calendar().isOpenAt(receivedAt);
        Channel channel = channel(category, open);
        List<String> reasons = REASONS.get(category);
        String reason = redFlag ? RED_FLAG_REASONS.get(random.nextInt(RED_FLAG_REASONS.size())) : reasons.get(random.nextInt(reasons.size()));
        var screening = screenings.computeIfAbsent(reason, SCREEN::screen);
        Urgency base = category.equals("CLINICAL_CONCERN") ? Urgency.CLINICAL
                : random.nextDouble() < 0.08 ? Urgency.TIME_SENSITIVE : random.nextDouble() < 0.03 ? Urgency.SAME_DAY : Urgency.ROUTINE;
        Urgency urgency = screening.urgency().map(base::atLeast).orElse(base);
        List<RedFlag> flags = screening.hits().stream().map(hit -> new RedFlag(hit.phrase(), hit.language(), hit.urgency())).toList();
        CallbackContext context = context(category, caller.patient());
        Actor desk = actor(context, urgency);

        Optional<UUID> secondCallOf = Optional.empty();
        List<Earlier> earlier = caller.patient().map(p -> byPatient.computeIfAbsent(p.id(), id -> new ArrayList<>())).orElse(null);
        if (earlier != null) {
            earlier.removeIf(e -> e.receivedAt().isBefore(receivedAt.minus(Duration.ofDays(30))));
            var decision = REPEATS.decide(category, receivedAt, earlier.stream().map(e -> prior(e, receivedAt)).toList());
            if (decision instanceof RepeatCallDetector.Decision.AttachTo attach) {
                Callback joined = earlier.stream().filter(e -> e.callback().id().equals(attach.callbackId())).findFirst().orElseThrow().callback();
                // Joined to the open item, as intake does; only when its recorded history ends before this call,
                // so that each timeline stays in time order.
                if (lastEventAt(joined).isAfter(receivedAt)) {
                    return Optional.empty();
                }
                CallbackContext joinedContext = context(joined.category(), caller.patient());
                sweep(joined, joinedContext, receivedAt);
                joined.attachRepeat(channel, reason.isEmpty() ? Optional.empty() : Optional.of(reason), urgency, flags, receivedAt,
                        joinedContext, Actor.SYSTEM);
                return Optional.empty();
            }
            if (decision instanceof RepeatCallDetector.Decision.SecondCallOf second) {
                secondCallOf = Optional.of(second.callbackId());
            }
        }
        var request = new Callback.Request(setup.practice().id(), uuid(), caller.patient().map(Patient::id), caller.name(),
                caller.phone(), channel, category, urgency, reason.isEmpty() ? Optional.empty() : Optional.of(reason), Map.of(),
                flags, receivedAt, secondCallOf);
        Callback callback = Callback.receive(request, context, Actor.SYSTEM);
        work(callback, context, desk, fate(receivedAt));
        if (earlier != null) {
            earlier.add(new Earlier(callback, category, receivedAt));
            callback.state().closure().ifPresent(closure -> maybeCallAgain(closure.outcome(), closure.closedAt(),
                    caller.patient().get(), category, pending));
        }
        return Optional.of(callback);
    }

    /** A patient the desk could not reach often calls again within days; a few call again after a real outcome. */
    private void maybeCallAgain(ClosureOutcome outcome, Instant closedAt, Patient patient, String category, PriorityQueue<PendingCall> pending) {
        double chance = outcome.resolves() ? 0.04 : 0.4;
        if (random.nextDouble() < chance) {
            Instant at = closedAt.plus(Duration.ofMinutes(60 + random.nextInt(10 * 24 * 60)));
            pending.add(new PendingCall(at, patient, category));
        }
    }

    private RepeatCallDetector.Prior prior(Earlier e, Instant at) {
        var s = e.callback().state();
        Optional<Instant> closedAt = s.closure().map(c -> c.closedAt());
        boolean openThen = closedAt.isEmpty() || closedAt.get().isAfter(at);
        return new RepeatCallDetector.Prior(e.callback().id(), e.category(), openThen, e.receivedAt(), openThen ? Optional.empty() : closedAt);
    }

    /** Works an item as a desk would until it closes, "now" arrives, or its fate holds it open on the board. */
    private void work(Callback callback, CallbackContext context, Actor actor, Fate fate) {
        BusinessCalendar calendar = context.calendar();
        Category category = context.category();
        boolean clinicalItem = category.clinical() || callback.state().urgency().isClinical();
        Duration delay = Duration.ofMinutes((long) Math.exp(random.nextGaussian() * 0.9 + Math.log(clinicalItem ? 12 : 60)));
        Instant at = calendar.plusBusinessTime(callback.state().receivedAt(), delay);
        if (fate == Fate.NEW) {
            return;
        }
        if (fate != Fate.NATURAL && at.isBefore(now)) {
            sweep(callback, context, at);
            callback.assign(Optional.empty(), Optional.of(actor.username()), at, actor);
        }
        if (category.referralSensitive() && random.nextDouble() < 0.3 && at.isBefore(now)) {
            sweep(callback, context, at);
            callback.waitOn(WaitingOn.REFERRAL_DOCUMENTS, Optional.of("Waiting on the specialist's office"),
                    Optional.of(calendar.nextBusinessDay(calendar.localDate(at))), at, context, actor);
            Instant back = calendar.plusBusinessTime(at, Duration.ofHours(6 + random.nextInt(10)));
            if (!back.isBefore(now) || fate == Fate.WAITING_ON_INTERNAL) {
                return;
            }
            sweep(callback, context, back);
            callback.resume(back, context, actor);
            at = calendar.plusBusinessTime(back, Duration.ofMinutes(20));
        }
        while (callback.state().status().isOpen() && at.isBefore(now)) {
            String window = windowAt(context, at);
            boolean reached = random.nextDouble() < REACH_BY_WINDOW.getOrDefault(window, 0.25);
            AttemptResult result = reached ? AttemptResult.REACHED : failedResult(context.consent());
            sweep(callback, context, at);
            Optional<String> next = reached ? Optional.empty() : Optional.of(result == AttemptResult.LEFT_VOICEMAIL
                    ? "Left a message; try the next window" : "Try again in another window");
            callback.recordAttempt(new Callback.AttemptReport(ContactMethod.PHONE, at, result, result == AttemptResult.LEFT_VOICEMAIL,
                    Optional.of(reached ? "OPENING" : "VOICEMAIL"), reached ? Optional.of("Talked it through") : Optional.empty(), next,
                    Map.of(), Optional.of(attemptDuration(reached))), context, actor, now);
            if (reached) {
                afterReach(callback, context, actor, fate, at);
                return;
            }
            if (!callback.state().status().isOpen()) {
                return;
            }
            if (result == AttemptResult.WRONG_NUMBER && callback.state().escalationLevel() == 0) {
                Instant texted = at.plus(Duration.ofMinutes(2));
                if (context.consent().sms() && texted.isBefore(now)) {
                    message(callback, context, actor, texted, "Asked for a good number by text");
                }
                Instant closeAt = at.plus(Duration.ofMinutes(5));
                if (closeAt.isBefore(now) && fate == Fate.NATURAL) {
                    sweep(callback, context, closeAt);
                    callback.close(ClosureOutcome.WRONG_NUMBER, Optional.of("The number on file does not work"), Map.of(), closeAt, context, actor);
                }
                return;
            }
            if (fate == Fate.IN_PROGRESS) {
                return;
            }
            if (fate == Fate.ESCALATED) {
                if (callback.state().escalationLevel() == 0) {
                    sweep(callback, context, at.plus(Duration.ofMinutes(1)));
                    callback.escalate("Not reached and overdue: the supervisor decides the next step", at.plus(Duration.ofMinutes(1)), actor);
                }
                return;
            }
            // Beside a failed call, a text (or a portal message) with the number to call back: it is not a rung of the ladder.
            Instant texted = at.plus(Duration.ofMinutes(1));
            if (texted.isBefore(now) && result != AttemptResult.BUSY) {
                if (context.consent().sms() && random.nextDouble() < 0.8) {
                    message(callback, context, actor, texted, "Texted the callback number");
                } else if (context.consent().portal() && random.nextDouble() < 0.5) {
                    portal(callback, context, actor, texted);
                }
            }
            if (callback.state().escalationLevel() > 0) {
                // Recent escalations stay on the board for the supervisor; older ones were closed by clinical staff.
                Instant decided = at.plus(Duration.ofHours(1));
                if (decided.isBefore(now.minus(Duration.ofDays(2)))) {
                    sweep(callback, context, decided);
                    callback.close(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS, Optional.of("Reviewed by clinical staff"),
                            Map.of(), decided, context, clinician());
                }
                return;
            }
            Instant planned = callback.state().nextActionAt().orElse(at);
            at = planned.plus(Duration.ofMinutes(random.nextInt(40)));
        }
    }

    private void afterReach(Callback callback, CallbackContext context, Actor actor, Fate fate, Instant at) {
        Instant later = at.plus(Duration.ofMinutes(4 + random.nextInt(8)));
        if (!later.isBefore(now)) {
            return;
        }
        LocalDate today = context.calendar().localDate(later);
        sweep(callback, context, later);
        switch (fate) {
            case WAITING_ON_PATIENT -> {
                callback.waitOn(WaitingOn.PATIENT, Optional.of("Patient will call back with availability"),
                        Optional.of(today.plusDays(1 + random.nextInt(10))), later, context, actor);
                return;
            }
            case WAITING_ON_INTERNAL -> {
                WaitingOn on = List.of(WaitingOn.INSURANCE_VERIFICATION, WaitingOn.PROVIDER_REVIEW, WaitingOn.PATIENT_FORM,
                        WaitingOn.OTHER_INTERNAL, WaitingOn.REFERRAL_DOCUMENTS).get(random.nextInt(5));
                callback.waitOn(on, Optional.of("Waiting on " + on.name().toLowerCase().replace('_', ' ')),
                        Optional.of(today.plusDays(1 + random.nextInt(14))), later, context, actor);
                return;
            }
            case ESCALATED -> {
                callback.escalate("The patient asks for the practice manager", later, actor);
                return;
            }
            case IN_PROGRESS -> {
                return;
            }
            default -> {
            }
        }
        Instant closeAt = later;
        if (random.nextDouble() < 0.6) {
            // A confirmation after the call: a text when the patient agreed to texts, otherwise a short second call.
            Instant confirm = context.calendar().plusBusinessTime(at, Duration.ofMinutes(30 + random.nextInt(120)));
            if (!confirm.isBefore(now)) {
                return;
            }
            sweep(callback, context, confirm);
            if (context.consent().sms()) {
                message(callback, context, actor, confirm, "Sent the confirmation");
            } else {
                callback.recordAttempt(new Callback.AttemptReport(ContactMethod.PHONE, confirm, AttemptResult.REACHED, false,
                        Optional.of("CONFIRMATION"), Optional.of("Confirmed"), Optional.empty(), Map.of(),
                        Optional.of(attemptDuration(true))), context, actor, now);
            }
            closeAt = confirm.plus(Duration.ofMinutes(2));
        }
        boolean settled = closeAt.isBefore(now.minus(Duration.ofDays(2)));
        if (closeAt.isBefore(now) && (settled || random.nextDouble() < 0.9)) {
            close(callback, context, actor, closeAt);
        }
    }

    private void portal(Callback callback, CallbackContext context, Actor actor, Instant at) {
        sweep(callback, context, at);
        callback.recordAttempt(new Callback.AttemptReport(ContactMethod.PORTAL, at, AttemptResult.MESSAGE_SENT, false,
                Optional.of("PORTAL"), Optional.empty(), Optional.of("Sent a portal message"), Map.of(), Optional.empty()), context, actor, now);
    }

    private void message(Callback callback, CallbackContext context, Actor actor, Instant at, String what) {
        sweep(callback, context, at);
        callback.recordAttempt(new Callback.AttemptReport(ContactMethod.SMS, at, AttemptResult.MESSAGE_SENT, false,
                Optional.of("TEXT"), Optional.empty(), Optional.of(what), Map.of(), Optional.empty()), context, actor, now);
    }

    private void close(Callback callback, CallbackContext context, Actor actor, Instant at) {
        Category category = context.category();
        List<ClosureOutcome> real = category.closureOutcomes().stream().filter(ClosureOutcome::resolves)
                .filter(outcome -> !outcome.endsWithoutDetails()).sorted().toList();
        double roll = random.nextDouble();
        ClosureOutcome outcome = roll < 0.03 ? ClosureOutcome.PATIENT_DECLINED
                : roll < 0.04 ? ClosureOutcome.DUPLICATE
                : category.allows(ClosureOutcome.BOOKED) && roll < 0.72 ? ClosureOutcome.BOOKED
                : real.isEmpty() ? ClosureOutcome.ROUTED_PER_POLICY : real.get(random.nextInt(real.size()));
        Map<String, String> details = new HashMap<>();
        if (!outcome.endsWithoutDetails()) {
            category.requiredFields().forEach(field -> details.put(field, sample(field)));
        }
        sweep(callback, context, at);
        callback.close(outcome, Optional.empty(), details, at, context, actor);
    }

    /** Held open at the end: most recent items are simply not done yet; an unhealthy desk carries weeks of backlog. */
    private Fate fate(Instant receivedAt) {
        long ageDays = Duration.between(receivedAt, now).toDays();
        double keepOpen = ageDays < 2 ? 0 : ageDays < 30 ? 0.55 : ageDays < 90 ? 0.3 : 0;
        if (random.nextDouble() >= keepOpen) {
            return Fate.NATURAL;
        }
        double roll = random.nextDouble();
        if (roll < 0.1) {
            return ageDays < 14 ? Fate.NEW : Fate.IN_PROGRESS;
        }
        return roll < 0.3 ? Fate.IN_PROGRESS : roll < 0.55 ? Fate.WAITING_ON_PATIENT : roll < 0.85 ? Fate.WAITING_ON_INTERNAL : Fate.ESCALATED;
    }

    private CallbackContext context(String code, Optional<Patient> patient) {
        return new CallbackContext(setup.categories().get(code), setup.calendar(), setup.practice().callWindows(),
                patient.map(Patient::preferredWindows).orElse(Set.of()), patient.map(Patient::consent).orElse(Consent.UNKNOWN_CALLER));
    }

    private Actor actor(CallbackContext context, Urgency urgency) {
        return context.category().clinical() || urgency.isClinical() ? clinician()
                : new Actor(ASSISTANTS.get(random.nextInt(ASSISTANTS.size())), false);
    }

    private Actor clinician() {
        return new Actor(CLINICIANS.get(random.nextInt(CLINICIANS.size())), true);
    }

    private static Instant lastEventAt(Callback callback) {
        List<TimelineEvent> timeline = callback.timeline();
        return timeline.stream().map(TimelineEvent::at).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static String windowAt(CallbackContext context, Instant at) {
        LocalTime local = LocalTime.ofInstant(at, context.calendar().zone());
        for (CallWindow window : context.callWindows()) {
            if (window.contains(local)) {
                return window.name();
            }
        }
        return "";
    }

    private List<Patient> patients() {
        int count = Math.max(50, Math.min(AREA_CODES.length * 100, (int) Math.round(800 * size)));
        UUID practiceId = setup.practice().id();
        List<Patient> roster = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean spanish = random.nextDouble() < 0.15;
            roster.add(new Patient(practiceId, uuid(), name(), Optional.of("G" + (100000 + i)), List.of(phone(i)),
                    random.nextDouble() < 0.8 ? ContactMethod.PHONE : ContactMethod.SMS,
                    random.nextDouble() < 0.3 ? Set.of(random.nextBoolean() ? "MORNING" : "AFTERNOON") : Set.of(),
                    spanish ? "es" : "en",
                    new Consent(random.nextDouble() < 0.9, random.nextDouble() < 0.3, random.nextDouble() < 0.6,
                            random.nextDouble() < 0.5, random.nextDouble() < 0.3)));
        }
        return roster;
    }

    private String name() {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    private static String phone(int i) {
        return "+1" + AREA_CODES[i / 100] + "55501" + String.format("%02d", i % 100);
    }

    /** A version-4 UUID from the practice's random stream, so ids repeat with the seed. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    /** A reached call takes minutes; a voicemail or no answer about one. Lognormal, like real handle times. */
    private Duration attemptDuration(boolean reached) {
        double medianSeconds = reached ? 300 : 60;
        return Duration.ofSeconds(Math.max(15, Math.round(medianSeconds * Math.exp(random.nextGaussian() * 0.5))));
    }

    private AttemptResult failedResult(Consent consent) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return AttemptResult.BUSY;
        }
        if (roll < 0.062) {
            return AttemptResult.WRONG_NUMBER;
        }
        return consent.voicemail() && roll < 0.75 ? AttemptResult.LEFT_VOICEMAIL : AttemptResult.NO_ANSWER;
    }

    private Channel channel(String category, boolean open) {
        double roll = random.nextDouble();
        if (!open) {
            return roll < 0.7 ? Channel.VOICEMAIL : Channel.WEB_FORM;
        }
        if (category.equals("REFERRAL_STATUS") && roll < 0.5) {
            return Channel.REFERRAL;
        }
        if (category.equals("APPOINTMENT_REQUEST") && roll < 0.3) {
            return Channel.APPOINTMENT_REQUEST;
        }
        if (roll < 0.40) {
            return Channel.MISSED_CALL;
        }
        if (roll < 0.65) {
            return Channel.VOICEMAIL;
        }
        return roll < 0.80 ? Channel.WEB_FORM : roll < 0.93 ? Channel.PORTAL : Channel.STAFF;
    }

    private Instant arrival(LocalDate day) {
        double roll = random.nextDouble() * HOURLY_TOTAL;
        int hour = 0;
        double total = 0;
        for (int h = 0; h < HOURLY.length; h++) {
            total += HOURLY[h];
            if (roll <= total) {
                hour = h;
                break;
            }
        }
        return setup.calendar().at(day, LocalTime.of(hour, random.nextInt(60), random.nextInt(60)));
    }

    private String pick(String[] values, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        return values[0];
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private String sample(String field) {
        return switch (field) {
            case "visitType" -> List.of("follow-up", "annual physical", "sick visit").get(random.nextInt(3));
            case "availability" -> "weekday mornings";
            case "providerPreference" -> "any provider";
            case "deadline" -> "none";
            case "plan" -> "Blue Cross PPO";
            case "questionType" -> "coverage";
            case "verificationNeeded" -> "no";
            case "receiptStatus" -> "received";
            case "missingDocuments" -> "none";
            case "nextExpectedUpdate" -> "within a week";
            default -> "noted";
        };
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}

package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;
import org.ringback.shared.Refusal;

/**
 * The callback: one owned, timed, documented request worked to a real outcome. Every change is a guarded
 * method that records a timeline event; nothing outside sets its fields.
 */
public final class Callback {

    /** How far ahead of the server clock an attempt time may lie (a phone clock that runs fast). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int MAX_ESCALATION_LEVEL = 2;
    /** A wait longer than this is not a follow-up date but a lost item. */
    private static final Period MAX_WAIT = Period.ofYears(1);
    private static final String CLINICAL_QUEUE = "CLINICAL";

    /** The stored state of a callback; the repository maps it to and from rows. */
    public record State(
            UUID practiceId, UUID id, Optional<UUID> patientId, Optional<String> callerName, Optional<String> contactPhone,
            Channel channel, String category, Urgency urgency, String queue, Optional<String> owner, Status status,
            Optional<WaitingOn> waitingOn, Optional<String> waitingNote, Optional<LocalDate> waitingExpectedBy,
            Optional<String> reason, Map<String, String> details, List<RedFlag> redFlags,
            Instant receivedAt, Instant firstAttemptDueAt, Instant resolutionDueAt,
            Optional<Instant> resolutionPausedSince, Duration resolutionPaused,
            Optional<String> nextAction, Optional<Instant> nextActionAt, Instant boardDueAt,
            Optional<Instant> firstAttemptAt, Optional<Instant> reachedAt, Optional<Instant> nextStepDoneAt, Optional<Instant> resolvedAt,
            Optional<Closure> closure, Optional<UUID> repeatOf, int repeatCount, int escalationLevel, int version) {
    }

    /** A new request as intake hands it over, already screened and categorised. */
    public record Request(UUID practiceId, UUID id, Optional<UUID> patientId, Optional<String> callerName,
                          Optional<String> contactPhone, Channel channel, String category, Urgency urgency, Optional<String> reason,
                          Map<String, String> details, List<RedFlag> redFlags, Instant receivedAt, Optional<UUID> repeatOf) {
    }

    /** An attempt as staff report it; the rest (its window, the next attempt time) is computed. */
    public record AttemptReport(ContactMethod method, Instant at, AttemptResult result, boolean messageLeft,
                                Optional<String> script, Optional<String> patientResponse, Optional<String> nextAction,
                                Map<String, String> details, Optional<Duration> duration) {
    }

    private final UUID practiceId;
    private final UUID id;
    private final Optional<UUID> patientId;
    private final Optional<String> callerName;
    private final Optional<String> contactPhone;
    private final Channel channel;
    private final String category;
    private final Instant receivedAt;
    private Optional<String> reason;
    private final Optional<UUID> repeatOf;
    private final int version;
    private Urgency urgency;
    private String queue;
    private Optional<String> owner;
    private Status status;
    private Optional<WaitingOn> waitingOn;
    private Optional<String> waitingNote;
    private Optional<LocalDate> waitingExpectedBy;
    private Map<String, String> details;
    private List<RedFlag> redFlags;
    private Instant firstAttemptDueAt;
    private Instant resolutionDueAt;
    private Optional<Instant> resolutionPausedSince;
    private Duration resolutionPaused;
    private Optional<String> nextAction;
    private Optional<Instant> nextActionAt;
    private Instant boardDueAt;
    private Optional<Instant> firstAttemptAt;
    private Optional<Instant> reachedAt;
    private Optional<Instant> nextStepDoneAt;
    private Optional<Instant> resolvedAt;
    private Optional<Closure> closure;
    private int repeatCount;
    private int escalationLevel;

    private final List<Attempt> attempts;
    private final List<TimelineEvent> timeline;
    private final int storedAttempts;
    private final int storedEvents;
    /**
     * Stored events not held in {@link #timeline}: a sweep that only adds events loads the timeline's length, not
     * the events (see {@link #forSweep}); new events are numbered after them.
     */
    private final int unloadedEvents;
    private final List<SlaEvent> slaEvents;
    private final int storedSlaEvents;
    /** False when loaded for a sweep that does not touch the clocks: any use of them is then a programming error. */
    private final boolean clocksLoaded;
    /** The state as it was loaded: the bulk save writes only the columns that differ from it. */
    private final State stored;
    /** The clocks as read by the desk for showing them; not stored. */
    private Optional<SlaClock.Readings> clockReadings = Optional.empty();

    /** Rebuilds a stored callback from its state, all its attempts and its whole timeline (without clock events). */
    Callback(State s, List<Attempt> attempts, List<TimelineEvent> timeline) {
        this(s, attempts, timeline, List.of());
    }

    /** Rebuilds a stored callback from its state, attempts, timeline and the events of its clocks. */
    Callback(State s, List<Attempt> attempts, List<TimelineEvent> timeline, List<SlaEvent> slaEvents) {
        this(s, attempts, timeline, 0, slaEvents, true);
    }

    /**
     * A stored callback loaded for a sweep: its timeline as its length only (the sweep adds events and reads none),
     * its clock events only if the sweep's change needs them. Reading what was not loaded fails loudly.
     */
    static Callback forSweep(State s, List<Attempt> attempts, int timelineLength, Optional<List<SlaEvent>> slaEvents) {
        return new Callback(s, attempts, List.of(), timelineLength, slaEvents.orElse(List.of()), slaEvents.isPresent());
    }

    private Callback(State s, List<Attempt> attempts, List<TimelineEvent> timeline, int unloadedEvents,
                     List<SlaEvent> slaEvents, boolean clocksLoaded) {
        practiceId = s.practiceId();
        id = s.id();
        patientId = s.patientId();
        callerName = s.callerName();
        contactPhone = s.contactPhone();
        channel = s.channel();
        category = s.category();
        receivedAt = s.receivedAt();
        reason = s.reason();
        repeatOf = s.repeatOf();
        version = s.version();
        urgency = s.urgency();
        queue = s.queue();
        owner = s.owner();
        status = s.status();
        waitingOn = s.waitingOn();
        waitingNote = s.waitingNote();
        waitingExpectedBy = s.waitingExpectedBy();
        details = Map.copyOf(s.details());
        redFlags = List.copyOf(s.redFlags());
        firstAttemptDueAt = s.firstAttemptDueAt();
        resolutionDueAt = s.resolutionDueAt();
        resolutionPausedSince = s.resolutionPausedSince();
        resolutionPaused = s.resolutionPaused();
        nextAction = s.nextAction();
        nextActionAt = s.nextActionAt();
        boardDueAt = s.boardDueAt();
        firstAttemptAt = s.firstAttemptAt();
        reachedAt = s.reachedAt();
        nextStepDoneAt = s.nextStepDoneAt();
        resolvedAt = s.resolvedAt();
        closure = s.closure();
        repeatCount = s.repeatCount();
        escalationLevel = s.escalationLevel();
        this.attempts = new ArrayList<>(attempts);
        this.timeline = new ArrayList<>(timeline);
        this.storedAttempts = attempts.size();
        this.storedEvents = timeline.size();
        this.unloadedEvents = unloadedEvents;
        this.slaEvents = new ArrayList<>(slaEvents);
        this.storedSlaEvents = slaEvents.size();
        this.clocksLoaded = clocksLoaded;
        this.stored = s;
    }

    /** A request received: due times computed in the practice's business time, routed to the category's queue. */
    public static Callback receive(Request request, CallbackContext context, Actor actor) {
        var category = context.category();
        var calendar = context.calendar();
        Instant firstDue = FirstAttemptDeadline.dueAt(category.responseWindow(), request.urgency(), request.receivedAt(), calendar);
        Instant resolutionDue = calendar.plusBusinessTime(request.receivedAt(), category.resolutionTarget());
        String queue = request.urgency().isClinical() ? CLINICAL_QUEUE : category.queue();
        var state = new State(request.practiceId(), request.id(), request.patientId(), request.callerName(), request.contactPhone(),
                request.channel(), category.code(), request.urgency(), queue, Optional.empty(), Status.NEW,
                Optional.empty(), Optional.empty(), Optional.empty(), request.reason(), request.details(), request.redFlags(),
                request.receivedAt(), firstDue, resolutionDue, Optional.empty(), Duration.ZERO,
                Optional.of("First call"), Optional.of(firstDue), firstDue,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                request.repeatOf(), 0, 0, 0);
        var callback = new Callback(state, List.of(), List.of());
        callback.startClocks(request.urgency(), request.receivedAt(), context);
        var detail = new LinkedHashMap<String, String>();
        detail.put("channel", request.channel().name());
        detail.put("category", category.code());
        detail.put("urgency", request.urgency().name());
        detail.put("queue", queue);
        request.repeatOf().ifPresent(earlier -> detail.put("secondCallOf", earlier.toString()));
        callback.record(TimelineEvent.Type.RECEIVED, request.receivedAt(), actor, detail);
        if (!request.redFlags().isEmpty()) {
            callback.record(TimelineEvent.Type.RED_FLAG_RAISED, request.receivedAt(), actor,
                    Map.of("phrases", phrases(request.redFlags()), "urgency", request.urgency().name()));
        }
        return callback;
    }

    /** Another request about the same open item: joined to it, not made a second work item. */
    public void attachRepeat(Channel from, Optional<String> newReason, Urgency requested, List<RedFlag> flags,
                             Instant at, CallbackContext context, Actor actor) {
        status.requireOpen();
        repeatCount++;
        var detail = new LinkedHashMap<String, String>();
        detail.put("channel", from.name());
        newReason.ifPresent(text -> detail.put("reason", text));
        record(TimelineEvent.Type.REPEAT_CALL_ATTACHED, at, actor, detail);
        if (!flags.isEmpty()) {
            var merged = new ArrayList<>(redFlags);
            flags.stream().filter(flag -> !merged.contains(flag)).forEach(merged::add);
            redFlags = List.copyOf(merged);
            record(TimelineEvent.Type.RED_FLAG_RAISED, at, actor, Map.of("phrases", phrases(flags), "urgency", requested.name()));
        }
        if (requested.compareTo(urgency) > 0) {
            raiseUrgency(requested, "A repeat call raised the urgency", at, context, actor);
        }
    }

    /**
     * The transcript of a voicemail that arrived after its item was made: it becomes the reason (or is added to
     * it), and its red flags raise the urgency of an open item as a repeat call's would.
     */
    public void addTranscript(String transcript, Urgency screened, List<RedFlag> flags, Instant at, CallbackContext context,
                              Actor actor) {
        reason = Optional.of(reason.map(earlier -> earlier + "\n\n" + transcript).orElse(transcript));
        record(TimelineEvent.Type.TRANSCRIPT_ADDED, at, actor, Map.of());
        if (!status.isOpen()) {
            return;
        }
        if (!flags.isEmpty()) {
            var merged = new ArrayList<>(redFlags);
            flags.stream().filter(flag -> !merged.contains(flag)).forEach(merged::add);
            redFlags = List.copyOf(merged);
            record(TimelineEvent.Type.RED_FLAG_RAISED, at, actor, Map.of("phrases", phrases(flags), "urgency", screened.name()));
        }
        if (screened.compareTo(urgency) > 0) {
            raiseUrgency(screened, "The voicemail transcript raised the urgency", at, context, actor);
        }
    }

    /** Records an attempt and computes what comes next: the next rung of the ladder, an escalation or the closure. */
    public Attempt recordAttempt(AttemptReport report, CallbackContext context, Actor actor, Instant now) {
        status.requireOpen();
        validate(report, context, now);
        ensureClocks(context);
        ResponseLadder ladder = context.ladder();
        var attempt = new Attempt(attempts.size() + 1, report.at(), report.method(), actor.username(), report.result(),
                report.messageLeft() || report.result() == AttemptResult.LEFT_VOICEMAIL, report.script(), report.patientResponse(),
                report.nextAction(), ladder.windowAt(report.at()), report.duration());
        attempts.add(attempt);
        mergeDetails(report.details());
        if (firstAttemptAt.isEmpty() || report.at().isBefore(firstAttemptAt.get())) {
            firstAttemptAt = Optional.of(report.at());
        }
        if (clock(SlaEvent.Clock.FIRST_ATTEMPT, context).fulfilledAt().isEmpty()) {
            recordClock(SlaEvent.Clock.FIRST_ATTEMPT, SlaEvent.Type.FULFILLED, report.at(), "attempt " + attempt.seq());
        }
        if (report.result().reached() && reachedAt.isEmpty()) {
            reachedAt = Optional.of(report.at());
        }
        if (status == Status.NEW) {
            status = status.moveTo(Status.IN_PROGRESS);
        }
        var detail = new LinkedHashMap<String, String>();
        detail.put("attempt", Integer.toString(attempt.seq()));
        detail.put("method", report.method().name());
        detail.put("result", report.result().name());
        attempt.callWindow().ifPresent(window -> detail.put("window", window));
        record(TimelineEvent.Type.ATTEMPT_RECORDED, report.at(), actor, detail);

        var ladderSettings = context.category().ladder();
        boolean escalatesInstead = context.category().clinical() || context.category().referralSensitive() || urgency.isClinical();
        switch (Disposition.next(attempts, ladderSettings, context.consent(), escalatesInstead)) {
            case NEXT_STEP_STAGE -> setNext(report.nextAction(), Optional.empty()); // once reached, staff set the pace
            case KEEP -> nextAction = report.nextAction().or(() -> nextAction);
            case SHORT_RETRY -> {
                // The patient is on the phone right now: one short retry in the same window, not a rung of the ladder.
                Instant retry = context.calendar().nextOpenAt(report.at().plus(ladderSettings.busyRetry()));
                setNext(report.nextAction(), Optional.of(retry));
                record(TimelineEvent.Type.NEXT_ATTEMPT_SCHEDULED, report.at(), Actor.SYSTEM, Map.of("at", retry.toString(),
                        "reason", "busy: a short retry"));
            }
            case NEXT_WINDOW -> {
                Set<String> tried = attempts.stream().flatMap(a -> a.callWindow().stream()).collect(Collectors.toSet());
                Instant next = ladder.nextAttemptAt(report.at(), tried, context.preferredWindows());
                setNext(report.nextAction(), Optional.of(next));
                record(TimelineEvent.Type.NEXT_ATTEMPT_SCHEDULED, report.at(), Actor.SYSTEM, Map.of("at", next.toString(),
                        "attempt", (Disposition.rungs(attempts, ladderSettings) + 1) + " of " + ladderSettings.maxAttempts()));
            }
            case OTHER_CHANNEL -> {
                markNumberNotWorking(report);
                setNext(Optional.of("The number does not work: reach the patient by "
                                + Disposition.otherChannel(context.consent()).orElseThrow() + " and ask for a good number"),
                        Optional.of(context.calendar().nextOpenAt(report.at())));
            }
            case CLOSE_WRONG_NUMBER -> {
                markNumberNotWorking(report);
                closeAs(ClosureOutcome.WRONG_NUMBER, Optional.of("The number does not work and the patient has no other channel"),
                        report.at(), Actor.SYSTEM, context);
            }
            case ESCALATE -> {
                boolean dead = Disposition.numberDead(attempts);
                if (dead) {
                    markNumberNotWorking(report);
                }
                if (escalationLevel < MAX_ESCALATION_LEVEL) {
                    escalate(dead ? "The number does not work and the patient has no other channel"
                                    : "The final attempt did not reach the patient; clinical and referral items escalate instead of closing",
                            report.at(), Actor.SYSTEM);
                }
                setNext(Optional.of(dead ? "Escalated: find another way to reach the patient" : "Escalated: decide the next step"),
                        Optional.of(context.calendar().nextOpenAt(report.at())));
            }
            case CLOSE_UNREACHED -> closeAs(ClosureOutcome.UNABLE_TO_REACH_AFTER_ATTEMPTS,
                    Optional.of("Not reached after " + Disposition.rungs(attempts, ladderSettings)
                            + " attempts; send the final message with the way back to us"),
                    report.at(), Actor.SYSTEM, context);
        }
        return attempt;
    }

    /** The first time a call finds the number dead, the timeline says so: the ladder never proposes calling it again. */
    private void markNumberNotWorking(AttemptReport report) {
        boolean marked = timeline().stream().anyMatch(e -> e.type() == TimelineEvent.Type.NUMBER_NOT_WORKING);
        if (!marked) {
            record(TimelineEvent.Type.NUMBER_NOT_WORKING, report.at(), Actor.SYSTEM, Map.of("result", report.result().name(),
                    "reason", "no more calls to this number on this item"));
        }
    }

    public void assign(Optional<String> toQueue, Optional<String> toOwner, Instant at, Actor actor) {
        status.requireOpen();
        var detail = new LinkedHashMap<String, String>();
        toQueue.ifPresent(q -> detail.put("queue", q));
        toOwner.ifPresent(o -> detail.put("owner", o));
        queue = toQueue.orElse(queue);
        owner = toOwner.isPresent() ? toOwner : owner;
        record(TimelineEvent.Type.ASSIGNED, at, actor, detail);
    }

    /**
     * Waits on a dependency; only waiting on the patient pauses the resolution clock. An internal wait keeps the owner
     * accountable, so it needs the date the owner follows up by; a wait on the patient defaults it to the next business day.
     */
    public void waitOn(WaitingOn on, Optional<String> note, Optional<LocalDate> expectedBy, Instant at, CallbackContext context, Actor actor) {
        if (!on.pausesResolutionClock() && expectedBy.isEmpty()) {
            throw new Refusal.InvalidInput("expectedBy", "is required when waiting on " + on.name()
                    + ": the date by which the owner follows up");
        }
        var calendar = context.calendar();
        LocalDate today = calendar.localDate(at);
        if (expectedBy.isPresent() && expectedBy.get().isBefore(today)) {
            throw new Refusal.RuleViolation("The expected date is in the past",
                    List.of(new Refusal.FieldError("expectedBy", "must be today or later")));
        }
        if (expectedBy.isPresent() && expectedBy.get().isAfter(today.plus(MAX_WAIT))) {
            throw new Refusal.RuleViolation("The expected date is more than a year away",
                    List.of(new Refusal.FieldError("expectedBy", "must be within a year")));
        }
        Status target = status.moveTo(on.status());
        settlePause(at, context);
        LocalDate followUp = expectedBy.orElseGet(() -> calendar.nextBusinessDay(today));
        status = target;
        waitingOn = Optional.of(on);
        waitingNote = note;
        waitingExpectedBy = Optional.of(followUp);
        if (on.pausesResolutionClock()) {
            recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.PAUSED, at, "waiting on the patient");
            deriveDueTimes(calendar);
        }
        Instant followUpStarts = calendar.at(followUp, LocalTime.MIDNIGHT);
        setNext(Optional.of("Follow up: waiting on " + on.name().toLowerCase().replace('_', ' ')),
                Optional.of(calendar.nextOpenAt(followUpStarts.isAfter(at) ? followUpStarts : at)));
        var detail = new LinkedHashMap<String, String>();
        detail.put("on", on.name());
        detail.put("expectedBy", followUp.toString());
        note.ifPresent(n -> detail.put("note", n));
        detail.put("resolutionClock", on.pausesResolutionClock() ? "PAUSED" : "RUNNING");
        record(TimelineEvent.Type.WAITING_STARTED, at, actor, detail);
    }

    public void resume(Instant at, CallbackContext context, Actor actor) {
        if (!status.isWaiting()) {
            status.requireOpen();
            throw new Refusal.Conflict("This callback is not waiting on anything");
        }
        boolean wasPaused = resolutionPausedSince.isPresent();
        Duration pausedBefore = resolutionPaused;
        settlePause(at, context);
        status = status.moveTo(attempts.isEmpty() ? Status.NEW : Status.IN_PROGRESS);
        waitingOn = Optional.empty();
        waitingNote = Optional.empty();
        waitingExpectedBy = Optional.empty();
        setNext(Optional.of("Resumed: call the patient"), Optional.of(context.calendar().nextOpenAt(at)));
        record(TimelineEvent.Type.RESUMED, at, actor, wasPaused
                ? Map.of("resolutionClock", "RESUMED", "pausedMinutes", Long.toString(resolutionPaused.minus(pausedBefore).toMinutes()),
                "resolutionDueAt", resolutionDueAt.toString())
                : Map.of());
    }

    public void escalate(String why, Instant at, Actor actor) {
        status.requireOpen();
        if (escalationLevel >= MAX_ESCALATION_LEVEL) {
            throw new Refusal.RuleViolation("This callback is already escalated to the practice manager");
        }
        escalationLevel++;
        record(TimelineEvent.Type.ESCALATED, at, actor, Map.of("level", Integer.toString(escalationLevel), "reason", why));
    }

    /** The item goes back to its queue without an owner (an idle owner, say); the reason is on the timeline. */
    public void returnToQueue(String why, Instant at, Actor actor) {
        status.requireOpen();
        var detail = new LinkedHashMap<String, String>();
        detail.put("queue", queue);
        owner.ifPresent(previous -> detail.put("previousOwner", previous));
        detail.put("reason", why);
        owner = Optional.empty();
        record(TimelineEvent.Type.RETURNED_TO_QUEUE, at, actor, detail);
    }

    /**
     * An internal dependency did not arrive by its expected date: the item stops waiting and is worked again by its
     * owner (who stays accountable) or its queue, with the reason on the timeline.
     */
    public void expectedDatePassed(Instant at, CallbackContext context, Actor actor) {
        if (status != Status.WAITING_ON_INTERNAL || waitingExpectedBy.isEmpty()) {
            throw new Refusal.Conflict("This callback is not waiting on an internal action with an expected date");
        }
        String on = waitingOn.map(Enum::name).orElse("OTHER_INTERNAL");
        LocalDate expected = waitingExpectedBy.get();
        resume(at, context, actor);
        setNext(Optional.of("Chase it: " + on.toLowerCase().replace('_', ' ') + " expected by " + expected + " has not come"),
                nextActionAt);
        var detail = new LinkedHashMap<String, String>();
        detail.put("queue", queue);
        owner.ifPresent(current -> detail.put("owner", current));
        detail.put("reason", "Waiting on " + on + ": the expected date " + expected + " passed");
        record(TimelineEvent.Type.RETURNED_TO_QUEUE, at, actor, detail);
    }

    /** At the end of the day the owner keeps the item for the next business day; it has a next touch time. */
    public void carryOver(LocalDate day, Instant nextTouch, Instant at, Actor actor) {
        status.requireOpen();
        if (owner.isEmpty()) {
            throw new Refusal.Conflict("Only an owned item is carried over to its owner");
        }
        if (nextActionAt.isEmpty()) {
            setNext(nextAction.or(() -> Optional.of("Next touch")), Optional.of(nextTouch));
        }
        record(TimelineEvent.Type.CARRIED_OVER, at, actor, Map.of("day", day.toString(), "owner", owner.get(),
                "nextTouch", nextActionAt.orElse(nextTouch).toString(),
                "reason", "End of day: the owner keeps it for the next business day"));
    }

    /** Raising urgency can only shorten the due time; only clinical staff may lower a clinical or emergency item. */
    public void changeUrgency(Urgency to, String why, Instant at, CallbackContext context, Actor actor) {
        status.requireOpen();
        if (to == urgency) {
            return;
        }
        if (to.compareTo(urgency) > 0) {
            raiseUrgency(to, why, at, context, actor);
            return;
        }
        if (urgency.isClinical() && !actor.clinical()) {
            throw new Refusal.NotPermitted("Only clinical staff may lower a clinical or emergency item");
        }
        if (to != urgency) {
            String from = urgency.name();
            urgency = to;
            record(TimelineEvent.Type.URGENCY_CHANGED, at, actor, Map.of("from", from, "to", to.name(), "reason", why));
        }
    }

    public void markNextStepDone(Optional<String> note, Instant at, Actor actor) {
        status.requireOpen();
        if (nextStepDoneAt.isPresent()) {
            throw new Refusal.Conflict("The next step is already marked done");
        }
        nextStepDoneAt = Optional.of(at);
        record(TimelineEvent.Type.NEXT_STEP_DONE, at, actor, note.map(n -> Map.of("note", n)).orElse(Map.of()));
    }

    /** Closes with a real outcome the category allows, checked by the {@link ClosurePolicy}. */
    public void close(ClosureOutcome outcome, Optional<String> note, Map<String, String> closingDetails, Instant at,
                      CallbackContext context, Actor actor) {
        status.requireOpen();
        var merged = new HashMap<>(details);
        merged.putAll(closingDetails);
        ClosurePolicy.check(context.category(), urgency, outcome, actor, merged);
        mergeDetails(closingDetails);
        closeAs(outcome, note, at, actor, context);
    }

    private void closeAs(ClosureOutcome outcome, Optional<String> note, Instant at, Actor actor, CallbackContext context) {
        settlePause(at, context);
        status = status.moveTo(Status.CLOSED);
        if (clock(SlaEvent.Clock.FIRST_ATTEMPT, context).fulfilledAt().isEmpty()) {
            recordClock(SlaEvent.Clock.FIRST_ATTEMPT, SlaEvent.Type.FULFILLED, at, "closed " + outcome.name() + " without an attempt");
        }
        recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.FULFILLED, at, "closed " + outcome.name());
        closure = Optional.of(new Closure(outcome, note, at, actor.username()));
        resolvedAt = outcome.resolves() ? Optional.of(at) : Optional.empty();
        waitingOn = Optional.empty();
        waitingNote = Optional.empty();
        waitingExpectedBy = Optional.empty();
        nextAction = Optional.empty();
        nextActionAt = Optional.empty();
        boardDueAt = at;
        var detail = new LinkedHashMap<String, String>();
        detail.put("outcome", outcome.name());
        note.ifPresent(n -> detail.put("note", n));
        record(TimelineEvent.Type.CLOSED, at, actor, detail);
    }

    private void raiseUrgency(Urgency to, String why, Instant at, CallbackContext context, Actor actor) {
        String from = urgency.name();
        urgency = to;
        if (to.isClinical()) {
            queue = CLINICAL_QUEUE;
        }
        FirstAttemptDeadline.urgencyLimit(to, at, context.calendar()).ifPresent(limit -> {
            if (firstAttemptAt.isEmpty() && limit.isBefore(firstAttemptDueAt)) {
                ensureClocks(context);
                recordClock(SlaEvent.capped(slaEvents.size() + 1, SlaEvent.Clock.FIRST_ATTEMPT, at,
                        FirstAttemptDeadline.urgencyTarget(to).orElseThrow(), "urgency " + to.name()));
                deriveDueTimes(context.calendar());
            }
            if (nextActionAt.isEmpty() || limit.isBefore(nextActionAt.get())) {
                setNext(nextAction, Optional.of(limit));
            }
        });
        record(TimelineEvent.Type.URGENCY_CHANGED, at, actor, Map.of("from", from, "to", to.name(), "reason", why));
    }

    private void validate(AttemptReport report, CallbackContext context, Instant now) {
        if (report.at().isAfter(now.plus(CLOCK_SKEW))) {
            throw new Refusal.RuleViolation("The attempt time is in the future", List.of(new Refusal.FieldError("at", "must not be in the future")));
        }
        if (report.at().isBefore(receivedAt)) {
            throw new Refusal.RuleViolation("The attempt time is before the request was received",
                    List.of(new Refusal.FieldError("at", "must not be before the request was received")));
        }
        if (!report.result().reached() && report.nextAction().filter(text -> !text.isBlank()).isEmpty()) {
            throw new Refusal.RuleViolation("An attempt that did not reach the patient needs a next action",
                    List.of(new Refusal.FieldError("nextAction", "is required when the patient was not reached")));
        }
        var consent = context.consent();
        boolean voicemail = report.messageLeft() || report.result() == AttemptResult.LEFT_VOICEMAIL;
        boolean allowed = switch (report.method()) {
            case PHONE -> !voicemail || consent.voicemail();
            case SMS -> consent.sms();
            case PORTAL -> consent.portal();
            case EMAIL -> consent.email();
        };
        if (!allowed) {
            String channelName = report.method() == ContactMethod.PHONE ? "voicemail" : report.method().name();
            throw new Refusal.RuleViolation("The patient has not consented to " + channelName,
                    List.of(new Refusal.FieldError("method", "has no consent from this patient")));
        }
    }

    /** Ends a running pause of the resolution clock; the due time derived from the events moves by the paused business time. */
    private void settlePause(Instant at, CallbackContext context) {
        ensureClocks(context);
        if (clock(SlaEvent.Clock.RESOLUTION, context).isPaused()) {
            recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.RESUMED, at, "no longer waiting on the patient");
        }
        deriveDueTimes(context.calendar());
    }

    // ------------------------------------------------------------------ clocks (SLA as events)

    /** The clocks of a new item: the category's window and resolution target, and the urgency's limit if it has one. */
    private void startClocks(Urgency urgency, Instant at, CallbackContext context) {
        var category = context.category();
        recordClock(SlaEvent.started(slaEvents.size() + 1, SlaEvent.Clock.FIRST_ATTEMPT, at,
                new SlaTarget.Window(category.responseWindow()), "category " + category.code()));
        FirstAttemptDeadline.urgencyTarget(urgency).ifPresent(limit -> recordClock(SlaEvent.capped(slaEvents.size() + 1,
                SlaEvent.Clock.FIRST_ATTEMPT, at, limit, "urgency " + urgency.name())));
        recordClock(SlaEvent.started(slaEvents.size() + 1, SlaEvent.Clock.RESOLUTION, at,
                new SlaTarget.BusinessTime(category.resolutionTarget()), "category " + category.code()));
        deriveDueTimes(context.calendar());
    }

    /**
     * An item stored before its clocks were recorded as events gets them from what it stored: started at receipt with
     * the category's targets (an earlier stored first-attempt due time, set by urgency, kept as a limit), paused and
     * resumed as its timeline says it waited on the patient, fulfilled by its first attempt and its closure.
     */
    private void ensureClocks(CallbackContext context) {
        requireClocks();
        if (!slaEvents.isEmpty()) {
            return;
        }
        requireTimeline();
        var category = context.category();
        recordClock(SlaEvent.started(slaEvents.size() + 1, SlaEvent.Clock.FIRST_ATTEMPT, receivedAt,
                new SlaTarget.Window(category.responseWindow()), "category " + category.code()));
        if (clock(SlaEvent.Clock.FIRST_ATTEMPT, context).settledDue().isAfter(firstAttemptDueAt)) {
            recordClock(SlaEvent.capped(slaEvents.size() + 1, SlaEvent.Clock.FIRST_ATTEMPT, receivedAt,
                    new SlaTarget.Until(firstAttemptDueAt), "the due time stored before clocks were recorded"));
        }
        recordClock(SlaEvent.started(slaEvents.size() + 1, SlaEvent.Clock.RESOLUTION, receivedAt,
                new SlaTarget.BusinessTime(category.resolutionTarget()), "category " + category.code()));
        boolean paused = false;
        for (TimelineEvent event : timeline) {
            boolean pauses = event.type() == TimelineEvent.Type.WAITING_STARTED && "PATIENT".equals(event.detail().get("on"));
            boolean ends = event.type() == TimelineEvent.Type.WAITING_STARTED || event.type() == TimelineEvent.Type.RESUMED;
            if (pauses && !paused) {
                recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.PAUSED, event.at(), "waiting on the patient");
            } else if (ends && !pauses && paused) {
                recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.RESUMED, event.at(), "no longer waiting on the patient");
            }
            paused = ends ? pauses : paused;
        }
        if (!paused && resolutionPausedSince.isPresent()) {
            recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.PAUSED, resolutionPausedSince.get(), "waiting on the patient");
        }
        firstAttemptAt.ifPresent(first -> recordClock(SlaEvent.Clock.FIRST_ATTEMPT, SlaEvent.Type.FULFILLED, first, "first attempt"));
        closure.ifPresent(closed -> {
            if (firstAttemptAt.isEmpty()) {
                recordClock(SlaEvent.Clock.FIRST_ATTEMPT, SlaEvent.Type.FULFILLED, closed.closedAt(), "closed without an attempt");
            }
            recordClock(SlaEvent.Clock.RESOLUTION, SlaEvent.Type.FULFILLED, closed.closedAt(), "closed " + closed.outcome().name());
        });
    }

    /**
     * A category's targets or the practice's calendar changed: the due times of an open item are derived again
     * from its events (paused time kept); a changed target is recorded as a new STARTED event. Answers whether a
     * due time moved.
     */
    public boolean recomputeClocks(Instant at, CallbackContext context, Actor actor) {
        if (!status.isOpen()) {
            return false;
        }
        ensureClocks(context);
        var category = context.category();
        SlaTarget window = new SlaTarget.Window(category.responseWindow());
        SlaClock first = clock(SlaEvent.Clock.FIRST_ATTEMPT, context);
        if (first.fulfilledAt().isEmpty() && !first.target().equals(Optional.of(window))) {
            recordClock(SlaEvent.started(slaEvents.size() + 1, SlaEvent.Clock.FIRST_ATTEMPT, at, window,
                    "category " + category.code() + " changed"));
        }
        SlaTarget resolution = new SlaTarget.BusinessTime(category.resolutionTarget());
        SlaClock res = clock(SlaEvent.Clock.RESOLUTION, context);
        if (res.fulfilledAt().isEmpty() && !res.target().equals(Optional.of(resolution))) {
            recordClock(SlaEvent.started(slaEvents.size() + 1, SlaEvent.Clock.RESOLUTION, at, resolution,
                    "category " + category.code() + " changed"));
        }
        Instant firstBefore = firstAttemptDueAt;
        Instant resolutionBefore = resolutionDueAt;
        deriveDueTimes(context.calendar());
        if (firstBefore.equals(firstAttemptDueAt) && resolutionBefore.equals(resolutionDueAt)) {
            return false;
        }
        if (firstAttemptAt.isEmpty() && nextActionAt.equals(Optional.of(firstBefore))) {
            // The first call was scheduled at the old due time: it follows the new one.
            setNext(nextAction, Optional.of(firstAttemptDueAt));
        } else {
            setNext(nextAction, nextActionAt);
        }
        var detail = new LinkedHashMap<String, String>();
        detail.put("firstAttemptDueAt", firstAttemptDueAt.toString());
        detail.put("resolutionDueAt", resolutionDueAt.toString());
        record(TimelineEvent.Type.DUE_TIMES_RECOMPUTED, at, actor, detail);
        return true;
    }

    /**
     * Records, once, each running clock found past its due time by the sweep; a paused clock cannot breach.
     * Answers the clocks that breached now.
     */
    public List<SlaEvent.Clock> recordBreaches(Instant now, CallbackContext context) {
        if (!status.isOpen()) {
            return List.of();
        }
        ensureClocks(context);
        var breached = new ArrayList<SlaEvent.Clock>();
        for (SlaEvent.Clock which : SlaEvent.Clock.values()) {
            SlaClock clock = clock(which, context);
            if (clock.breachDue(now)) {
                Instant due = clock.dueAt(now);
                recordClock(which, SlaEvent.Type.BREACHED, now, "due " + due);
                record(TimelineEvent.Type.SLA_BREACHED, now, Actor.SYSTEM, Map.of("clock", which.name(), "dueAt", due.toString(),
                        "minutesOver", Long.toString(clock.minutesOverTarget(now))));
                breached.add(which);
            }
        }
        return breached;
    }

    /** The due-time columns are a cache for the board: always what the events and the calendar say. */
    private void deriveDueTimes(org.ringback.practice.BusinessCalendar calendar) {
        requireClocks();
        SlaClock first = SlaClock.of(SlaEvent.Clock.FIRST_ATTEMPT, slaEvents, calendar);
        SlaClock resolution = SlaClock.of(SlaEvent.Clock.RESOLUTION, slaEvents, calendar);
        if (first.isStarted()) {
            firstAttemptDueAt = first.settledDue();
        }
        if (resolution.isStarted()) {
            resolutionDueAt = resolution.settledDue();
            resolutionPausedSince = resolution.pausedSince();
            resolutionPaused = resolution.settledPause();
            if (status.isOpen() && nextActionAt.isEmpty()) {
                boardDueAt = resolutionDueAt;
            }
        }
    }

    private SlaClock clock(SlaEvent.Clock which, CallbackContext context) {
        requireClocks();
        return SlaClock.of(which, slaEvents, context.calendar());
    }

    private void recordClock(SlaEvent.Clock which, SlaEvent.Type type, Instant at, String reason) {
        recordClock(SlaEvent.of(slaEvents.size() + 1, which, type, at, reason));
    }

    private void recordClock(SlaEvent event) {
        requireClocks();
        slaEvents.add(event);
    }

    private void requireClocks() {
        if (!clocksLoaded) {
            throw new IllegalStateException("This callback was loaded without its clock events");
        }
    }

    private void requireTimeline() {
        if (unloadedEvents > 0) {
            throw new IllegalStateException("This callback was loaded without its timeline");
        }
    }

    /** Reads both clocks at {@code now} for showing them (the desk does, with the practice's calendar). */
    void readClocks(org.ringback.practice.BusinessCalendar calendar, Instant now) {
        requireClocks();
        clockReadings = slaEvents.isEmpty() ? Optional.empty() : Optional.of(new SlaClock.Readings(
                SlaClock.of(SlaEvent.Clock.FIRST_ATTEMPT, slaEvents, calendar).read(now),
                SlaClock.of(SlaEvent.Clock.RESOLUTION, slaEvents, calendar).read(now),
                List.copyOf(slaEvents)));
    }

    /** The clocks as last read by the desk; empty for items listed on the board. */
    public Optional<SlaClock.Readings> clocks() {
        return clockReadings;
    }

    public List<SlaEvent> slaEvents() {
        requireClocks();
        return List.copyOf(slaEvents);
    }

    List<SlaEvent> unsavedSlaEvents() {
        return List.copyOf(slaEvents.subList(storedSlaEvents, slaEvents.size()));
    }

    /** Sets the next action; the board sorts by it, or by the resolution target when nothing is scheduled. */
    private void setNext(Optional<String> action, Optional<Instant> at) {
        nextAction = action;
        nextActionAt = at;
        boardDueAt = at.orElse(resolutionDueAt);
    }

    private void mergeDetails(Map<String, String> more) {
        if (!more.isEmpty()) {
            var merged = new LinkedHashMap<>(details);
            merged.putAll(more);
            details = Map.copyOf(merged);
        }
    }

    private void record(TimelineEvent.Type type, Instant at, Actor actor, Map<String, String> detail) {
        timeline.add(new TimelineEvent(unloadedEvents + timeline.size() + 1, type, at, actor.username(), detail));
    }

    private static String phrases(List<RedFlag> flags) {
        return flags.stream().map(RedFlag::phrase).distinct().collect(Collectors.joining(", "));
    }

    /** The stored form of the current state, at the version it was loaded with. */
    public State state() {
        return new State(practiceId, id, patientId, callerName, contactPhone, channel, category, urgency, queue, owner, status,
                waitingOn, waitingNote, waitingExpectedBy, reason, details, redFlags, receivedAt, firstAttemptDueAt, resolutionDueAt,
                resolutionPausedSince, resolutionPaused, nextAction, nextActionAt, boardDueAt,
                firstAttemptAt, reachedAt, nextStepDoneAt, resolvedAt, closure, repeatOf, repeatCount, escalationLevel, version);
    }

    public UUID id() {
        return id;
    }

    public UUID practiceId() {
        return practiceId;
    }

    public Optional<UUID> patientId() {
        return patientId;
    }

    public String category() {
        return category;
    }

    public int version() {
        return version;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<TimelineEvent> timeline() {
        requireTimeline();
        return List.copyOf(timeline);
    }

    /** Not stored yet: a stored callback always has at least its RECEIVED event. */
    boolean isNew() {
        return storedEvents + unloadedEvents == 0;
    }

    List<Attempt> unsavedAttempts() {
        return List.copyOf(attempts.subList(storedAttempts, attempts.size()));
    }

    /** The state this callback was loaded with (for a new one: the state it was created with). */
    State storedState() {
        return stored;
    }

    List<TimelineEvent> unsavedEvents() {
        return List.copyOf(timeline.subList(storedEvents, timeline.size()));
    }
}

package org.ringback.callback.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ringback.callback.Attempt;
import org.ringback.callback.AttemptResult;
import org.ringback.callback.Callback;
import org.ringback.callback.Channel;
import org.ringback.callback.RedFlag;
import org.ringback.callback.SlaClock;
import org.ringback.callback.SlaEvent;
import org.ringback.callback.SlaTarget;
import org.ringback.callback.Status;
import org.ringback.callback.TimelineEvent;
import org.ringback.callback.Urgency;
import org.ringback.callback.WaitingOn;
import org.ringback.patient.ContactMethod;
import org.ringback.practice.ClosureOutcome;

/** The callback representation of API.md, shared by every endpoint that answers with a callback. */
public record CallbackView(
        String id, String practiceId, String patientId, Caller caller, Channel channel, String category, Urgency urgency,
        String queue, String owner, Status status, Waiting waitingOn, String reason, Map<String, String> details,
        Instant receivedAt, Instant firstAttemptDueAt, Instant resolutionDueAt, String resolutionClock,
        Instant nextActionAt, String nextAction, int attemptCount, Stages stages, String repeatOf, int repeatCount,
        int escalationLevel, List<RedFlag> redFlags, ClosureView closure, List<AttemptView> attempts,
        List<EventView> timeline, int version, Clocks clocks) {

    /**
     * An item's two clocks (added to API.md's representation; only on single-item answers): due time, business
     * minutes over (positive) or under (negative) target, business minutes paused, and the events they come from.
     */
    public record Clocks(ClockView firstAttempt, ClockView resolution, List<ClockEventView> events) {
        static Clocks of(SlaClock.Readings readings) {
            return new Clocks(ClockView.of(readings.firstAttempt()), ClockView.of(readings.resolution()),
                    readings.events().stream().map(ClockEventView::of).toList());
        }
    }

    public record ClockView(String target, Instant dueAt, long minutesOverTarget, boolean breached, long pausedMinutes,
                            long elapsedMinutes, boolean paused, Instant fulfilledAt) {
        static ClockView of(SlaClock.Reading r) {
            return new ClockView(r.target(), r.dueAt(), r.minutesOverTarget(), r.breached(), r.pausedMinutes(), r.elapsedMinutes(),
                    r.paused(), r.fulfilledAt().orElse(null));
        }
    }

    public record ClockEventView(int seq, SlaEvent.Clock clock, SlaEvent.Type type, Instant at, String target, String reason) {
        static ClockEventView of(SlaEvent e) {
            return new ClockEventView(e.seq(), e.clock(), e.type(), e.at(), e.target().map(SlaTarget::text).orElse(null),
                    e.reason().orElse(null));
        }
    }

    record Caller(String name, String phone) {
    }

    record Waiting(WaitingOn on, String note, LocalDate expectedBy) {
    }

    record Stages(Instant firstAttemptAt, Instant reachedAt, Instant nextStepDoneAt, Instant resolvedAt) {
    }

    record ClosureView(ClosureOutcome outcome, String note, Instant closedAt, String closedBy) {
    }

    record AttemptView(int seq, Instant at, ContactMethod method, String caller, AttemptResult result, boolean messageLeft,
                       String script, String patientResponse, String nextAction, String callWindow, Duration duration) {
        static AttemptView of(Attempt a) {
            return new AttemptView(a.seq(), a.at(), a.method(), a.caller(), a.result(), a.messageLeft(), a.script().orElse(null),
                    a.patientResponse().orElse(null), a.nextAction().orElse(null), a.callWindow().orElse(null), a.duration().orElse(null));
        }
    }

    record EventView(int seq, TimelineEvent.Type type, Instant at, String actor, Map<String, String> detail) {
    }

    /** The item with its attempts; the timeline only when asked for one item. */
    public static CallbackView of(Callback callback, boolean withTimeline) {
        var s = callback.state();
        List<Attempt> attempts = callback.attempts();
        return new CallbackView(
                s.id().toString(), s.practiceId().toString(), s.patientId().map(Object::toString).orElse(null),
                s.callerName().isPresent() || s.contactPhone().isPresent()
                        ? new Caller(s.callerName().orElse(null), s.contactPhone().orElse(null)) : null,
                s.channel(), s.category(), s.urgency(), s.queue(), s.owner().orElse(null), s.status(),
                s.waitingOn().map(on -> new Waiting(on, s.waitingNote().orElse(null), s.waitingExpectedBy().orElse(null))).orElse(null),
                s.reason().orElse(null), s.details(),
                s.receivedAt(), s.firstAttemptDueAt(), s.resolutionDueAt(),
                s.resolutionPausedSince().isPresent() ? "PAUSED" : s.status().isOpen() ? "RUNNING" : "STOPPED",
                s.nextActionAt().orElse(null), s.nextAction().orElse(null), attempts.size(),
                new Stages(s.firstAttemptAt().orElse(null), s.reachedAt().orElse(null), s.nextStepDoneAt().orElse(null), s.resolvedAt().orElse(null)),
                s.repeatOf().map(Object::toString).orElse(null), s.repeatCount(), s.escalationLevel(), s.redFlags(),
                s.closure().map(c -> new ClosureView(c.outcome(), c.note().orElse(null), c.closedAt(), c.closedBy())).orElse(null),
                attempts.stream().map(AttemptView::of).toList(),
                withTimeline ? callback.timeline().stream().map(e -> new EventView(e.seq(), e.type(), e.at(), e.actor(), e.detail())).toList() : null,
                s.version(),
                withTimeline ? callback.clocks().map(Clocks::of).orElse(null) : null);
    }
}

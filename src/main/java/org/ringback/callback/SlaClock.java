package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.ringback.practice.BusinessCalendar;

/**
 * One clock of an item derived from its events and the practice's calendar: due = start + target in business
 * time + the business time it was paused (waiting on the patient), never counting paused time as elapsed. Pure:
 * no clock inside, the instant to evaluate at comes in; a changed calendar or target gives the new due time from
 * the same pauses.
 *
 * <p>A clock ends when FULFILLED; a pause still running then ends with it. Urgency caps (STARTED with
 * {@code cap}) count from their own time and can only bring the due time forward.
 */
public final class SlaClock {

    private record Pause(Instant from, Optional<Instant> to) {
    }

    private final SlaEvent.Clock which;
    private final BusinessCalendar calendar;
    private final Optional<Instant> start;
    private final Optional<SlaTarget> target;
    private final List<SlaEvent> caps;
    private final List<Pause> pauses;
    private final Optional<Instant> fulfilledAt;
    private final Optional<Instant> breachRecordedAt;

    private SlaClock(SlaEvent.Clock which, List<SlaEvent> all, BusinessCalendar calendar) {
        this.which = which;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        List<SlaEvent> events = all.stream()
                .filter(event -> event.clock() == which)
                .sorted(Comparator.comparing(SlaEvent::at).thenComparingInt(SlaEvent::seq))
                .toList();
        Instant started = null;
        SlaTarget categoryTarget = null;
        List<SlaEvent> capEvents = new ArrayList<>();
        List<Pause> pauseList = new ArrayList<>();
        Instant pausedSince = null;
        Instant fulfilled = null;
        Instant breached = null;
        // Events are applied in order of their seq for targets (a later category target replaces an earlier one),
        // and in time order for pauses.
        for (SlaEvent event : all.stream().filter(e -> e.clock() == which).sorted(Comparator.comparingInt(SlaEvent::seq)).toList()) {
            if (event.type() == SlaEvent.Type.STARTED) {
                if (event.cap()) {
                    capEvents.add(event);
                } else {
                    categoryTarget = event.target().orElseThrow();
                }
            }
        }
        for (SlaEvent event : events) {
            switch (event.type()) {
                case STARTED -> started = started == null || event.at().isBefore(started) ? event.at() : started;
                case PAUSED -> {
                    if (fulfilled == null && pausedSince == null) {
                        pausedSince = event.at();
                    }
                }
                case RESUMED -> {
                    if (fulfilled == null && pausedSince != null) {
                        pauseList.add(new Pause(pausedSince, Optional.of(event.at())));
                        pausedSince = null;
                    }
                }
                case FULFILLED -> {
                    if (fulfilled == null) {
                        fulfilled = event.at();
                        if (pausedSince != null) {
                            pauseList.add(new Pause(pausedSince, Optional.of(event.at())));
                            pausedSince = null;
                        }
                    }
                }
                case BREACHED -> breached = breached == null ? event.at() : breached;
            }
        }
        if (pausedSince != null) {
            pauseList.add(new Pause(pausedSince, Optional.empty()));
        }
        this.start = Optional.ofNullable(started);
        this.target = Optional.ofNullable(categoryTarget);
        this.caps = List.copyOf(capEvents);
        this.pauses = List.copyOf(pauseList);
        this.fulfilledAt = Optional.ofNullable(fulfilled);
        this.breachRecordedAt = Optional.ofNullable(breached);
    }

    /** The clock named {@code which} as its events tell it, counted in {@code calendar}. */
    public static SlaClock of(SlaEvent.Clock which, List<SlaEvent> events, BusinessCalendar calendar) {
        return new SlaClock(which, events, calendar);
    }

    public SlaEvent.Clock which() {
        return which;
    }

    /** False for an item whose clock was never started (nothing to derive). */
    public boolean isStarted() {
        return start.isPresent() && (target.isPresent() || !caps.isEmpty());
    }

    public Optional<Instant> start() {
        return start;
    }

    public Optional<SlaTarget> target() {
        return target;
    }

    public Optional<Instant> fulfilledAt() {
        return fulfilledAt;
    }

    public Optional<Instant> breachRecordedAt() {
        return breachRecordedAt;
    }

    /** The start of the pause running now, if the clock is paused. */
    public Optional<Instant> pausedSince() {
        return pauses.stream().filter(pause -> pause.to().isEmpty()).map(Pause::from).findFirst();
    }

    public boolean isPaused() {
        return pausedSince().isPresent();
    }

    /** Where the clock's counting ends when looked at {@code now}: its fulfilment, or now. */
    private Instant end(Instant now) {
        return fulfilledAt.filter(fulfilled -> fulfilled.isBefore(now)).orElse(now);
    }

    /** Business time paused in finished pauses only: what a running pause adds is not known until it ends. */
    public Duration settledPause() {
        return pauses.stream().filter(pause -> pause.to().isPresent())
                .map(pause -> calendar.businessTimeBetween(pause.from(), pause.to().get()))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** Business time paused up to {@code now} (a running pause counted until now). */
    public Duration pausedTime(Instant now) {
        Instant end = end(now);
        Duration total = Duration.ZERO;
        for (Pause pause : pauses) {
            Instant to = pause.to().filter(t -> t.isBefore(end)).orElse(end);
            total = total.plus(calendar.businessTimeBetween(pause.from(), to));
        }
        return total;
    }

    /**
     * The due time as known at {@code now}: start + target + the business time paused up to now. While paused
     * it moves with the pause; an unpaused clock's due time does not depend on {@code now}.
     *
     * @throws IllegalStateException when the clock was never started
     */
    public Instant dueAt(Instant now) {
        return due(pausedTime(now));
    }

    /** The due time counting only finished pauses: what the board's cache holds while a pause runs. */
    public Instant settledDue() {
        return due(settledPause());
    }

    private Instant due(Duration paused) {
        if (!isStarted()) {
            throw new IllegalStateException("The " + which + " clock was never started");
        }
        Instant due = null;
        if (target.isPresent()) {
            SlaTarget t = target.get();
            due = t instanceof SlaTarget.BusinessTime business
                    ? calendar.plusBusinessTime(start.get(), business.amount().plus(paused))
                    : extend(t.dueFrom(start.get(), calendar), paused);
        }
        for (SlaEvent cap : caps) {
            Instant capped = extend(cap.target().orElseThrow().dueFrom(cap.at(), calendar), paused);
            if (due == null || capped.isBefore(due)) {
                due = capped;
            }
        }
        return due;
    }

    private Instant extend(Instant due, Duration paused) {
        return paused.isZero() ? due : calendar.plusBusinessTime(due, paused);
    }

    /** Business time the clock has run (paused time never counted), up to its fulfilment or now. */
    public Duration elapsed(Instant now) {
        Instant end = end(now);
        Duration total = calendar.businessTimeBetween(start.orElse(end), end).minus(pausedTime(now));
        return total.isNegative() ? Duration.ZERO : total;
    }

    /**
     * Business minutes past the due time (positive: over target) or left before it (negative: under target), at
     * the fulfilment or at {@code now} for a running clock.
     */
    public long minutesOverTarget(Instant now) {
        Instant end = end(now);
        Instant due = dueAt(now);
        return end.isAfter(due) ? calendar.businessTimeBetween(due, end).toMinutes()
                : -calendar.businessTimeBetween(end, due).toMinutes();
    }

    /** Missed: fulfilled after the due time, or still running past it (a breach already recorded stays one). */
    public boolean breached(Instant now) {
        return breachRecordedAt.isPresent() || end(now).isAfter(dueAt(now));
    }

    /** Running, past due and not recorded yet: the sweep records a BREACHED event once. */
    boolean breachDue(Instant now) {
        return isStarted() && fulfilledAt.isEmpty() && breachRecordedAt.isEmpty() && !isPaused() && now.isAfter(dueAt(now));
    }

    /** One clock as shown on an item: its due time and how it stands against it, in business minutes. */
    public record Reading(SlaEvent.Clock clock, String target, Instant dueAt, long minutesOverTarget, boolean breached,
                          long pausedMinutes, long elapsedMinutes, boolean paused, Optional<Instant> fulfilledAt) {
    }

    /** Both clocks of an item and the events they were derived from. */
    public record Readings(Reading firstAttempt, Reading resolution, List<SlaEvent> events) {
    }

    /** This clock at {@code now}; a clock never started reads as empty targets at its item's stored due time. */
    Reading read(Instant now) {
        return new Reading(which, target.map(SlaTarget::text).orElse(caps.isEmpty() ? "" : caps.get(0).target().orElseThrow().text()),
                dueAt(now), minutesOverTarget(now), breached(now), pausedTime(now).toMinutes(), elapsed(now).toMinutes(), isPaused(),
                fulfilledAt);
    }
}

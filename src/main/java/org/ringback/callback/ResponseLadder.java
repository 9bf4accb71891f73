package org.ringback.callback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.BusinessCalendar.OpenPeriod;
import org.ringback.practice.CallWindow;
import org.ringback.practice.Ladder;

/**
 * The response ladder of DESIGN.md: after an attempt that did not reach the patient, the next attempt
 * comes no sooner than the minimum gap, in business hours, in a call window not yet tried (the patient's
 * preferred windows first, when known). Staff never guess the next attempt time.
 *
 * <p>The windows to aim for are tried in order of preference: untried and preferred, untried, preferred,
 * any window. A choice that finds no open time within sixty days (an EVENING window at a practice that
 * closes at 17:00) gives way to the next one, and when none does the attempt goes to the next open moment,
 * so a next attempt is always proposed and is never in a closed period.
 */
public final class ResponseLadder {

    /** Long enough to reach a window that is only open on one weekday, short enough to stay cheap. */
    private static final int SEARCH_DAYS = 60;

    private final Ladder settings;
    private final List<CallWindow> windows;
    private final BusinessCalendar calendar;

    public ResponseLadder(Ladder settings, List<CallWindow> windows, BusinessCalendar calendar) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.windows = List.copyOf(Objects.requireNonNull(windows, "windows"));
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The call window a moment falls in, in the practice's local time. */
    public Optional<String> windowAt(Instant t) {
        LocalTime time = LocalTime.ofInstant(t, calendar.zone());
        return windows.stream().filter(window -> window.contains(time)).map(CallWindow::name).findFirst();
    }

    /** True when {@code attemptsMade} failed attempts exhaust the ladder. */
    public boolean isExhausted(int attemptsMade) {
        return attemptsMade >= settings.maxAttempts();
    }

    /**
     * The next attempt time after a failed attempt at {@code lastAttemptAt}.
     *
     * @param triedWindows     names of the call windows earlier attempts fell in
     * @param preferredWindows names of the patient's preferred windows; empty when unknown
     */
    public Instant nextAttemptAt(Instant lastAttemptAt, Set<String> triedWindows, Set<String> preferredWindows) {
        Instant earliest = lastAttemptAt.plus(settings.minGap());
        for (List<CallWindow> aim : aims(Set.copyOf(triedWindows), Set.copyOf(preferredWindows))) {
            Optional<Instant> found = earliestOpenIn(aim, earliest);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return calendar.nextOpenAt(earliest);
    }

    /** The window choices in order of preference; none means "any open moment". */
    private List<List<CallWindow>> aims(Set<String> tried, Set<String> preferred) {
        List<CallWindow> preferredWindows = named(windows, preferred, true);
        if (windows.isEmpty() || !settings.differentWindow()) {
            return preferredWindows.isEmpty() ? List.of() : List.of(preferredWindows);
        }
        List<CallWindow> untried = named(windows, tried, false);
        Set<List<CallWindow>> aims = new LinkedHashSet<>();
        aims.add(named(untried, preferred, true));
        aims.add(untried);
        aims.add(preferredWindows);
        aims.add(windows);
        aims.remove(List.of());
        return List.copyOf(aims);
    }

    private static List<CallWindow> named(List<CallWindow> windows, Set<String> names, boolean keep) {
        return windows.stream().filter(window -> names.contains(window.name()) == keep).toList();
    }

    /**
     * The earliest instant not before {@code earliest} that is open and whose local time lies in one of the
     * windows. Such an instant starts an open, in-window stretch, so it is {@code earliest} itself, an opening,
     * a window's start, or a DST transition that jumps the local time into a window; only those are checked.
     */
    private Optional<Instant> earliestOpenIn(List<CallWindow> aim, Instant earliest) {
        ZoneRules rules = calendar.zone().getRules();
        List<Instant> transitions = transitions(rules, earliest, earliest.plus(Duration.ofDays(SEARCH_DAYS + 2)));
        LocalDate date = calendar.localDate(earliest);
        for (int day = 0; day <= SEARCH_DAYS; day++, date = date.plusDays(1)) {
            List<OpenPeriod> periods = calendar.openPeriods(date);
            if (periods.isEmpty() || !periods.get(periods.size() - 1).end().isAfter(earliest)) {
                continue;
            }
            List<Instant> candidates = new ArrayList<>(transitions);
            candidates.add(earliest);
            periods.forEach(period -> candidates.add(period.start()));
            for (CallWindow window : aim) {
                LocalDateTime start = LocalDateTime.of(date, window.start());
                for (ZoneOffset offset : rules.getValidOffsets(start)) {
                    candidates.add(start.toInstant(offset));
                }
            }
            Instant best = null;
            for (Instant candidate : candidates) {
                if (!candidate.isBefore(earliest) && (best == null || candidate.isBefore(best))
                        && isOpen(periods, candidate) && inWindow(aim, candidate)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    private static List<Instant> transitions(ZoneRules rules, Instant from, Instant to) {
        List<Instant> transitions = new ArrayList<>();
        for (ZoneOffsetTransition transition = rules.nextTransition(from);
             transition != null && transition.getInstant().isBefore(to);
             transition = rules.nextTransition(transition.getInstant())) {
            transitions.add(transition.getInstant());
        }
        return transitions;
    }

    private static boolean isOpen(List<OpenPeriod> periods, Instant t) {
        for (OpenPeriod period : periods) {
            if (!t.isBefore(period.start()) && t.isBefore(period.end())) {
                return true;
            }
        }
        return false;
    }

    private boolean inWindow(List<CallWindow> aim, Instant t) {
        LocalTime time = LocalTime.ofInstant(t, calendar.zone());
        for (CallWindow window : aim) {
            if (window.contains(time)) {
                return true;
            }
        }
        return false;
    }
}

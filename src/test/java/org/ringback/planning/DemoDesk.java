package org.ringback.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import org.ringback.practice.CallWindow;
import org.ringback.practice.Ladder;

/**
 * A desk like the demo practice's (DemoHistory): about 60 items a weekday with a Monday peak, open weekdays
 * 08:00–17:00, two people on the queue and three on Monday, reach rates per call window as the demo measures them,
 * a first attempt due within 30 open minutes and patients who call again after a day on average.
 */
final class DemoDesk {

    /** Share of a weekday's arrivals per local hour, as DemoHistory generates them. */
    static final double[] HOURLY = {0, 0, 0, 0, 0, 0, 0.005, 0.03, 0.14, 0.13, 0.11, 0.09, 0.12, 0.09, 0.08, 0.07,
            0.06, 0.04, 0.02, 0.01, 0.005, 0, 0, 0};
    /** Monday about 45 % above Tuesday, little at the weekend. */
    static final double[] WEEKDAY = {1.45, 1.0, 0.95, 0.95, 0.85, 0.12, 0.08};
    static final double TUESDAY = 57;

    static final WeeklyDemand DEMAND = WeeklyDemand.of((day, hour) -> TUESDAY * WEEKDAY[day.getValue() - 1] * HOURLY[hour]);
    static final OpenHours OPEN = OpenHours.weekdays(8, 17);
    static final Roster ROSTER = Roster.of((day, hour) -> !OPEN.isOpen(day, hour) ? 0 : day == DayOfWeek.MONDAY ? 3 : 2);
    static final List<WindowReach> REACH = List.of(
            new WindowReach(CallWindow.DEFAULTS.get(0), 0.42), new WindowReach(CallWindow.DEFAULTS.get(1), 0.33),
            new WindowReach(CallWindow.DEFAULTS.get(2), 0.38), new WindowReach(CallWindow.DEFAULTS.get(3), 0.55));

    private DemoDesk() {
    }

    static DeskScenario scenario() {
        return new DeskScenario(DEMAND, ROSTER, OPEN, HandleTime.lognormal(Duration.ofMinutes(6), Duration.ofMinutes(4)),
                REACH, 0.35, Ladder.DEFAULT, Duration.ofMinutes(30), Duration.ofHours(24));
    }
}

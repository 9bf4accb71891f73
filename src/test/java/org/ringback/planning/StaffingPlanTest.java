package org.ringback.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class StaffingPlanTest {

    static final Duration SIX_MINUTES = Duration.ofMinutes(6);
    static final Duration ONE_HOUR = Duration.ofHours(1);

    @Test
    void eachOpenHourGetsWhatErlangCAsksFor() {
        StaffingPlan plan = StaffingPlan.erlangC(DemoDesk.DEMAND, DemoDesk.OPEN, SIX_MINUTES, ONE_HOUR, 0.9);

        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY}) {
            for (int hour = 9; hour < 17; hour++) {
                double rate = DemoDesk.DEMAND.arrivalsPerHour(day, hour);
                assertThat(plan.roster().staffAt(day, hour)).as("%s %d", day, hour)
                        .isEqualTo(new ErlangC(rate, SIX_MINUTES).agentsNeeded(ONE_HOUR, 0.9));
            }
        }
    }

    @Test
    void closedHoursGetNobodyAndWhatArrivesThenWaitsForTheOpening() {
        // one an hour around the clock, open weekdays 08–17: Monday 08:00 also gets the 63 closed hours since
        // Friday 17:00, Tuesday 08:00 the 15 since Monday 17:00
        StaffingPlan plan = StaffingPlan.erlangC(WeeklyDemand.constant(1), OpenHours.weekdays(8, 17), SIX_MINUTES, ONE_HOUR, 0.9);

        assertThat(plan.roster().staffAt(DayOfWeek.MONDAY, 8)).isEqualTo(new ErlangC(64, SIX_MINUTES).agentsNeeded(ONE_HOUR, 0.9));
        assertThat(plan.roster().staffAt(DayOfWeek.TUESDAY, 8)).isEqualTo(new ErlangC(16, SIX_MINUTES).agentsNeeded(ONE_HOUR, 0.9));
        assertThat(plan.roster().staffAt(DayOfWeek.TUESDAY, 9)).isEqualTo(1);
        assertThat(plan.roster().staffAt(DayOfWeek.TUESDAY, 17)).isZero();
        assertThat(plan.roster().staffAt(DayOfWeek.SATURDAY, 10)).isZero();
    }

    @Test
    void erlangAStaffsEachOpenHourForPatientsWhoGiveUp() {
        Duration patience = Duration.ofMinutes(30);
        StaffingPlan plan = StaffingPlan.erlangA(DemoDesk.DEMAND, DemoDesk.OPEN, SIX_MINUTES, patience, ONE_HOUR, 0.9);

        double rate = DemoDesk.DEMAND.arrivalsPerHour(DayOfWeek.MONDAY, 9);
        assertThat(plan.roster().staffAt(DayOfWeek.MONDAY, 9))
                .isEqualTo(new ErlangA(rate, SIX_MINUTES, patience).agentsNeeded(ONE_HOUR, 0.9))
                .isPositive();
        assertThat(plan.roster().staffAt(DayOfWeek.SUNDAY, 9)).isZero();
    }

    @Test
    void consecutiveHoursWithTheSameStaffAreOneBlock() {
        StaffingPlan plan = StaffingPlan.of(mondayAndTuesday());

        assertThat(plan.blocks()).containsExactly(
                block(DayOfWeek.MONDAY, 8, 11, 3), block(DayOfWeek.MONDAY, 11, 12, 1), block(DayOfWeek.MONDAY, 12, 17, 2),
                block(DayOfWeek.TUESDAY, 9, 10, 1));
        assertThat(plan.blocks().get(0)).hasToString("MONDAY 08:00–11:00: 3 people");
        assertThat(plan.blocks().get(3)).hasToString("TUESDAY 09:00–10:00: 1 person");
    }

    @Test
    void shortBlocksMergeIntoTheClosestNeighbourAtTheLargerStaff() {
        // MONDAY 11–12 with 1 person is closer in staff to 12–17 (2) than to 08–11 (3): it becomes 11–17 with 2.
        // TUESDAY 09–10 has no staffed neighbour and stays.
        assertThat(StaffingPlan.of(mondayAndTuesday()).blocks(2)).containsExactly(
                block(DayOfWeek.MONDAY, 8, 11, 3), block(DayOfWeek.MONDAY, 11, 17, 2), block(DayOfWeek.TUESDAY, 9, 10, 1));
    }

    @Test
    void aBlockToMidnightEndsAt2400() {
        StaffingPlan plan = StaffingPlan.of(Roster.nobody().with(DayOfWeek.FRIDAY, 20, 24, 1));

        assertThat(plan.blocks()).singleElement().hasToString("FRIDAY 20:00–24:00: 1 person");
        assertThat(plan.blocks().get(0).hours()).isEqualTo(4);
    }

    static Roster mondayAndTuesday() {
        return Roster.nobody()
                .with(DayOfWeek.MONDAY, 8, 11, 3).with(DayOfWeek.MONDAY, 11, 12, 1).with(DayOfWeek.MONDAY, 12, 17, 2)
                .with(DayOfWeek.TUESDAY, 9, 10, 1);
    }

    static StaffBlock block(DayOfWeek day, int from, int to, int staff) {
        return new StaffBlock(day, LocalTime.of(from, 0), to == 24 ? LocalTime.MIDNIGHT : LocalTime.of(to, 0), staff);
    }
}

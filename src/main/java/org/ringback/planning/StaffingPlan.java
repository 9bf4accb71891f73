package org.ringback.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleToIntFunction;

/**
 * The people needed on the callback queue in each open weekday × hour so that a target share of items gets its
 * first attempt within the response target, from Erlang C (or Erlang A where patients give up), and the same
 * plan as rosterable blocks.
 *
 * <p>Erlang C treats each hour as a steady state of its own. Items that arrive while the practice is closed
 * (voicemails overnight) cannot be worked until it opens, so their expected number is added to the demand of the
 * next open hour; closed hours get nobody.
 */
public final class StaffingPlan {

    private final Roster roster;

    private StaffingPlan(Roster roster) {
        this.roster = roster;
    }

    /** Erlang C staffing: every patient waits for the call back. */
    public static StaffingPlan erlangC(WeeklyDemand demand, OpenHours openHours, Duration handleTime,
                                       Duration responseTarget, double targetShare) {
        Objects.requireNonNull(responseTarget, "responseTarget");
        return plan(demand, openHours, rate -> new ErlangC(rate, handleTime).agentsNeeded(responseTarget, targetShare));
    }

    /** Erlang A staffing: a patient not attempted within their patience calls another office instead. */
    public static StaffingPlan erlangA(WeeklyDemand demand, OpenHours openHours, Duration handleTime,
                                       Duration meanPatience, Duration responseTarget, double targetShare) {
        Objects.requireNonNull(responseTarget, "responseTarget");
        return plan(demand, openHours,
                rate -> new ErlangA(rate, handleTime, meanPatience).agentsNeeded(responseTarget, targetShare));
    }

    private static StaffingPlan plan(WeeklyDemand demand, OpenHours openHours, DoubleToIntFunction agentsNeeded) {
        double[] rates = new double[WeeklyDemand.HOURS_PER_WEEK];
        int firstOpen = 0;
        while (!openHours.atHourOfWeek(firstOpen)) {
            firstOpen++;
        }
        // walk the week once from the first open hour, carrying what arrives while closed into the next opening
        double carried = 0;
        for (int step = 1; step <= WeeklyDemand.HOURS_PER_WEEK; step++) {
            int hour = (firstOpen + step) % WeeklyDemand.HOURS_PER_WEEK;
            if (openHours.atHourOfWeek(hour)) {
                rates[hour] = demand.atHourOfWeek(hour) + carried;
                carried = 0;
            } else {
                carried += demand.atHourOfWeek(hour);
            }
        }
        int[] staff = new int[WeeklyDemand.HOURS_PER_WEEK];
        for (int hour = 0; hour < staff.length; hour++) {
            staff[hour] = openHours.atHourOfWeek(hour) ? agentsNeeded.applyAsInt(rates[hour]) : 0;
        }
        return new StaffingPlan(Roster.of((day, hour) -> staff[WeeklyDemand.index(day, hour)]));
    }

    /** A plan for a roster made elsewhere, to read it as blocks. */
    static StaffingPlan of(Roster roster) {
        return new StaffingPlan(Objects.requireNonNull(roster, "roster"));
    }

    /** People per weekday × hour. */
    public Roster roster() {
        return roster;
    }

    /** Consecutive hours of a day with the same number of people (one or more) as one block, in week order. */
    public List<StaffBlock> blocks() {
        List<StaffBlock> blocks = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            int hour = 0;
            while (hour < 24) {
                int staff = roster.staffAt(day, hour);
                int end = hour + 1;
                while (end < 24 && roster.staffAt(day, end) == staff) {
                    end++;
                }
                if (staff > 0) {
                    blocks.add(block(day, hour, end, staff));
                }
                hour = end;
            }
        }
        return blocks;
    }

    /**
     * Blocks of at least {@code shortestHours} where the day allows it: a shorter block is merged into the
     * adjacent block closest in staff, and the merged block keeps the larger number of people, so the plan never
     * drops below what Erlang asked for. A short block with no adjacent staffed hours stays as it is.
     */
    public List<StaffBlock> blocks(int shortestHours) {
        if (shortestHours < 1) {
            throw new IllegalArgumentException("a block lasts at least one hour");
        }
        List<StaffBlock> all = blocks();
        List<StaffBlock> merged = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<StaffBlock> today = new ArrayList<>(all.stream().filter(block -> block.day() == day).toList());
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int i = 0; i < today.size(); i++) {
                    StaffBlock block = today.get(i);
                    if (block.hours() >= shortestHours) {
                        continue;
                    }
                    StaffBlock before = i > 0 && today.get(i - 1).endHour() == block.start().getHour() ? today.get(i - 1) : null;
                    StaffBlock after = i + 1 < today.size() && block.endHour() == today.get(i + 1).start().getHour() ? today.get(i + 1) : null;
                    if (before == null && after == null) {
                        continue;
                    }
                    boolean intoBefore = after == null
                            || before != null && Math.abs(before.staff() - block.staff()) <= Math.abs(after.staff() - block.staff());
                    if (intoBefore) {
                        today.set(i - 1, block(day, before.start().getHour(), block.endHour(), Math.max(before.staff(), block.staff())));
                    } else {
                        today.set(i + 1, block(day, block.start().getHour(), after.endHour(), Math.max(after.staff(), block.staff())));
                    }
                    today.remove(i);
                    changed = true;
                    break;
                }
            }
            merged.addAll(today);
        }
        return merged;
    }

    private static StaffBlock block(DayOfWeek day, int startHour, int endHour, int staff) {
        return new StaffBlock(day, LocalTime.of(startHour, 0), endHour == 24 ? LocalTime.MIDNIGHT : LocalTime.of(endHour, 0), staff);
    }

    @Override
    public String toString() {
        return "StaffingPlan" + blocks();
    }
}

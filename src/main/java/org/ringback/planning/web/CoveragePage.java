package org.ringback.planning.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ringback.callback.web.StaffPage;
import org.ringback.planning.Coverage;
import org.ringback.planning.CoverageReport;
import org.ringback.planning.Roster;
import org.ringback.planning.SimulationReport;
import org.ringback.practice.PracticeDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coverage page: the demand heatmap, the recommended callback blocks, and a roster editor whose simulated
 * outcome stands next to the recommended roster's.
 */
@Controller
@StaffPage
class CoveragePage {

    private static final int MAX_STAFF = 50;

    /** One cell of the weekday × hour grid: expected arrivals, how hot, staff on it. */
    record Cell(DayOfWeek day, int hour, double arrivals, int heat, int staff, boolean open) {
    }

    record HourRow(int hour, List<Cell> cells) {
    }

    private final Coverage coverage;
    private final PracticeDirectory practices;

    CoveragePage(Coverage coverage, PracticeDirectory practices) {
        this.coverage = coverage;
        this.practices = practices;
    }

    @GetMapping("/practices/{practiceId}/coverage")
    String show(@PathVariable UUID practiceId, @RequestParam(defaultValue = "8") int weeks,
                @RequestParam(defaultValue = "0.9") double target, Model model) {
        CoverageReport plan = coverage.plan(practiceId, weeks, target);
        return render(plan, plan.staffing(), null, model);
    }

    /** A what-if: the manager's roster (staff per open hour) simulated against the same forecast. */
    @PostMapping("/practices/{practiceId}/coverage")
    String whatIf(@PathVariable UUID practiceId, @RequestParam(defaultValue = "8") int weeks,
                  @RequestParam(defaultValue = "0.9") double target, @RequestParam Map<String, String> form, Model model) {
        CoverageReport plan = coverage.plan(practiceId, weeks, target);
        Roster edited = Roster.of((day, hour) -> staff(form.get("staff-" + day + "-" + hour)));
        return render(plan, edited, coverage.simulate(plan, edited), model);
    }

    private String render(CoverageReport plan, Roster roster, SimulationReport edited, Model model) {
        model.addAttribute("practice", practices.get(plan.practiceId()));
        model.addAttribute("plan", plan);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("rows", grid(plan, roster));
        model.addAttribute("recommended", coverage.simulate(plan, plan.staffing()));
        model.addAttribute("edited", edited);
        model.addAttribute("json", CoverageController.json(plan));
        return "planning/coverage";
    }

    /** The hours from the first to the last with demand or opening, so nights with nothing stay off the page. */
    private static List<HourRow> grid(CoverageReport plan, Roster roster) {
        double max = 0;
        int first = 23;
        int last = 0;
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                double arrivals = plan.demand().arrivalsPerHour(day, hour);
                max = Math.max(max, arrivals);
                if (arrivals > 0.05 || plan.openHours().isOpen(day, hour)) {
                    first = Math.min(first, hour);
                    last = Math.max(last, hour);
                }
            }
        }
        List<HourRow> rows = new ArrayList<>();
        for (int hour = first; hour <= last; hour++) {
            List<Cell> cells = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                double arrivals = plan.demand().arrivalsPerHour(day, hour);
                int heat = max == 0 ? 0 : (int) Math.round(5 * arrivals / max);
                cells.add(new Cell(day, hour, Math.round(arrivals * 10) / 10.0, heat, roster.staffAt(day, hour),
                        plan.openHours().isOpen(day, hour)));
            }
            rows.add(new HourRow(hour, cells));
        }
        return rows;
    }

    private static int staff(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Math.max(0, Math.min(MAX_STAFF, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

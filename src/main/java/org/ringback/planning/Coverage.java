package org.ringback.planning;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ringback.practice.BusinessCalendar;
import org.ringback.practice.Ladder;
import org.ringback.practice.OpeningInterval;
import org.ringback.practice.Practice;
import org.ringback.practice.PracticeDirectory;
import org.ringback.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage planning for a practice: the demand forecast from its own arrivals, Erlang C staffing per hour,
 * the recommended callback blocks, and what-if simulations of a roster the manager edits.
 */
@Service
public class Coverage {

    /** Each older week counts this much less than the one after it. */
    private static final double RECENCY = 0.8;
    private static final double REACH_OUTSIDE_WINDOWS = 0.35;
    private static final long SEED = 20261123L;
    /** Fewer timed attempts than this say too little: the configured handle time is used instead. */
    public static final int MIN_TIMED_ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final PracticeDirectory practices;
    private final PlanningProperties properties;
    private final Clock clock;

    Coverage(JdbcClient jdbc, PracticeDirectory practices, PlanningProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.practices = practices;
        this.properties = properties;
        this.clock = clock;
    }

    /** The plan for the coming week from the last {@code weeks} weeks, sized so that {@code target} of first attempts are on time. */
    @Transactional(readOnly = true)
    public CoverageReport plan(UUID practiceId, int weeks, double target) {
        if (weeks < 1 || weeks > 52) {
            throw new Refusal.InvalidInput("weeks", "must be between 1 and 52");
        }
        if (!(target >= 0.5 && target <= 0.99)) {
            throw new Refusal.InvalidInput("target", "must be between 0.5 and 0.99");
        }
        Practice practice = practices.get(practiceId);
        BusinessCalendar calendar = practice.calendar();
        LocalDate today = calendar.localDate(clock.instant());
        LocalDate weekStart = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant since = weekStart.minusWeeks(weeks + 1L).atStartOfDay(practice.timeZone()).toInstant();
        Map<String, List<Instant>> arrivalsByQueue = new TreeMap<>();
        jdbc.sql("select queue, received_at from callback where practice_id = :practiceId and received_at >= :since")
                .param("practiceId", practiceId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    arrivalsByQueue.computeIfAbsent(rs.getString("queue"), queue -> new ArrayList<>())
                            .add(rs.getObject("received_at", OffsetDateTime.class).toInstant());
                });
        List<Instant> arrivals = arrivalsByQueue.values().stream().flatMap(List::stream).toList();
        var forecast = new DemandForecast(practice.timeZone(), date -> isHolidayOrClosure(practice, calendar, date), weeks, RECENCY);
        WeeklyDemand demand = forecast.forecast(arrivals, weekStart);
        Map<String, WeeklyDemand> demandByQueue = new LinkedHashMap<>();
        arrivalsByQueue.forEach((queue, queueArrivals) -> demandByQueue.put(queue, forecast.forecast(queueArrivals, weekStart)));
        OpenHours open = openHours(practice);
        Duration handleTime = measuredHandleTime(practiceId, since).orElse(properties.handleTime());
        StaffingPlan staffing = StaffingPlan.erlangC(demand, open, handleTime, properties.responseTarget(), target);
        return new CoverageReport(practiceId, weekStart, weeks, target, handleTime, properties.responseTarget(),
                demand, demandByQueue, open, staffing.roster(), staffing.blocks(), forecast.backtest(arrivals, weekStart.minusWeeks(1)),
                reachByWindow(practiceId, since), attemptsPerItem(practiceId, since), handleTimeByCategory(practiceId, since));
    }

    /** The simulated outcome of a roster against the plan's demand: on-time share, backlog, carried overnight, second calls. */
    public SimulationReport simulate(CoverageReport plan, Roster roster) {
        Practice practice = practices.get(plan.practiceId());
        List<WindowReach> reach = practice.callWindows().stream()
                .map(window -> new WindowReach(window, plan.reachByWindow().getOrDefault(window.name(), REACH_OUTSIDE_WINDOWS)))
                .toList();
        var scenario = new DeskScenario(plan.demand(), roster, plan.openHours(), HandleTime.exponential(plan.handleTime()),
                reach, REACH_OUTSIDE_WINDOWS, Ladder.DEFAULT, plan.responseTarget(), properties.patience());
        return new CallbackDeskSimulation(scenario).run(Horizon.weeks(4).afterWarmUpDays(7), properties.replications(), SEED);
    }

    private Map<String, Double> reachByWindow(UUID practiceId, Instant since) {
        Map<String, Double> reach = new LinkedHashMap<>();
        jdbc.sql("""
                        select call_window, avg(case when result = 'REACHED' then 1.0 else 0.0 end) as reach
                        from attempt where practice_id = :practiceId and at >= :since and method = 'PHONE' and call_window is not null
                        group by call_window order by call_window""")
                .param("practiceId", practiceId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    reach.put(rs.getString("call_window"), rs.getDouble("reach"));
                });
        return reach;
    }

    /** The mean duration of timed attempts (Erlang C needs the mean), when enough were timed. */
    private Optional<Duration> measuredHandleTime(UUID practiceId, Instant since) {
        return jdbc.sql("""
                        select avg(duration_seconds) as mean, count(*) as n from attempt
                        where practice_id = :practiceId and at >= :since and duration_seconds is not null""")
                .param("practiceId", practiceId).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> rs.getLong("n") >= MIN_TIMED_ATTEMPTS ? Optional.of(Duration.ofSeconds(Math.round(rs.getDouble("mean"))))
                        : Optional.<Duration>empty())
                .single();
    }

    private Map<String, CoverageReport.HandleTimeStats> handleTimeByCategory(UUID practiceId, Instant since) {
        Map<String, CoverageReport.HandleTimeStats> stats = new TreeMap<>();
        jdbc.sql("""
                        select c.category,
                               percentile_cont(0.5) within group (order by a.duration_seconds) as median,
                               percentile_cont(0.9) within group (order by a.duration_seconds) as p90,
                               count(*) as n
                        from attempt a join callback c on c.practice_id = a.practice_id and c.id = a.callback_id
                        where a.practice_id = :practiceId and a.at >= :since and a.duration_seconds is not null
                        group by c.category""")
                .param("practiceId", practiceId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    stats.put(rs.getString("category"), new CoverageReport.HandleTimeStats(
                            Duration.ofSeconds(Math.round(rs.getDouble("median"))), Duration.ofSeconds(Math.round(rs.getDouble("p90"))),
                            rs.getLong("n")));
                });
        return stats;
    }

    private double attemptsPerItem(UUID practiceId, Instant since) {
        Double mean = jdbc.sql("""
                        select avg(attempt_count) from callback
                        where practice_id = :practiceId and status = 'CLOSED' and closed_at >= :since and attempt_count > 0""")
                .param("practiceId", practiceId).param("since", since.atOffset(ZoneOffset.UTC))
                .query(Double.class).optional().orElse(null);
        return mean == null ? 0 : mean;
    }

    /** A weekday the practice normally opens on but did not: a holiday or a closure, whose demand is not typical. */
    private static boolean isHolidayOrClosure(Practice practice, BusinessCalendar calendar, LocalDate date) {
        return !practice.businessHours().getOrDefault(date.getDayOfWeek(), List.of()).isEmpty() && !calendar.isBusinessDay(date);
    }

    /** The hours the practice is open for at least part of the hour, from its weekly business hours. */
    static OpenHours openHours(Practice practice) {
        return OpenHours.of((day, hour) -> practice.businessHours().getOrDefault(day, List.of()).stream()
                .anyMatch(interval -> overlaps(interval, hour)));
    }

    private static boolean overlaps(OpeningInterval interval, int hour) {
        LocalTime start = LocalTime.of(hour, 0);
        boolean endsAfterStart = interval.endsAtMidnight() || interval.end().isAfter(start);
        boolean startsBeforeEnd = hour == 23 || interval.start().isBefore(LocalTime.of(hour + 1, 0));
        return endsAfterStart && startsBeforeEnd;
    }
}

package org.ringback.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of the measures: explicit queries over the callback module's tables, each served by an index
 * of V1_60 (or the board's), reading only the rows of the period. Counting by local weekday and hour is done by
 * PostgreSQL in the practice's time zone; business-minute arithmetic is left to {@link MeasureCalculator}.
 */
@Repository
class MeasureRows {

    /** The events that start or end a wait on the patient, and repeat calls attached to an item. */
    private static final String ITEM_EVENTS = "'WAITING_STARTED', 'RESUMED', 'CLOSED', 'REPEAT_CALL_ATTACHED'";

    private final JdbcClient jdbc;

    MeasureRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PeriodRows load(UUID practiceId, ZoneId zone, ReportPeriod period, Instant now) {
        return loadAll(List.of(practiceId), zone, period, now).get(practiceId);
    }

    /**
     * The rows of one period for several practices of one time zone, with one statement per kind of row for all of
     * them (the organisation roll-up), split by practice. A single practice's pack goes through here too, so both
     * read the same rows the same way.
     */
    Map<UUID, PeriodRows> loadAll(List<UUID> practiceIds, ZoneId zone, ReportPeriod period, Instant now) {
        Instant from = period.from(zone);
        Instant to = period.to(zone);
        Instant backlogAt = to.isBefore(now) ? to : now;
        UUID[] ids = practiceIds.toArray(UUID[]::new);
        Map<UUID, List<PeriodRows.Item>> items = items(ids, from, to, now);
        Map<UUID, List<PeriodRows.ReachTally>> reach = reach(ids, zone, from, to);
        Map<UUID, List<PeriodRows.EventTally>> events = events(ids, from, to);
        Map<UUID, int[][]> arrivals = arrivals(ids, zone, from, to);
        Map<UUID, List<Instant>> backlog = backlog(ids, backlogAt);
        Map<UUID, PeriodRows> byPractice = new HashMap<>();
        for (UUID id : practiceIds) {
            byPractice.put(id, new PeriodRows(period, from, to, now, backlogAt, items.getOrDefault(id, List.of()),
                    reach.getOrDefault(id, List.of()), events.getOrDefault(id, List.of()),
                    arrivals.getOrDefault(id, new int[7][24]), backlog.getOrDefault(id, List.of())));
        }
        return byPractice;
    }

    List<PeriodRows.Item> items(UUID practiceId, Instant from, Instant to, Instant now) {
        return items(new UUID[] {practiceId}, from, to, now).getOrDefault(practiceId, List.of());
    }

    int[][] arrivals(UUID practiceId, ZoneId zone, Instant from, Instant to) {
        return arrivals(new UUID[] {practiceId}, zone, from, to).getOrDefault(practiceId, new int[7][24]);
    }

    private Map<UUID, List<PeriodRows.Item>> items(UUID[] practiceIds, Instant from, Instant to, Instant now) {
        Map<UUID, ItemEvents> events = itemEvents(practiceIds, from, to, now);
        Map<UUID, List<PeriodRows.Item>> byPractice = new HashMap<>();
        jdbc.sql("""
                        select c.practice_id, c.id, c.category, c.channel, c.queue, c.urgency, c.received_at, c.first_attempt_due_at,
                               c.first_attempt_at, c.resolved_at, c.closed_at, c.closure_outcome, c.repeat_of is not null as second_call,
                               coalesce(k.queue = 'SCHEDULING', false) as scheduling, coalesce(k.clinical, false) as clinical_category
                        from callback c
                        left join category k on k.practice_id = c.practice_id and k.code = c.category
                        where c.practice_id = any(:practiceIds) and c.received_at >= :from and c.received_at < :to
                        order by c.practice_id, c.received_at, c.id""")
                .param("practiceIds", practiceIds)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    ItemEvents of = events.getOrDefault(id, ItemEvents.NONE);
                    byPractice.computeIfAbsent(rs.getObject("practice_id", UUID.class), k -> new ArrayList<>())
                            .add(new PeriodRows.Item(id, rs.getString("category"), rs.getString("channel"), rs.getString("queue"),
                            rs.getString("urgency"), instant(rs, "received_at").orElseThrow(),
                            instant(rs, "first_attempt_due_at").orElseThrow(), instant(rs, "first_attempt_at"),
                            instant(rs, "resolved_at"), instant(rs, "closed_at"), Optional.ofNullable(rs.getString("closure_outcome")),
                            rs.getBoolean("second_call"), rs.getBoolean("scheduling"), rs.getBoolean("clinical_category"),
                            of.attachedRepeats, of.pauses));
                });
        return byPractice;
    }

    private record ItemEvents(int attachedRepeats, List<PeriodRows.Pause> pauses) {
        static final ItemEvents NONE = new ItemEvents(0, List.of());
    }

    /** Waits on the patient (from WAITING_STARTED on PATIENT to the next wait, resume or close) and attached repeat calls. */
    private Map<UUID, ItemEvents> itemEvents(UUID[] practiceIds, Instant from, Instant to, Instant now) {
        record Row(UUID callbackId, Instant at, String type, String waitingOn) {
        }
        List<Row> rows = jdbc.sql("""
                        select e.callback_id, e.at, e.type, e.detail ->> 'on' as waiting_on
                        from callback c
                        join callback_event e on e.practice_id = c.practice_id and e.callback_id = c.id
                        where c.practice_id = any(:practiceIds) and c.received_at >= :from and c.received_at < :to
                          and e.type in (%s)
                        order by e.callback_id, e.seq""".formatted(ITEM_EVENTS))
                .param("practiceIds", practiceIds)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, n) -> new Row(rs.getObject("callback_id", UUID.class), instant(rs, "at").orElseThrow(),
                        rs.getString("type"), rs.getString("waiting_on")))
                .list();
        Map<UUID, ItemEvents> byItem = new HashMap<>();
        int i = 0;
        while (i < rows.size()) {
            UUID id = rows.get(i).callbackId();
            int attached = 0;
            List<PeriodRows.Pause> pauses = new ArrayList<>();
            Instant pausedSince = null;
            for (; i < rows.size() && rows.get(i).callbackId().equals(id); i++) {
                Row row = rows.get(i);
                if (row.type().equals("REPEAT_CALL_ATTACHED")) {
                    attached++;
                    continue;
                }
                if (pausedSince != null) {
                    pauses.add(new PeriodRows.Pause(pausedSince, row.at()));
                    pausedSince = null;
                }
                if (row.type().equals("WAITING_STARTED") && "PATIENT".equals(row.waitingOn())) {
                    pausedSince = row.at();
                }
            }
            if (pausedSince != null) {
                pauses.add(new PeriodRows.Pause(pausedSince, now.isAfter(pausedSince) ? now : pausedSince));
            }
            byItem.put(id, new ItemEvents(attached, List.copyOf(pauses)));
        }
        return byItem;
    }

    private Map<UUID, List<PeriodRows.ReachTally>> reach(UUID[] practiceIds, ZoneId zone, Instant from, Instant to) {
        Map<UUID, List<PeriodRows.ReachTally>> byPractice = new HashMap<>();
        jdbc.sql("""
                        select a.practice_id, coalesce(a.call_window, 'OUTSIDE_WINDOWS') as call_window,
                               extract(isodow from a.at at time zone :zone)::int as day,
                               count(*) as attempts, count(*) filter (where a.result = 'REACHED') as reached
                        from attempt a
                        where a.practice_id = any(:practiceIds) and a.at >= :from and a.at < :to and a.method = 'PHONE'
                        group by 1, 2, 3""")
                .param("practiceIds", practiceIds)
                .param("zone", zone.getId())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    byPractice.computeIfAbsent(rs.getObject("practice_id", UUID.class), k -> new ArrayList<>())
                            .add(new PeriodRows.ReachTally(rs.getString("call_window"), DayOfWeek.of(rs.getInt("day")),
                                    rs.getInt("attempts"), rs.getInt("reached")));
                });
        return byPractice;
    }

    private Map<UUID, List<PeriodRows.EventTally>> events(UUID[] practiceIds, Instant from, Instant to) {
        Map<UUID, List<PeriodRows.EventTally>> byPractice = new HashMap<>();
        jdbc.sql("""
                        select e.practice_id, e.type, c.category,
                               case e.type when 'WAITING_STARTED' then e.detail ->> 'on'
                                           when 'ESCALATED' then e.detail ->> 'level' else '' end as detail,
                               count(*) as n
                        from callback_event e
                        join callback c on c.practice_id = e.practice_id and c.id = e.callback_id
                        where e.practice_id = any(:practiceIds) and e.type in ('ESCALATED', 'WAITING_STARTED', 'REPEAT_CALL_ATTACHED')
                          and e.at >= :from and e.at < :to
                        group by 1, 2, 3, 4""")
                .param("practiceIds", practiceIds)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    byPractice.computeIfAbsent(rs.getObject("practice_id", UUID.class), k -> new ArrayList<>())
                            .add(new PeriodRows.EventTally(rs.getString("type"), rs.getString("category"),
                                    Optional.ofNullable(rs.getString("detail")).orElse(""), rs.getInt("n")));
                });
        return byPractice;
    }

    /** Arrivals by local ISO weekday (row 0 = Monday) and local hour. */
    private Map<UUID, int[][]> arrivals(UUID[] practiceIds, ZoneId zone, Instant from, Instant to) {
        Map<UUID, int[][]> byPractice = new HashMap<>();
        jdbc.sql("""
                        select practice_id, extract(isodow from received_at at time zone :zone)::int as day,
                               extract(hour from received_at at time zone :zone)::int as hour, count(*) as n
                        from callback
                        where practice_id = any(:practiceIds) and received_at >= :from and received_at < :to
                        group by 1, 2, 3""")
                .param("practiceIds", practiceIds)
                .param("zone", zone.getId())
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    int[][] grid = byPractice.computeIfAbsent(rs.getObject("practice_id", UUID.class), k -> new int[7][24]);
                    grid[rs.getInt("day") - 1][rs.getInt("hour")] = rs.getInt("n");
                });
        return byPractice;
    }

    /** When each item open at the moment was received: still open now, or closed at or after the moment. */
    private Map<UUID, List<Instant>> backlog(UUID[] practiceIds, Instant at) {
        Map<UUID, List<Instant>> byPractice = new HashMap<>();
        jdbc.sql("""
                        select practice_id, received_at from callback
                        where practice_id = any(:practiceIds) and status <> 'CLOSED' and received_at < :at
                        union all
                        select practice_id, received_at from callback
                        where practice_id = any(:practiceIds) and closed_at >= :at and received_at < :at""")
                .param("practiceIds", practiceIds)
                .param("at", utc(at))
                .query(rs -> {
                    byPractice.computeIfAbsent(rs.getObject("practice_id", UUID.class), k -> new ArrayList<>())
                            .add(instant(rs, "received_at").orElseThrow());
                });
        return byPractice;
    }

    /** First attempts on time per local week (Monday), counted exactly as {@link MeasureCalculator} counts them. */
    Map<LocalDate, Share> onTimeByWeek(UUID practiceId, ZoneId zone, Instant from, Instant to, Instant now) {
        Map<LocalDate, Share> weeks = new HashMap<>();
        jdbc.sql("""
                        select date_trunc('week', c.received_at at time zone :zone)::date as week,
                               count(*) filter (where c.first_attempt_at is not null
                                   or (c.first_attempt_due_at <= :now and (c.closed_at is null or c.closed_at > c.first_attempt_due_at))) as counted,
                               count(*) filter (where c.first_attempt_at <= c.first_attempt_due_at) as on_time
                        from callback c
                        where c.practice_id = :practiceId and c.received_at >= :from and c.received_at < :to
                        group by 1""")
                .param("practiceId", practiceId)
                .param("zone", zone.getId())
                .param("now", utc(now))
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    weeks.put(rs.getObject("week", LocalDate.class), Share.of(rs.getInt("on_time"), rs.getInt("counted")));
                });
        return weeks;
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? Optional.empty() : Optional.of(value.toInstant());
    }
}

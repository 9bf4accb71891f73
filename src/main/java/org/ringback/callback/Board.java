package org.ringback.callback;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.ringback.audit.AuditLog;
import org.ringback.identity.CurrentUser;
import org.ringback.identity.Identity;
import org.ringback.practice.BoardIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff board as one query: a page of the open items of the chosen practices, each with its patient, its
 * category's ladder and its last attempt, in board order, with the count of all that match. One statement whatever
 * the number of rows. The practice filter is repeated on the practice and category joins: PostgreSQL does not carry
 * {@code = any(...)} across a join, and without it, at 2,000 practices, it hashed every practice's categories for
 * each render (EXPLAIN in BENCHMARKS.md).
 */
@Service
public class Board {

    /** The most rows one board page shows (the page's refresh keeps up to this many rows that were shown). */
    public static final int LIMIT = 1000;
    /** The rows of a first page: the most urgent ones; the rest come on demand, through the cursor. */
    public static final int PAGE = 200;

    /** What a row needs of its callback, read before the joins on a page after a cursor. */
    private static final String PAGE_COLUMNS = """
            c.id, c.practice_id, c.patient_id, c.contact_phone, c.caller_name, c.category, c.urgency, c.urgency_rank, c.queue,
            c.owner, c.status, c.waiting_on, c.received_at, c.board_due_at, c.attempt_count, c.next_action, c.next_action_at,
            c.red_flags, c.escalation_level""";

    private final JdbcClient jdbc;
    private final Identity identity;
    private final Clock clock;
    private final AuditLog audit;

    Board(JdbcClient jdbc, Identity identity, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * One page of the board.
     *
     * @param shown the rows of this page, in board order
     * @param total how many open items match the filters, on every page
     * @param next  where the next page starts, when there are more rows after these
     */
    public record Rows(List<BoardRow> shown, int total, Optional<BoardCursor> next) {
    }

    /** The first rows of the board, up to {@code limit} (at most {@link #LIMIT}), after the cursor when given. */
    @Transactional
    public Rows rows(Set<UUID> practiceIds, BoardQuery query, Optional<BoardCursor> after, int limit) {
        CurrentUser user = identity.current();
        practiceIds.forEach(identity::requireAccess);
        practiceIds.forEach(practiceId -> audit.record(practiceId, AuditLog.Action.LIST, "callback", null));
        if (practiceIds.isEmpty()) {
            return new Rows(List.of(), 0, Optional.empty());
        }
        // One practice is compared as a value, not as an array: PostgreSQL then reads callback_board in board order
        // and stops at the page's last row (with "= any" it reads and sorts the open items of the practices).
        boolean one = practiceIds.size() == 1;
        String practiceIs = one ? "= :practiceId" : "= any(:practiceIds)";
        var params = new HashMap<String, Object>();
        params.put("practiceId", practiceIds.iterator().next());
        params.put("practiceIds", practiceIds.toArray(UUID[]::new));
        // The filters, for the rows and for the count of all of them (which ignores the cursor).
        var filters = new StringBuilder("c.practice_id " + practiceIs + " and c.status <> 'CLOSED'");
        if (query.mine()) {
            filters.append(" and c.owner = :owner");
            params.put("owner", user.username());
        }
        query.queue().ifPresent(queue -> {
            filters.append(" and c.queue = :queue");
            params.put("queue", queue);
        });
        query.category().ifPresent(category -> {
            filters.append(" and c.category = :category");
            params.put("category", category);
        });
        if (query.overdue()) {
            filters.append(" and c.board_due_at < :now");
            params.put("now", Callbacks.utc(clock.instant()));
        }
        query.waiting().ifPresent(waiting -> {
            filters.append(" and c.status = :waitingStatus");
            params.put("waitingStatus", "PATIENT".equals(waiting) ? Status.WAITING_ON_PATIENT.name() : Status.WAITING_ON_INTERNAL.name());
        });
        int pageSize = Math.max(1, Math.min(limit, LIMIT));
        // One practice is named as a value in the joins too, not through c.practice_id: joined through the row,
        // PostgreSQL planned the 1,000-row refresh of a practice with more open items than its statistics knew as a
        // join of every open item, then a sort (46,276 buffers at 7,380 open items; 17,779 so: BENCHMARKS.md).
        String practiceOf = one ? ":practiceId" : "c.practice_id";
        String joins = """
                join practice pr on pr.id = %1$s%2$s
                left join patient p on p.practice_id = %1$s and p.id = c.patient_id
                left join category k on k.practice_id = %1$s and k.code = c.category%3$s
                left join lateral (select a.result from attempt a
                                   where a.practice_id = %1$s and a.callback_id = c.id and c.attempt_count > 0
                                   order by a.seq desc limit 1) last on true
                """.formatted(practiceOf, one ? "" : " and pr.id = any(:practiceIds)", one ? "" : " and k.practice_id = any(:practiceIds)");
        // The first page reads callback_board in board order and stops at its last row. After a cursor, the page's
        // callbacks come first (BoardKeyset: two index ranges) and only they are joined; an item not tried yet has
        // no last attempt to look up.
        String rows = after.isEmpty()
                ? "from callback c\n" + joins + "where " + filters + " order by c.urgency_rank desc, c.board_due_at, c.id limit " + (pageSize + 1)
                : "from (" + BoardKeyset.page(PAGE_COLUMNS, filters.toString(), true, pageSize + 1) + ") c\n" + joins
                        + "order by c.urgency_rank desc, c.board_due_at, c.id";
        BoardKeyset.bind(params, after);
        String sql = """
                select c.id, c.practice_id, pr.name as practice_name, pr.time_zone, pr.board_identifier,
                       p.display_name, p.mrn, c.contact_phone, c.caller_name, c.category, c.urgency, c.queue, c.owner,
                       c.status, c.waiting_on, c.received_at, c.board_due_at, c.attempt_count,
                       coalesce(k.ladder_max_attempts, 3) as max_attempts, coalesce(k.name, c.category) as category_name, last.result as last_result,
                       c.next_action, c.next_action_at, jsonb_array_length(c.red_flags) > 0 as red_flag, c.escalation_level,
                       (select count(*) from callback c where %s) as total
                """.formatted(filters) + rows;
        int[] total = {0};
        List<BoardRow> found = jdbc.sql(sql).params(params).query((rs, n) -> {
            total[0] = rs.getInt("total");
            BoardIdentifier identifier = BoardIdentifier.valueOf(rs.getString("board_identifier"));
            String name = Optional.ofNullable(rs.getString("display_name")).orElse(rs.getString("caller_name"));
            return new BoardRow(rs.getObject("id", UUID.class), rs.getObject("practice_id", UUID.class), rs.getString("practice_name"),
                    ZoneId.of(rs.getString("time_zone")), identifier.identify(name, rs.getString("mrn"), rs.getString("contact_phone")),
                    rs.getString("category"), rs.getString("category_name"), Urgency.valueOf(rs.getString("urgency")), rs.getString("queue"),
                    Optional.ofNullable(rs.getString("owner")), Status.valueOf(rs.getString("status")),
                    Optional.ofNullable(rs.getString("waiting_on")).map(WaitingOn::valueOf),
                    Callbacks.instant(rs, "received_at"), Callbacks.instant(rs, "board_due_at"), rs.getInt("attempt_count"),
                    rs.getInt("max_attempts"), Optional.ofNullable(rs.getString("last_result")).map(AttemptResult::valueOf),
                    Optional.ofNullable(rs.getString("next_action")), Optional.ofNullable(Callbacks.instant(rs, "next_action_at")),
                    rs.getBoolean("red_flag"), rs.getInt("escalation_level"));
        }).list();
        if (found.isEmpty() && after.isPresent()) {
            // A page past the last row (its items were closed meanwhile): the count comes on its own.
            total[0] = jdbc.sql("select count(*) from callback c where " + filters).params(params).query(Integer.class).single();
        }
        if (found.size() <= pageSize) {
            return new Rows(found, total[0], Optional.empty());
        }
        BoardRow last = found.get(pageSize - 1);
        return new Rows(found.subList(0, pageSize), total[0], Optional.of(new BoardCursor(last.urgency().ordinal(), last.dueAt(), last.id())));
    }

    public Instant now() {
        return clock.instant();
    }
}

package org.ringback.callback;

import java.util.Map;
import java.util.Optional;

/**
 * A page of callbacks in board order (urgency highest first, then earliest due, then id), after a cursor, as SQL.
 * The order mixes directions, so "after the cursor" is no single row-value comparison; written as
 * {@code rank < r or (rank = r and (due > d or ...))} PostgreSQL read it as a bitmap OR of every later row and sorted
 * them all (7,180 rows for a page of 200, BENCHMARKS.md). Here it is two ranges of {@code callback_board}: the
 * cursor's urgency after its (due, id), and every lower urgency. Each is read in index order and cut at the page's
 * size, and the page is the first rows of the two, so a page reads about its own rows, however many come after it.
 */
final class BoardKeyset {

    /** Board order; {@code board_due_at} is never null, so no nulls to place. */
    static final String ORDER = "urgency_rank desc, board_due_at, id";

    private BoardKeyset() {
    }

    /**
     * The first {@code limit} rows in board order of {@code select <columns> from callback c where <filters>}, after
     * the cursor when given (its values bound by {@link #bind}); the columns must include the order's three.
     */
    static String page(String columns, String filters, boolean afterCursor, int limit) {
        String select = "select " + columns + " from callback c where " + filters;
        String cut = " order by c.urgency_rank desc, c.board_due_at, c.id limit " + limit;
        if (!afterCursor) {
            return select + cut;
        }
        return "(" + select + " and c.urgency_rank = :cursorRank and (c.board_due_at, c.id) > (:cursorDue, :cursorId)" + cut + ")"
                + " union all (" + select + " and c.urgency_rank < :cursorRank" + cut + ")"
                + " order by " + ORDER + " limit " + limit;
    }

    static void bind(Map<String, Object> params, Optional<BoardCursor> cursor) {
        cursor.ifPresent(after -> {
            params.put("cursorRank", after.urgencyRank());
            params.put("cursorDue", Callbacks.utc(after.due()));
            params.put("cursorId", after.id());
        });
    }
}

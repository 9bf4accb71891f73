package org.ringback.callback;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ringback.practice.CalendarChanged;
import org.ringback.practice.CategoryChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A category's targets or a practice's calendar changed: the open items concerned get due times derived again
 * from their clock events, in the transaction of the change. Only open items of that practice (and category) are
 * read; closed items keep the due times they were measured against.
 */
@Component
class ClockRecompute {

    private static final Logger log = LoggerFactory.getLogger(ClockRecompute.class);

    private record Open(UUID id, String category) {
    }

    private final JdbcClient jdbc;
    private final Callbacks callbacks;
    private final CallbackDesk desk;
    private final Clock clock;

    ClockRecompute(JdbcClient jdbc, Callbacks callbacks, CallbackDesk desk, Clock clock) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.desk = desk;
        this.clock = clock;
    }

    @EventListener
    void categoryChanged(CategoryChanged changed) {
        recompute(changed.practiceId(), Optional.of(changed.code()));
    }

    @EventListener
    void calendarChanged(CalendarChanged changed) {
        recompute(changed.practiceId(), Optional.empty());
    }

    /** Answers how many items' due times moved. */
    int recompute(UUID practiceId, Optional<String> category) {
        List<Open> open = jdbc.sql("""
                        select id, category from callback
                        where practice_id = :practiceId and status <> 'CLOSED' and (cast(:category as text) is null or category = :category)
                        order by id
                        for update""")
                .param("practiceId", practiceId)
                .param("category", category.orElse(null))
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getString("category")))
                .list();
        Map<String, CallbackContext> contexts = new HashMap<>();
        int moved = 0;
        for (Open item : open) {
            CallbackContext context = contexts.computeIfAbsent(item.category(), code -> desk.context(practiceId, code, Optional.empty()));
            Callback callback = callbacks.find(practiceId, item.id()).orElseThrow();
            if (callback.recomputeClocks(clock.instant(), context, Actor.SYSTEM)) {
                callbacks.save(callback);
                moved++;
            } else if (!callback.unsavedSlaEvents().isEmpty()) {
                callbacks.save(callback);
            }
        }
        if (!open.isEmpty()) {
            log.info("Recomputed the due times of {} open callbacks ({} moved)", open.size(), moved);
        }
        return moved;
    }
}

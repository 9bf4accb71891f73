package org.ringback.callback;

import java.time.Clock;
import java.util.ArrayList;
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

    private static final int BATCH = 500;

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
        List<UUID> open = jdbc.sql("""
                        select id from callback
                        where practice_id = :practiceId and status <> 'CLOSED' and (cast(:category as text) is null or category = :category)
                        order by id
                        for update""")
                .param("practiceId", practiceId)
                .param("category", category.orElse(null))
                .query(UUID.class)
                .list();
        Map<String, CallbackContext> contexts = new HashMap<>();
        int moved = 0;
        // Loaded and saved in batches (four reads and a few writes per batch), as the sweeps do: a practice with a
        // thousand open items changes its hours in one request.
        for (int from = 0; from < open.size(); from += BATCH) {
            List<Callback> changed = new ArrayList<>();
            for (Callback callback : callbacks.findAll(practiceId, open.subList(from, Math.min(open.size(), from + BATCH)))) {
                CallbackContext context = contexts.computeIfAbsent(callback.state().category(),
                        code -> desk.context(practiceId, code, Optional.empty()));
                if (callback.recomputeClocks(clock.instant(), context, Actor.SYSTEM)) {
                    changed.add(callback);
                    moved++;
                } else if (!callback.unsavedSlaEvents().isEmpty()) {
                    changed.add(callback);
                }
            }
            callbacks.saveAll(changed);
        }
        if (!open.isEmpty()) {
            log.info("Recomputed the due times of {} open callbacks ({} moved)", open.size(), moved);
        }
        return moved;
    }
}

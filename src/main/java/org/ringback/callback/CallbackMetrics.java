package org.ringback.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open and overdue items across all practices, for the people running Ringback. No practice or patient in
 * the labels: counts only. Read at most every 30 seconds however often Prometheus scrapes.
 */
@Component
class CallbackMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Counts(long open, long overdue, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Counts counts;

    CallbackMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ringback.callbacks.open", this, metrics -> metrics.counts().open())
                .description("Open callbacks, all practices").register(registry);
        Gauge.builder("ringback.callbacks.overdue", this, metrics -> metrics.counts().overdue())
                .description("Open callbacks past their due time, all practices").register(registry);
    }

    private Counts counts() {
        Instant now = clock.instant();
        Counts last = counts;
        if (last == null || last.readAt().plus(FRESH_FOR).isBefore(now) || last.readAt().isAfter(now)) {
            last = jdbc.sql("""
                            select count(*) as open, count(*) filter (where board_due_at < :now) as overdue
                            from callback where status <> 'CLOSED'""")
                    .param("now", Callbacks.utc(now))
                    .query((rs, n) -> new Counts(rs.getLong("open"), rs.getLong("overdue"), now))
                    .single();
            counts = last;
        }
        return last;
    }
}

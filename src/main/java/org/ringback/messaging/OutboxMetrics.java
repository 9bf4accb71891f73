package org.ringback.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog across all practices (queued and retrying messages), for the people running Ringback: a
 * count only, no practice or patient in the labels. Read at most every 30 seconds however often Prometheus scrapes.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Backlog(long count, Instant readAt) {
    }

    private final Outbox outbox;
    private final Clock clock;
    private volatile Backlog backlog;

    OutboxMetrics(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ringback.messages.backlog", this, metrics -> metrics.backlog())
                .description("Outbound messages waiting to be sent (queued or retrying), all practices").register(registry);
    }

    private long backlog() {
        Instant now = clock.instant();
        Backlog last = backlog;
        if (last == null || last.readAt().plus(FRESH_FOR).isBefore(now) || last.readAt().isAfter(now)) {
            last = new Backlog(outbox.backlog(), now);
            backlog = last;
        }
        return last.count();
    }
}

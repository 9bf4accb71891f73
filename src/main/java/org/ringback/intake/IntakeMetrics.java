package org.ringback.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ringback.callback.Channel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts requests taken in, by channel and by what became of them; counted once their transaction commits. */
@Component
class IntakeMetrics {

    /** What a request became: a new item, a repeat attached to an open one, or a replay of one already taken. */
    enum Result { CREATED, ATTACHED, REPLAYED }

    private final MeterRegistry meters;

    IntakeMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void taken(Channel channel, Result result) {
        Counter counter = Counter.builder("ringback.intake").description("Requests taken in")
                .tag("channel", channel.name()).tag("result", result.name()).register(meters);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}

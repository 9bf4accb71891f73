package org.ringback.telephony;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the inbox worker every few seconds on every instance (rows are claimed with SKIP LOCKED, so instances share
 * the work). Switched by {@code ringback.telephony.worker.enabled}, which follows {@code ringback.sweep.enabled}
 * unless set: tests, which switch the sweep off, drive the worker by hand.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${ringback.telephony.worker.enabled:${ringback.sweep.enabled:true}}")
@EnableScheduling
class InboxSchedule {

    private static final Logger log = LoggerFactory.getLogger(InboxSchedule.class);

    @Bean
    Runner inboxRunner(InboxWorker worker) {
        return new Runner(worker);
    }

    static class Runner {
        private final InboxWorker worker;

        Runner(InboxWorker worker) {
            this.worker = worker;
        }

        @Scheduled(fixedDelayString = "${ringback.telephony.worker.interval:PT2S}", initialDelayString = "PT5S")
        void run() {
            try {
                worker.processDue();
            } catch (RuntimeException e) {
                // Named by type only: a database error's message may quote values from the webhook.
                log.warn("The Twilio inbox worker could not run: {}", e.getClass().getName());
            }
        }
    }
}

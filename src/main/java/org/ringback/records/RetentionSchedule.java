package org.ringback.records;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the retention purge on a schedule, on one app instance at a time. It uses the scheduler lock (ShedLock's
 * provider in PostgreSQL) that the escalation sweep sets up, so it is switched by {@code ringback.retention.enabled},
 * which follows {@code ringback.sweep.enabled} unless set: tests, which switch the sweep off, run the purge by hand.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${ringback.retention.enabled:${ringback.sweep.enabled:true}}")
@EnableScheduling
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    @Bean
    Purger retentionPurger(RetentionPurge purge) {
        return new Purger(purge);
    }

    static class Purger {
        private final RetentionPurge purge;

        Purger(RetentionPurge purge) {
            this.purge = purge;
        }

        @Scheduled(fixedDelayString = "${ringback.retention.purge-interval:PT1H}", initialDelayString = "PT2M")
        @SchedulerLock(name = "retention-purge", lockAtMostFor = "PT2H", lockAtLeastFor = "PT10S")
        void run() {
            try {
                purge.purgeDue();
            } catch (RuntimeException e) {
                // Named by type only: a database error's message may quote values.
                log.warn("The retention purge could not finish: {}; the next run continues", e.getClass().getName());
            }
        }
    }
}

package org.ringback.measures;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the month summaries up to date on one app instance at a time (the scheduler lock the escalation sweep sets
 * up), so the organisation's month finds them ready: hourly, the previous month of every practice is summarised
 * once settled, and summaries made invalid by late changes are computed again. Switched by
 * {@code ringback.measures.summaries.enabled}, which follows {@code ringback.sweep.enabled} unless set: tests,
 * which switch the sweep off, run it by hand.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${ringback.measures.summaries.enabled:${ringback.sweep.enabled:true}}")
@EnableScheduling
class MonthSummarySchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthSummarySchedule.class);

    @Bean
    Summariser monthSummariser(MonthlyMeasures monthly) {
        return new Summariser(monthly);
    }

    static class Summariser {
        private final MonthlyMeasures monthly;

        Summariser(MonthlyMeasures monthly) {
            this.monthly = monthly;
        }

        @Scheduled(fixedDelayString = "${ringback.measures.summaries.interval:PT1H}", initialDelayString = "PT3M")
        @SchedulerLock(name = "month-summaries", lockAtMostFor = "PT2H", lockAtLeastFor = "PT10S")
        void run() {
            try {
                monthly.refresh();
            } catch (RuntimeException e) {
                // Named by type only: a database error's message may quote values.
                log.warn("The month summaries could not be brought up to date: {}; the next run continues", e.getClass().getName());
            }
        }
    }
}

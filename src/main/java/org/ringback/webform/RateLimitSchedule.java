package org.ringback.webform;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets the web form's ended rate-limit windows hourly, on one app instance at a time (the scheduler lock the
 * escalation sweep sets up). Follows {@code ringback.sweep.enabled}: tests, which switch the sweep off, call
 * {@link WebForms#forgetEndedRateWindows()} by hand.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${ringback.sweep.enabled:true}")
@EnableScheduling
class RateLimitSchedule {

    private static final Logger log = LoggerFactory.getLogger(RateLimitSchedule.class);

    @Bean
    Forgetter rateLimitForgetter(WebForms webForms) {
        return new Forgetter(webForms);
    }

    static class Forgetter {
        private final WebForms webForms;

        Forgetter(WebForms webForms) {
            this.webForms = webForms;
        }

        @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT4M")
        @SchedulerLock(name = "webform-rate-limits", lockAtMostFor = "PT10M", lockAtLeastFor = "PT10S")
        void run() {
            try {
                webForms.forgetEndedRateWindows();
            } catch (RuntimeException e) {
                // Named by type only: a database error's message may quote values.
                log.warn("Ended rate-limit windows could not be forgotten: {}; the next run tries again", e.getClass().getName());
            }
        }
    }
}

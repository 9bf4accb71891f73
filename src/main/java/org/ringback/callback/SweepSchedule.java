package org.ringback.callback;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the escalation sweep on a schedule, on one app instance at a time (a lock row in PostgreSQL). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ringback.sweep.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SweepSchedule {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    Sweeper sweeper(EscalationSweep sweep) {
        return new Sweeper(sweep);
    }

    static class Sweeper {
        private final EscalationSweep sweep;

        Sweeper(EscalationSweep sweep) {
            this.sweep = sweep;
        }

        @Scheduled(fixedDelayString = "${ringback.sweep.interval:PT1M}", initialDelayString = "PT30S")
        @SchedulerLock(name = "escalation-sweep", lockAtLeastFor = "PT5S")
        void run() {
            sweep.sweep();
        }
    }
}

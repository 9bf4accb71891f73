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

/** Runs the escalation sweep and the work sweeps on a schedule, each on one app instance at a time (a lock row in PostgreSQL). */
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

    @Bean
    WorkSweeper workSweeper(WorkSweeps sweeps) {
        return new WorkSweeper(sweeps);
    }

    /** The end-of-day, idle-owner and expected-date sweeps: each under its own lock, so each runs on one instance. */
    static class WorkSweeper {
        private final WorkSweeps sweeps;

        WorkSweeper(WorkSweeps sweeps) {
            this.sweeps = sweeps;
        }

        @Scheduled(fixedDelayString = "${ringback.sweep.interval:PT1M}", initialDelayString = "PT35S")
        @SchedulerLock(name = "end-of-day-sweep", lockAtLeastFor = "PT5S")
        void endOfDay() {
            sweeps.endOfDay();
        }

        @Scheduled(fixedDelayString = "${ringback.sweep.interval:PT1M}", initialDelayString = "PT40S")
        @SchedulerLock(name = "idle-owner-sweep", lockAtLeastFor = "PT5S")
        void idleOwners() {
            sweeps.idleOwners();
        }

        @Scheduled(fixedDelayString = "${ringback.sweep.interval:PT1M}", initialDelayString = "PT45S")
        @SchedulerLock(name = "expected-date-sweep", lockAtLeastFor = "PT5S")
        void expectedDates() {
            sweeps.expectedDates();
        }
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

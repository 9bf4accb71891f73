package org.ringback.messaging;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The sender chosen by {@code ringback.messaging.sender}, and the outbox worker's schedule. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    MessageSender messageSender(MessagingProperties properties) {
        return properties.sender() == MessagingProperties.Sender.TWILIO
                ? TwilioMessageSender.create(properties.twilio())
                : new LogMessageSender();
    }

    /**
     * Runs the outbox worker on one app instance at a time (ShedLock's row {@code outbox-worker} in the
     * {@code shedlock} table); the claim with SKIP LOCKED keeps each message to one sender even if two runs overlap.
     * Switched by {@code ringback.messaging.worker.enabled}, which follows {@code ringback.sweep.enabled} unless set:
     * tests, which switch the sweep off, drive the worker by hand.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("${ringback.messaging.worker.enabled:${ringback.sweep.enabled:true}}")
    @EnableScheduling
    static class Schedule {

        private static final Logger log = LoggerFactory.getLogger(Schedule.class);

        @Bean
        Runner outboxRunner(OutboxWorker worker, DataSource dataSource, Clock clock) {
            var locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                    .withJdbcTemplate(new JdbcTemplate(dataSource))
                    .usingDbTime()
                    .build());
            return new Runner(worker, new DefaultLockingTaskExecutor(locks), clock);
        }

        static class Runner {
            private final OutboxWorker worker;
            private final LockingTaskExecutor locks;
            private final Clock clock;

            Runner(OutboxWorker worker, LockingTaskExecutor locks, Clock clock) {
                this.worker = worker;
                this.locks = locks;
                this.clock = clock;
            }

            @Scheduled(fixedDelayString = "${ringback.messaging.worker.interval:PT15S}", initialDelayString = "PT20S")
            void run() {
                try {
                    locks.executeWithLock((Runnable) worker::sendDue,
                            new LockConfiguration(clock.instant(), "outbox-worker", Duration.ofMinutes(5), Duration.ofSeconds(1)));
                } catch (RuntimeException e) {
                    // Named by type only: a database error's message may quote values of a message.
                    log.warn("The outbox worker could not run: {}", e.getClass().getName());
                }
            }
        }
    }
}

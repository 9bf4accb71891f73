package org.ringback.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes expired HTTP sessions from PostgreSQL every minute, in place of Spring Session's own cleanup (switched off
 * by {@code spring.session.jdbc.cleanup-cron=-}), which every instance would run at the same second. Here the first
 * instance to take a lock in PostgreSQL deletes; the others find it taken and skip the minute. Switched by
 * {@code ringback.sessions.cleanup.enabled}, which follows {@code ringback.sweep.enabled} unless set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@ConditionalOnExpression("${ringback.sessions.cleanup.enabled:${ringback.sweep.enabled:true}}")
@EnableScheduling
class SessionCleanup {

    @Bean
    ExpiredSessions expiredSessions(JdbcClient jdbc, TransactionTemplate transaction, JdbcIndexedSessionRepository sessions) {
        return new ExpiredSessions(jdbc, transaction, sessions);
    }

    static class ExpiredSessions {

        private final JdbcClient jdbc;
        private final TransactionTemplate transaction;
        private final JdbcIndexedSessionRepository sessions;

        ExpiredSessions(JdbcClient jdbc, TransactionTemplate transaction, JdbcIndexedSessionRepository sessions) {
            this.jdbc = jdbc;
            this.transaction = transaction;
            this.sessions = sessions;
        }

        @Scheduled(cron = "${ringback.sessions.cleanup.cron:0 * * * * *}")
        void run() {
            delete();
        }

        /** Deletes the expired sessions unless another instance is doing it now; true when this one did. */
        boolean delete() {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('ringback.session-cleanup'))")
                        .query(Boolean.class).single();
                if (mine) {
                    // Spring Session's own statement, in its own transaction; the lock lasts until ours ends.
                    sessions.cleanUpExpiredSessions();
                }
                return mine;
            }));
        }
    }
}

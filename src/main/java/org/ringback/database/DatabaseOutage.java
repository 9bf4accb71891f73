package org.ringback.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an unreachable or restarting PostgreSQL from every other failure, whatever layer wrapped it (a transaction
 * that could not begin, a pool that timed out, a sign-in that could not load its user): callers answer those with
 * 503 and this message instead of a 500, and the pool reconnects by itself once the server is back.
 */
public final class DatabaseOutage {

    /** What users and API clients are told; it names no data of the request. */
    public static final String MESSAGE = "Database unavailable, try again in a moment";

    /** Seconds a client should wait before it retries (the Retry-After header). */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            // Class 08: connection exception; 57P01-57P03: the server is shutting down, crashed or not yet accepting.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}

package org.ringback.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements the app executes through its DataSource, so a test can show that a page costs a
 * fixed number of queries however many rows it shows. Statements run on the server's threads, so a recording
 * sees everything the app executes while it is open: only one test may record at a time, and nothing else may
 * use the app meanwhile (integration test classes run one after another).
 */
public final class QueryCounting implements QueryExecutionListener {

    /** The statements executed while an action ran, in the order they finished, with each one's wall time. */
    public record Statements(List<String> sql, List<Long> elapsedMillis) {

        public int count() {
            return sql.size();
        }

        @Override
        public String toString() {
            return count() + " statements:\n  " + String.join("\n  ", sql);
        }
    }

    private final AtomicLong executed = new AtomicLong();
    private volatile Queue<String[]> recording;

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        executed.incrementAndGet();
        Queue<String[]> open = recording;
        if (open != null) {
            open.add(new String[] {queries.stream().map(QueryInfo::getQuery).map(QueryCounting::oneLine).collect(Collectors.joining("; "))
                    + (execution.isBatch() ? " [batch of " + execution.getBatchSize() + "]" : ""), Long.toString(execution.getElapsedTime())});
        }
    }

    /** Every statement executed since the app started, one per execute call (a batch counts once). */
    public long executed() {
        return executed.get();
    }

    /** Runs the action and answers the statements the app executed meanwhile, on any thread. */
    public synchronized Statements during(Runnable action) {
        Queue<String[]> open = new ConcurrentLinkedQueue<>();
        recording = open;
        try {
            action.run();
        } finally {
            recording = null;
        }
        return new Statements(open.stream().map(statement -> statement[0]).toList(),
                open.stream().map(statement -> Long.parseLong(statement[1])).toList());
    }

    private static String oneLine(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}

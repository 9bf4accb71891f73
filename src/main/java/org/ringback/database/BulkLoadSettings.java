package org.ringback.database;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server settings of the bundled PostgreSQL while the {@code generate} command fills it, and only then: they are
 * command-line options of that one start, so the app's next start on the same data directory runs with its usual,
 * durable settings again. Each keeps crash safety (a crash recovers to a consistent database; a run with
 * {@code synchronous_commit} off may lose its last practices), and each cut work measured in BENCHMARKS.md.
 */
final class BulkLoadSettings {

    static final Map<String, String> SETTINGS = settings();

    private BulkLoadSettings() {
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // Index builds write no WAL at this level (the index files are synced at commit instead); the loaded rows
        // are logged as at any level. Minimal allows no WAL senders; nothing here replicates or archives.
        settings.put("wal_level", "minimal");
        settings.put("max_wal_senders", "0");
        // Fewer checkpoints: after each, the first change of every page (the keys' leaf pages, filled practice by
        // practice) is logged as a whole page again. pg_wal may grow to this size during the run.
        settings.put("max_wal_size", "4GB");
        settings.put("checkpoint_timeout", "30min");
        settings.put("wal_buffers", "64MB");
        // Nothing but the load writes: vacuuming tables that only grow is work for later; the generator analyzes them.
        settings.put("autovacuum", "off");
        settings.put("synchronous_commit", "off");
        return Collections.unmodifiableMap(settings);
    }
}

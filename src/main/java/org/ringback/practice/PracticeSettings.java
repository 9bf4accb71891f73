package org.ringback.practice;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The practices' settings (the practice, its calendar and its categories) kept in memory for intake and the desk,
 * which read them on every request although they change a few times a year.
 *
 * <p>A change made through this instance evicts the practice at once and again when its transaction ends (commit or
 * rollback); reads inside the changing transaction go to the database and are not kept, so no other request sees a
 * setting before it commits. A change made by another instance on the same database is seen here after at most
 * {@link #TTL}: the same order of delay as a request that started just before the change, and short next to the
 * minutes a manager's change takes to matter (a new response window applies to items received after it).
 * A load that overlaps any change is not kept, so an eviction cannot be undone by a slow reader.
 */
final class PracticeSettings {

    static final Duration TTL = Duration.ofSeconds(2);
    private static final int MAX_PRACTICES = 10_000;
    private static final Object CHANGED_IN_TRANSACTION = PracticeSettings.class.getName() + ".changed";

    /** One practice's settings as read at one moment. */
    record Entry(Practice practice, BusinessCalendar calendar, Map<String, Category> categories, long loadedAt) {
    }

    /** How to read one practice's settings from the database; empty for an unknown practice (which is not kept). */
    interface Loader {
        Optional<Practice> practice(UUID id);

        List<Category> categories(UUID id);
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final Loader loader;
    private final long ttlNanos;

    PracticeSettings(Loader loader) {
        this(loader, TTL);
    }

    PracticeSettings(Loader loader, Duration ttl) {
        this.loader = loader;
        this.ttlNanos = ttl.toNanos();
    }

    Optional<Entry> find(UUID practiceId) {
        Entry entry = entries.get(practiceId);
        if (entry != null && System.nanoTime() - entry.loadedAt() < ttlNanos) {
            return Optional.of(entry);
        }
        long changesBefore = changes.get();
        long loadedAt = System.nanoTime();
        Optional<Entry> loaded = loader.practice(practiceId).map(practice -> new Entry(practice, practice.calendar(),
                loader.categories(practiceId).stream().collect(Collectors.toUnmodifiableMap(Category::code, Function.identity())),
                loadedAt));
        if (loaded.isPresent() && changes.get() == changesBefore && !TransactionSynchronizationManager.hasResource(CHANGED_IN_TRANSACTION)) {
            if (entries.size() >= MAX_PRACTICES) {
                entries.clear();
            }
            entries.put(practiceId, loaded.get());
        }
        return loaded;
    }

    /** Forgets a practice's settings now and when the current transaction ends; until then reads bypass the cache. */
    void changed(UUID practiceId) {
        evict(practiceId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (!TransactionSynchronizationManager.hasResource(CHANGED_IN_TRANSACTION)) {
                TransactionSynchronizationManager.bindResource(CHANGED_IN_TRANSACTION, Boolean.TRUE);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (TransactionSynchronizationManager.hasResource(CHANGED_IN_TRANSACTION)) {
                        TransactionSynchronizationManager.unbindResource(CHANGED_IN_TRANSACTION);
                    }
                    evict(practiceId);
                }
            });
        }
    }

    private void evict(UUID practiceId) {
        changes.incrementAndGet();
        entries.remove(practiceId);
    }
}

package org.ringback.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PracticeSettingsTest {

    private static final UUID ID = UUID.randomUUID();

    /** A database of one practice whose name changes, counting the reads. */
    private final AtomicInteger reads = new AtomicInteger();
    private volatile String name = "Lakeside";

    private final PracticeSettings.Loader loader = new PracticeSettings.Loader() {
        @Override
        public Optional<Practice> practice(UUID id) {
            reads.incrementAndGet();
            return id.equals(ID) ? Optional.of(aPractice(name)) : Optional.empty();
        }

        @Override
        public List<Category> categories(UUID id) {
            return DefaultCategories.all();
        }
    };

    @AfterEach
    void noTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void readsAPracticeOnceWhileItsSettingsAreFresh() {
        var settings = new PracticeSettings(loader, Duration.ofHours(1));

        assertThat(settings.find(ID).orElseThrow().practice().name()).isEqualTo("Lakeside");
        assertThat(settings.find(ID).orElseThrow().categories()).containsKey("APPOINTMENT_REQUEST");
        assertThat(settings.find(ID)).isPresent();

        assertThat(reads).hasValue(1);
    }

    @Test
    void readsAgainAfterTheTimeToLiveSoAnotherInstancesChangeIsSeen() throws InterruptedException {
        var settings = new PracticeSettings(loader, Duration.ofMillis(1));
        settings.find(ID);
        name = "Lakeside (changed elsewhere)";
        Thread.sleep(5);

        assertThat(settings.find(ID).orElseThrow().practice().name()).isEqualTo("Lakeside (changed elsewhere)");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anUnknownPracticeIsNotKept() {
        var settings = new PracticeSettings(loader, Duration.ofHours(1));
        UUID unknown = UUID.randomUUID();

        assertThat(settings.find(unknown)).isEmpty();
        assertThat(settings.find(unknown)).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeOutsideATransactionIsSeenAtOnce() {
        var settings = new PracticeSettings(loader, Duration.ofHours(1));
        settings.find(ID);
        name = "Lakeside Family Medicine";
        settings.changed(ID);

        assertThat(settings.find(ID).orElseThrow().practice().name()).isEqualTo("Lakeside Family Medicine");
    }

    @Test
    void insideTheChangingTransactionReadsAreNotKeptAndItsEndEvictsAgain() {
        var settings = new PracticeSettings(loader, Duration.ofHours(1));
        settings.find(ID);
        TransactionSynchronizationManager.initSynchronization();

        settings.changed(ID);
        name = "Uncommitted";
        assertThat(settings.find(ID).orElseThrow().practice().name()).as("the transaction sees its own change").isEqualTo("Uncommitted");
        assertThat(settings.find(ID)).isPresent();
        assertThat(reads).as("not kept while the change is uncommitted").hasValue(3);

        name = "Lakeside";
        List<TransactionSynchronization> synchronizations = new ArrayList<>(TransactionSynchronizationManager.getSynchronizations());
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(settings.find(ID).orElseThrow().practice().name()).as("rolled back").isEqualTo("Lakeside");
        assertThat(settings.find(ID)).isPresent();
        assertThat(reads).as("kept again after the transaction").hasValue(4);
    }

    @Test
    void aLoadThatOverlapsAChangeIsNotKept() {
        var settings = new PracticeSettings(new PracticeSettings.Loader() {
            @Override
            public Optional<Practice> practice(UUID id) {
                return loader.practice(id);
            }

            @Override
            public List<Category> categories(UUID id) {
                if (reads.get() == 1) {
                    // Another thread changes the practice while this one is reading it.
                    name = "Changed meanwhile";
                    changedMeanwhile.run();
                }
                return loader.categories(id);
            }
        }, Duration.ofHours(1));
        changedMeanwhile = () -> settings.changed(ID);

        assertThat(settings.find(ID).orElseThrow().practice().name()).isEqualTo("Lakeside");
        assertThat(settings.find(ID).orElseThrow().practice().name()).isEqualTo("Changed meanwhile");
    }

    private volatile Runnable changedMeanwhile = () -> {
    };

    private static Practice aPractice(String name) {
        return new Practice(ID, name, ZoneId.of("America/New_York"), Optional.empty(), "US",
                Map.of(java.time.DayOfWeek.MONDAY, List.of(new OpeningInterval(LocalTime.of(8, 0), LocalTime.of(17, 0)))),
                Set.of(), List.of(), BoardIdentifier.values()[0]);
    }
}

package org.ringback.telephony;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ringback.shared.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works the inbox: claims one due webhook at a time (locked, skipping rows another instance holds), hands it to
 * the {@link InboxProcessor} inside a savepoint, and records the outcome in the same transaction. A failure rolls
 * back only the processing: the row is tried again later, with a growing wait, and set aside as FAILED after
 * {@code maxAttempts}. Reports name the practice, the call's kind and the error's type, never patient data.
 */
@Component
class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final Inbox inbox;
    private final InboxProcessor processor;
    private final TelephonyProperties.Worker properties;
    private final TransactionTemplate claim;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    InboxWorker(Inbox inbox, InboxProcessor processor, TelephonyProperties properties, PlatformTransactionManager transactions,
                Clock clock) {
        this.inbox = inbox;
        this.processor = processor;
        this.properties = properties.worker();
        this.claim = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** Handles the due webhooks, at most one batch; answers how many it handled (done, ignored, retried or failed). */
    int processDue() {
        int handled = 0;
        while (handled < properties.batch() && Boolean.TRUE.equals(claim.execute(status -> processNext()))) {
            handled++;
        }
        return handled;
    }

    private boolean processNext() {
        Instant now = clock.instant();
        Optional<Inbox.Row> claimed = inbox.claimNext(now);
        if (claimed.isEmpty()) {
            return false;
        }
        Inbox.Row row = claimed.get();
        try {
            InboxProcessor.Result result = savepoint.execute(status -> processor.process(row));
            if (result instanceof InboxProcessor.Result.Done done) {
                inbox.finish(row, Inbox.Status.DONE, Optional.of(done.callbackId()), Optional.empty(), now);
            } else if (result instanceof InboxProcessor.Result.Ignored ignored) {
                log.info("Twilio {} webhook for practice {} ignored: {}", row.kind(), row.practiceId(), ignored.why());
                inbox.finish(row, Inbox.Status.IGNORED, Optional.empty(), Optional.of(ignored.why()), now);
            } else {
                inbox.retryAt(row, now.plus(properties.retryAfter()), row.attempts(), Optional.empty());
            }
        } catch (RuntimeException e) {
            failed(row, e, now);
        }
        return true;
    }

    private void failed(Inbox.Row row, RuntimeException e, Instant now) {
        int attempts = row.attempts() + 1;
        String error = describe(e);
        if (attempts >= properties.maxAttempts()) {
            log.error("Twilio {} webhook for practice {} failed {} times and is set aside: {}", row.kind(), row.practiceId(), attempts, error);
            inbox.fail(row, attempts, error, now);
            return;
        }
        Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(attempts - 1, 10));
        log.warn("Twilio {} webhook for practice {} failed (attempt {} of {}), retrying in {}: {}", row.kind(), row.practiceId(),
                attempts, properties.maxAttempts(), wait, error);
        inbox.retryAt(row, now.plus(wait), attempts, Optional.of(error));
    }

    /** A refusal's message is written to carry no patient data; any other exception is named by its type only. */
    static String describe(RuntimeException e) {
        return e instanceof Refusal refusal ? refusal.getClass().getSimpleName() + ": " + refusal.getMessage() : e.getClass().getName();
    }
}

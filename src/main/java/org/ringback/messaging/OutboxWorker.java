package org.ringback.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ringback.audit.AuditLog;
import org.ringback.patient.Patient;
import org.ringback.patient.PatientRegistry;
import org.ringback.practice.PracticeDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: claims due messages (committed as SENDING before anything is sent, rows another worker holds
 * skipped), checks the {@link TextingPolicy} again with today's consent and clock, hands each to the
 * {@link MessageSender} outside any transaction, and records SENT, a retry with backoff, or a dead letter.
 * A message is sent at most once: only its claimer sends it, and a claim whose outcome was never recorded (a crash
 * mid-send) becomes a dead letter, not a second text. Logs carry message ids and error codes, never numbers or text.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final MessageSender sender;
    private final PracticeDirectory practices;
    private final PatientRegistry patients;
    private final MessagingProperties.Worker properties;
    private final TextingPolicy.Backoff backoff;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    OutboxWorker(Outbox outbox, MessageSender sender, PracticeDirectory practices, PatientRegistry patients,
                 MessagingProperties properties, PlatformTransactionManager transactions, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.sender = sender;
        this.practices = practices;
        this.patients = patients;
        this.properties = properties.worker();
        this.backoff = properties.worker().backoff();
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One run: gives up stale claims, claims a batch of due messages and works them; answers how many it claimed. */
    int sendDue() {
        Instant now = clock.instant();
        Integer abandoned = transaction.execute(status -> outbox.abandonStaleClaims(now.minus(properties.lease())));
        if (abandoned != null && abandoned > 0) {
            log.warn("{} outbound messages were claimed but never recorded as sent; they are dead letters (outcome unknown)", abandoned);
        }
        List<OutboundMessage> claimed = transaction.execute(status -> outbox.claimDue(now, properties.batch()));
        if (claimed == null) {
            return 0;
        }
        for (OutboundMessage message : claimed) {
            try {
                work(message);
            } catch (RuntimeException e) {
                // Left SENDING: the lease turns it into a dead letter rather than risk a second text.
                log.error("Outbound message {} of practice {} could not be worked: {}", message.id(), message.practiceId(),
                        e.getClass().getName());
            }
        }
        return claimed.size();
    }

    private void work(OutboundMessage message) {
        Instant now = clock.instant();
        Optional<Patient> patient = message.patientId().flatMap(id -> patients.find(message.practiceId(), id));
        TextingPolicy.Recipient recipient = patient.map(Messaging::recipient).orElse(TextingPolicy.Recipient.UNKNOWN_CALLER);
        Set<LocalDate> daysTexted = patient.isPresent() && message.automatic()
                ? outbox.daysTexted(message.practiceId(), patient.get().id(), Optional.of(message.id())) : Set.of();
        var verdict = TextingPolicy.decide(recipient, message.automatic(), daysTexted,
                practices.find(message.practiceId()).calendar(), now);
        if (verdict instanceof TextingPolicy.Suppress suppress) {
            log.info("Outbound message {} of practice {} suppressed at send time: {}", message.id(), message.practiceId(), suppress.reason());
            transaction.executeWithoutResult(status -> outbox.suppress(message, suppress.reason()));
            return;
        }
        var send = (TextingPolicy.Send) verdict;
        boolean later = send.at().isAfter(now);
        if (later || !message.localDay().equals(Optional.of(send.day()))) {
            if (!moved(message, send, later) || later) {
                return;
            }
        }
        String to = recipient.phone().orElseThrow();
        String body = message.text().orElseThrow(() -> new IllegalStateException("A queued message without text"));
        try {
            String providerId = sender.send(new MessageSender.Text(message.practiceId(), message.id(), to, body));
            transaction.executeWithoutResult(status -> {
                outbox.sent(message, to, providerId, clock.instant());
                // The worker read the patient's number and consent and handed the text on: in the trail, as "system".
                audit.record(message.practiceId(), AuditLog.Action.EXPORT, "message", message.id().toString());
            });
        } catch (MessageSender.SendFailure failure) {
            failed(message, failure.code(), failure.permanent());
        } catch (RuntimeException e) {
            failed(message, e.getClass().getSimpleName(), false);
        }
    }

    /**
     * The practice is closed now (the message waits for its next opening) or the message goes out on a later day
     * than it was queued for: it moves to that day, unless the patient already has that day's automatic text.
     */
    private boolean moved(OutboundMessage message, TextingPolicy.Send send, boolean later) {
        try {
            transaction.executeWithoutResult(status -> {
                if (later) {
                    outbox.defer(message, send.at(), send.day());
                } else {
                    outbox.moveDay(message, send.day());
                }
            });
            return true;
        } catch (DataIntegrityViolationException e) {
            transaction.executeWithoutResult(status -> outbox.suppress(message, SuppressionReason.DAILY_LIMIT));
            return false;
        }
    }

    private void failed(OutboundMessage message, String code, boolean permanent) {
        int failures = message.failures() + 1;
        Optional<Instant> next = permanent ? Optional.empty() : backoff.nextTry(failures, clock.instant());
        if (next.isPresent()) {
            log.warn("Outbound message {} of practice {} failed ({} of {}), retrying at {}: {}", message.id(), message.practiceId(),
                    failures, backoff.maxFailures(), next.get(), code);
            transaction.executeWithoutResult(status -> outbox.retry(message, failures, code, next.get()));
        } else {
            String reason = permanent ? "PERMANENT_FAILURE" : "TOO_MANY_FAILURES";
            log.error("Outbound message {} of practice {} is a dead letter after {} failures: {}", message.id(), message.practiceId(),
                    failures, code);
            transaction.executeWithoutResult(status -> outbox.dead(message, failures, reason, Optional.of(code)));
        }
    }
}

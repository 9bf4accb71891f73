package org.ringback.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.ringback.patient.Consent;
import org.ringback.practice.BusinessCalendar;

/**
 * When a text may go to a patient (DESIGN.md "Patient and consent", issue #4 "Consent-aware outbound messages"):
 * only with SMS consent and a number, only while the practice is open (outside its hours the text waits for the next
 * opening, it is not dropped), and at most one automatic text per patient per practice-local day. Checked when a
 * message is queued and again when it is sent. Plain Java: the caller passes the instant and what it knows.
 */
public final class TextingPolicy {

    /** What to do with a text. */
    public sealed interface Verdict permits Send, Suppress {
    }

    /** Send it at {@code at} (now, or the practice's next opening), which falls on the practice-local {@code day}. */
    public record Send(Instant at, LocalDate day) implements Verdict {
    }

    /** Do not send it, for this reason. */
    public record Suppress(SuppressionReason reason) implements Verdict {
    }

    /** What the rules know about the recipient: consent (none for an unknown caller) and a number to text. */
    public record Recipient(Consent consent, Optional<String> phone) {

        public static final Recipient UNKNOWN_CALLER = new Recipient(Consent.UNKNOWN_CALLER, Optional.empty());

        public Recipient {
            Objects.requireNonNull(consent, "consent");
            Objects.requireNonNull(phone, "phone");
        }
    }

    private TextingPolicy() {
    }

    /**
     * The verdict for a text to {@code recipient} at {@code now}.
     *
     * @param automatic  whether it is an automatic text (the one-a-day rule applies to those only)
     * @param daysTexted the practice-local days on which the patient already has an automatic text queued or sent
     */
    public static Verdict decide(Recipient recipient, boolean automatic, Set<LocalDate> daysTexted, BusinessCalendar calendar,
                                 Instant now) {
        if (!recipient.consent().sms()) {
            return new Suppress(SuppressionReason.NO_SMS_CONSENT);
        }
        if (recipient.phone().filter(phone -> !phone.isBlank()).isEmpty()) {
            return new Suppress(SuppressionReason.NO_PHONE);
        }
        Instant at = calendar.nextOpenAt(now);
        LocalDate day = calendar.localDate(at);
        if (automatic && daysTexted.contains(day)) {
            return new Suppress(SuppressionReason.DAILY_LIMIT);
        }
        return new Send(at, day);
    }

    /**
     * Retries with exponential backoff: the n-th failure waits {@code first × 2^(n-1)}, at most {@code max}; the
     * {@code maxFailures}-th failure makes the message a dead letter.
     */
    public record Backoff(int maxFailures, Duration first, Duration max) {

        public Backoff {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be at least 1");
            }
            if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("need 0 < first <= max");
            }
        }

        /** When to try again after the {@code failures}-th failure at {@code now}; empty: give up (dead letter). */
        public Optional<Instant> nextTry(int failures, Instant now) {
            if (failures >= maxFailures) {
                return Optional.empty();
            }
            Duration wait = first.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 30));
            return Optional.of(now.plus(wait.compareTo(max) > 0 ? max : wait));
        }
    }
}

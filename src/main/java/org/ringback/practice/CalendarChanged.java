package org.ringback.practice;

import java.util.UUID;

/**
 * Published inside the transaction that changes a practice's business time (hours, holidays, closures, time zone),
 * so that its open items' due times are counted again in the new calendar in the same transaction.
 */
public record CalendarChanged(UUID practiceId) {
}
